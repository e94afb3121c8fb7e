import { choiceQuestionRenderer } from './choice-question.js';

export const singleChoiceRenderer = choiceQuestionRenderer('single-choice', 'hintSingle');
