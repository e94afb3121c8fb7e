import { choiceQuestionType, exactChoices } from './choice.js';

const base = choiceQuestionType('true-false', 'true-false', exactChoices);

/** Two choices, true and false, reported to the LMS as a true-false interaction; never shuffled (True stays above False). */
export const trueFalse = { ...base, reset: (root, question) => base.reset(root, question, null) } as typeof base;
