import { choiceQuestionType, exactChoices } from './choice.js';

/** One right choice among several (radio buttons). */
export const singleChoice = choiceQuestionType('single-choice', 'choice', exactChoices);
