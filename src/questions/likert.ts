import { Type } from '@sinclair/typebox';
import type { Language, LikertPoint, LikertQuestion } from '../model/course.js';
import { Text } from '../schema/common.js';
import { defaultChoiceId } from './choices.js';
import { checkOptionCount } from './option-limits.js';
import { questionBaseToModel, questionSchema } from './question-base.js';
import { defineQuestionType } from './question-type.js';

/** The scale when the author gives none: five points of agreement. */
const defaultScales: Record<Language, string[]> = {
  fr: ['Pas du tout d’accord', 'Plutôt pas d’accord', 'Ni d’accord ni pas d’accord', 'Plutôt d’accord', 'Tout à fait d’accord'],
  en: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
};

/**
 * A survey or self-assessment statement the learner rates on a scale. Never scored: no right
 * answer, no weight in the quiz score, reported to the LMS with result `neutral`.
 */
export const likert = defineQuestionType({
  type: 'likert',
  graded: false,
  schema: questionSchema(
    'likert',
    {
      scale: Type.Optional(
        Type.Array(Text('One point of the scale, as shown to the learner.', ['Plutôt d’accord']), {
          minItems: 2,
          description: 'The points of the scale, in order. Defaults to five points from "strongly disagree" to "strongly agree".',
        }),
      ),
    },
    {
      title: 'Likert question',
      description: 'An ungraded statement the learner rates on a scale (survey, self-assessment). `weight` is ignored.',
    },
  ),
  toModel(raw, node, ctx): LikertQuestion {
    const labels = raw.scale ?? defaultScales[ctx.language];
    const scale = labels.map(
      (text, index): LikertPoint => ({
        id: defaultChoiceId(index),
        text: text.trim(),
        loc: raw.scale ? node.at('scale', index).loc() : node.loc(),
      }),
    );
    return { ...questionBaseToModel(raw, node, ctx), type: 'likert', scale };
  },
  check(question, ctx) {
    checkOptionCount(question.id, question.scale.length, 'points on its scale', question.loc, ctx);
  },
  worstCaseResponse(question) {
    return [question.scale.reduce((a, p) => (p.id.length > a.length ? p.id : a), '')];
  },
});
