import { choiceQuestionRenderer } from './choice-question.js';

export const trueFalseRenderer = choiceQuestionRenderer('true-false', 'hintTrueFalse');
