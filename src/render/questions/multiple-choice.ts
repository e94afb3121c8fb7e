import { choiceQuestionRenderer } from './choice-question.js';

export const multipleChoiceRenderer = choiceQuestionRenderer('multiple-choice', 'hintMultiple');
