import { multipleChoice } from './multiple-choice.js';
import type { QuestionType } from './question-type.js';
import { singleChoice } from './single-choice.js';
import { trueFalse } from './true-false.js';

/** Every question type the runtime knows. Adding a type means adding its module here. */
export const questionTypes: QuestionType[] = [singleChoice, multipleChoice, trueFalse];

export function questionTypeFor(type: string): QuestionType | undefined {
  return questionTypes.find((q) => q.type === type);
}
