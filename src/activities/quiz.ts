import { Type } from '@sinclair/typebox';
import type { Question, QuizActivity, QuizFeedback } from '../model/course.js';
import type { LoadContext, MarkdownInput, NodeRef } from '../load/context.js';
import { reportDuplicateIds } from '../load/unique-ids.js';
import { Markdown, Percent, StrictObject } from '../schema/common.js';
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
        Type.Boolean({ default: defaults.shuffle, description: 'Show the choices of each question (and the sources of matching questions) in random order. Ordering items are always shuffled, Likert scales never.' }),
      ),
      draw: Type.Optional(
        Type.Integer({
          minimum: 1,
          description:
            'Make the questions a pool: this many are drawn at random for each attempt (kept when the learner comes back, drawn again for a new attempt). At most the number of questions.',
          examples: [5],
        }),
      ),
      showCorrectAnswers: Type.Optional(
        Type.Unsafe<'always' | 'after-last-attempt' | 'never'>({
          type: 'string',
          enum: ['always', 'after-last-attempt', 'never'],
          default: defaults.showCorrectAnswers,
          description:
            'When the expected answers are shown after submitting: always, after-last-attempt (once the quiz is passed or no attempt is left) or never. The learner’s own answers are always marked right or wrong.',
        }),
      ),
      display: Type.Optional(
        Type.Unsafe<'all' | 'one-at-a-time'>({
          type: 'string',
          enum: ['all', 'one-at-a-time'],
          default: 'all',
          description:
            'How the questions are shown: all on one page, or one at a time (a question counter, Previous and Next, then a review of the answers before submitting; suits phones).',
        }),
      ),
      feedback: Type.Optional(
        StrictObject(
          {
            passed: Type.Optional(Markdown('Shown under the score when the attempt passes.', ['Bravo, vous maîtrisez la typologie.'])),
            retry: Type.Optional(Markdown('Shown when the attempt fails and another attempt is allowed.', ['Relisez la fiche puis retentez.'])),
            failed: Type.Optional(Markdown('Shown when the attempt fails and no attempt is left.', ['Revoyez la vidéo avec votre référent.'])),
          },
          { title: 'Quiz feedback', description: 'Messages shown under the score, by outcome, after the built-in lines (score, pass mark, attempts left).' },
        ),
      ),
      questions: Type.Array(QuestionSchema, { minItems: 1, description: 'The questions, in order.' }),
    },
    { title: 'Quiz activity', description: 'A scored quiz: questions of any type, optionally a pool drawn per attempt.' },
  ),
  toModel(raw, node, ctx): QuizActivity {
    if (raw.draw !== undefined && raw.draw > raw.questions.length) {
      ctx.report('DRAW_TOO_LARGE', node.at('draw').loc(), { id: raw.id, draw: raw.draw, count: raw.questions.length });
    }
    return {
      ...activityBaseToModel(raw, node),
      kind: 'quiz',
      passingScore: raw.passingScore ?? ctx.passingScore,
      attempts: raw.attempts ?? defaults.attempts,
      shuffle: raw.shuffle ?? defaults.shuffle,
      ...(raw.draw !== undefined && { draw: raw.draw }),
      showCorrectAnswers: raw.showCorrectAnswers ?? defaults.showCorrectAnswers,
      ...(raw.display === 'one-at-a-time' && { display: raw.display }),
      ...(raw.questions.every((q) => findQuestionType(String(q.type))?.graded === false) && { survey: true }),
      feedback: quizFeedbackToModel(raw.feedback, node, ctx),
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
      const type = findQuestionType(question.type);
      // An ungraded question (likert) has no right answer to explain.
      if (!question.explanation && type?.graded !== false) ctx.report('QUESTION_WITHOUT_EXPLANATION', question.loc, { id: question.id });
      type?.check(question, ctx);
    }
  },
  assets: () => [],
});

function quizFeedbackToModel(
  raw: Partial<Record<keyof QuizFeedback, MarkdownInput>> | undefined,
  node: NodeRef,
  ctx: LoadContext,
): QuizFeedback {
  const feedback: QuizFeedback = {};
  for (const key of ['passed', 'retry', 'failed'] as const) {
    const text = raw?.[key];
    if (text !== undefined) feedback[key] = ctx.markdown(text, node.at('feedback', key));
  }
  return feedback;
}
