import { Type } from '@sinclair/typebox';
import type { Question, QuizActivity } from '../model/course.js';
import { reportDuplicateIds } from '../load/unique-ids.js';
import { Percent, StrictObject } from '../schema/common.js';
import { DiscriminatedUnion } from '../schema/discriminated-union.js';
import { defaults } from '../schema/defaults.js';
import { findQuestionType, questionTypes } from '../questions/index.js';
import { defineActivityKind } from './activity-kind.js';
import { activityBaseProperties, activityBaseToModel } from './common.js';

/** Questions of every registered type, told apart by `type`. */
const QuestionSchema = DiscriminatedUnion(
  'type',
  questionTypes.map((t) => t.schema),
  {
    title: 'Question',
    description: `A quiz question. \`type\` is one of: ${questionTypes.map((t) => t.type).join(', ')}.`,
  },
);

/** A scored quiz; its score counts toward passing the course. */
export const quiz = defineActivityKind({
  kind: 'quiz',
  schema: StrictObject(
    {
      kind: Type.Literal('quiz', { description: 'A scored quiz.' }),
      ...activityBaseProperties,
      passingScore: Type.Optional(Percent('Score needed to pass this quiz. Defaults to the course’s passingScore.')),
      attempts: Type.Optional(
        Type.Integer({ minimum: 0, default: defaults.attempts, description: 'Attempts allowed; 0 means unlimited.' }),
      ),
      shuffle: Type.Optional(
        Type.Boolean({ default: defaults.shuffle, description: 'Show the choices of each question in random order.' }),
      ),
      questions: Type.Array(QuestionSchema, { minItems: 1, description: 'The questions, in order.' }),
    },
    { title: 'Quiz activity', description: 'A scored quiz of single-choice, multiple-choice and true/false questions.' },
  ),
  toModel(raw, node, ctx): QuizActivity {
    return {
      ...activityBaseToModel(raw, node),
      kind: 'quiz',
      passingScore: raw.passingScore ?? ctx.passingScore,
      attempts: raw.attempts ?? defaults.attempts,
      shuffle: raw.shuffle ?? defaults.shuffle,
      questions: raw.questions.flatMap((question, index): Question[] => {
        // The schema accepted this question against its type's schema, so the type exists.
        const type = findQuestionType(String(question.type));
        return type ? [type.toModel(question as never, node.at('questions', index), ctx)] : [];
      }),
    };
  },
  check(activity, ctx) {
    reportDuplicateIds(
      activity.questions.map((q) => ({ id: q.id, loc: q.loc, what: 'question' })),
      'in this quiz',
      ctx,
    );
    for (const question of activity.questions) {
      if (!question.explanation) ctx.report('QUESTION_WITHOUT_EXPLANATION', question.loc, { id: question.id });
      findQuestionType(question.type)?.check(question, ctx);
    }
  },
  assets: () => [],
});
