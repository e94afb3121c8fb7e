import { choiceQuestionType, correctIds, exactChoices } from './choice.js';

/**
 * Checkboxes. All and only the right choices earn the point; with `partialCredit`, the share
 * is right choices ticked / right choices − wrong choices ticked / wrong choices, never below
 * 0: ticking everything (or nothing) earns 0.
 */
export const multipleChoice = choiceQuestionType('multiple-choice', 'choice', (question, response) => {
  if (!question.partialCredit) return exactChoices(question, response);
  const right = correctIds(question);
  const wrong = question.choices.length - right.length;
  const hits = response.filter((id) => right.includes(id)).length;
  const misses = response.length - hits;
  return Math.max(0, hits / right.length - (wrong ? misses / wrong : 0));
});
