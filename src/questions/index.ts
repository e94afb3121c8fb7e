import type { QuestionType } from './question-type.js';
import { singleChoice } from './single-choice.js';
import { multipleChoice } from './multiple-choice.js';
import { trueFalse } from './true-false.js';
import { matching } from './matching.js';
import { ordering } from './ordering.js';
import { fillIn } from './fill-in.js';
import { numeric } from './numeric.js';
import { likert } from './likert.js';

export type { QuestionType } from './question-type.js';

/** Every question type. Adding a type means adding its module here; the quiz composes them. */
export const questionTypes: readonly QuestionType[] = [singleChoice, multipleChoice, trueFalse, matching, ordering, fillIn, numeric, likert];

export function findQuestionType(type: string): QuestionType | undefined {
  return questionTypes.find((t) => t.type === type);
}
