import { choiceQuestionType, exactChoices } from './choice.js';

/** Two choices, true and false, reported to the LMS as a true-false interaction. */
export const trueFalse = choiceQuestionType('true-false', 'true-false', exactChoices);
