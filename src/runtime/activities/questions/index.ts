import type { QuestionType } from './question-type.js';
import { questionTypes } from './registry.js';

export { questionTypes };

export function questionTypeFor(type: string): QuestionType | undefined {
  return questionTypes.find((q) => q.type === type);
}
