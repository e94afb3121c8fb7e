import { Type } from '@sinclair/typebox';
import type { ChoiceQuestion } from '../model/course.js';
import { defaults } from '../schema/defaults.js';
import { defineQuestionType } from './question-type.js';
import { questionBaseToModel, questionSchema } from './question-base.js';
import { allChoiceIds, ChoicesSchema, checkChoices, choicesToModel } from './choices.js';

/** Several right answers; the learner must pick exactly those. */
export const multipleChoice = defineQuestionType({
  type: 'multiple-choice',
  schema: questionSchema(
    'multiple-choice',
    {
      choices: ChoicesSchema,
      partialCredit: Type.Optional(
        Type.Boolean({
          default: defaults.partialCredit,
          description:
            'Give part of the points: right choices ticked / right choices − wrong choices ticked / wrong choices, never below 0. ' +
            'Without it, only exactly the right choices earn the point.',
        }),
      ),
    },
    {
      title: 'Multiple-choice question',
      description: 'The learner ticks every right answer; at least one choice is correct.',
    },
  ),
  toModel(raw, node, ctx): ChoiceQuestion {
    const question: ChoiceQuestion = {
      ...questionBaseToModel(raw, node, ctx),
      type: 'multiple-choice',
      choices: choicesToModel(raw.choices, node.at('choices'), ctx),
    };
    if (raw.partialCredit) question.partialCredit = true;
    return question;
  },
  worstCaseResponse: allChoiceIds,
  check(question, ctx) {
    checkChoices(question, ctx);
  },
});
