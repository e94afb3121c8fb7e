import { Type } from '@sinclair/typebox';
import type { Choice, ChoiceQuestion, Language } from '../model/course.js';
import { Markdown, StrictObject } from '../schema/common.js';
import { defineQuestionType } from './question-type.js';
import { questionBaseToModel, questionSchema } from './question-base.js';

const labels: Record<Language, { true: string; false: string }> = {
  fr: { true: 'Vrai', false: 'Faux' },
  en: { true: 'True', false: 'False' },
};

/**
 * A statement the learner judges true or false. In the model it is a choice question with
 * two choices, ids `true` and `false`, so rendering and scoring need nothing special.
 */
export const trueFalse = defineQuestionType({
  type: 'true-false',
  schema: questionSchema(
    'true-false',
    {
      answer: Type.Boolean({ description: 'Whether the statement is true.' }),
      feedback: Type.Optional(
        StrictObject(
          {
            true: Type.Optional(Markdown('Shown when the learner answers true.')),
            false: Type.Optional(Markdown('Shown when the learner answers false.')),
          },
          { title: 'True/false feedback', description: 'Feedback per answer.' },
        ),
      ),
    },
    { title: 'True/false question', description: 'A statement the learner judges true or false.' },
  ),
  toModel(raw, node, ctx): ChoiceQuestion {
    const choices = ([true, false] as const).map((value): Choice => {
      const key = value ? 'true' : 'false';
      const choice: Choice = {
        id: key,
        text: { source: labels[ctx.language][key], loc: node.at('answer').loc() },
        correct: raw.answer === value,
        loc: node.at('answer').loc(),
      };
      const feedback = raw.feedback?.[key];
      if (feedback !== undefined) choice.feedback = ctx.markdown(feedback, node.at('feedback', key));
      return choice;
    });
    return { ...questionBaseToModel(raw, node, ctx), type: 'true-false', choices };
  },
  // One answer, `false` being the longer id.
  worstCaseResponse: () => ['false'],
  check() {
    // The schema already requires `answer`, so exactly one choice is correct.
  },
});
