import { choiceQuestionType, exactChoices } from './choice.js';

/** All and only the right choices earn the point (checkboxes); no partial credit. */
export const multipleChoice = choiceQuestionType('multiple-choice', 'choice', exactChoices);
