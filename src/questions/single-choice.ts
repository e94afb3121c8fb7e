import type { ChoiceQuestion } from '../model/course.js';
import { defineQuestionType } from './question-type.js';
import { questionBaseToModel, questionSchema } from './question-base.js';
import { ChoicesSchema, checkChoices, choicesToModel } from './choices.js';

/** One right answer among several choices. */
export const singleChoice = defineQuestionType({
  type: 'single-choice',
  schema: questionSchema(
    'single-choice',
    { choices: ChoicesSchema },
    { title: 'Single-choice question', description: 'The learner picks one answer; exactly one choice is correct.' },
  ),
  toModel(raw, node, ctx): ChoiceQuestion {
    return { ...questionBaseToModel(raw, node, ctx), type: 'single-choice', choices: choicesToModel(raw.choices, node.at('choices'), ctx) };
  },
  // One choice is saved: the longest id.
  worstCaseResponse: (question) => [question.choices.map((c) => c.id).reduce((a, b) => (b.length > a.length ? b : a))],
  check(question, ctx) {
    checkChoices(question, ctx);
    const correct = question.choices.filter((c) => c.correct);
    if (correct.length > 1) {
      ctx.report('SEVERAL_CORRECT_CHOICES', correct[1]?.loc, { id: question.id, count: correct.length });
    }
  },
});
