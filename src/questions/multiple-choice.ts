import type { ChoiceQuestion } from '../model/course.js';
import { defineQuestionType } from './question-type.js';
import { questionBaseToModel, questionSchema } from './question-base.js';
import { allChoiceIds, ChoicesSchema, checkChoices, choicesToModel } from './choices.js';

/** Several right answers; the learner must pick exactly those. */
export const multipleChoice = defineQuestionType({
  type: 'multiple-choice',
  schema: questionSchema(
    'multiple-choice',
    { choices: ChoicesSchema },
    {
      title: 'Multiple-choice question',
      description: 'The learner ticks every right answer; at least one choice is correct.',
    },
  ),
  toModel(raw, node, ctx): ChoiceQuestion {
    return { ...questionBaseToModel(raw, node, ctx), type: 'multiple-choice', choices: choicesToModel(raw.choices, node.at('choices'), ctx) };
  },
  worstCaseResponse: allChoiceIds,
  check(question, ctx) {
    checkChoices(question, ctx);
  },
});
