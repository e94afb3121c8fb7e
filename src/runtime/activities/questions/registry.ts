import { fillIn } from './fill-in.js';
import { likert } from './likert.js';
import { matching } from './matching.js';
import { multipleChoice } from './multiple-choice.js';
import { numeric } from './numeric.js';
import { ordering } from './ordering.js';
import type { QuestionType } from './question-type.js';
import { singleChoice } from './single-choice.js';
import { trueFalse } from './true-false.js';

/**
 * Every question type the runtime knows: one module per type, named after it, exporting it
 * under its camel-cased name (`fill-in.ts` exports `fillIn`). Adding a type means adding its
 * module here. A package gets a generated list instead, of the types its course uses
 * (src/render/runtime-bundle.ts), so a course without matching questions carries no matching code.
 */
export const questionTypes: QuestionType[] = [singleChoice, multipleChoice, trueFalse, matching, ordering, fillIn, numeric, likert];
