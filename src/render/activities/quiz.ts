import type { MarkdownText, Question, QuizActivity } from '../../model/course.js';
import { findQuestionType } from '../../questions/index.js';
import type { RenderContext } from '../render-context.js';
import { questionRendererFor } from '../questions/index.js';
import type { ActivityRenderer } from './activity-renderer.js';

export const quizRenderer: ActivityRenderer<QuizActivity> = {
  kind: 'quiz',
  partial: 'activity-quiz',
  view(quiz, ctx) {
    const count = quiz.questions.length;
    // A pool shows `draw` questions, numbered by the runtime in the order shown.
    const total = quiz.draw ?? count;
    const survey = isSurvey(quiz);
    return {
      id: quiz.id,
      // A survey has no pass mark, and is answered once (answering is all it asks).
      summary: [
        quiz.draw ? ctx.t('quizDraw', { n: quiz.draw, total: count }) : ctx.t('quizQuestions', { n: count }),
        ...(survey
          ? [ctx.t('quizSurvey')]
          : [
              ctx.t('quizPassingScore', { score: quiz.passingScore }),
              quiz.attempts === 0 ? ctx.t('quizAttemptsUnlimited') : ctx.t('quizAttempts', { n: quiz.attempts }),
            ]),
      ].join(' · '),
      // `{n}` is left for the runtime to fill.
      numberFormat: quiz.draw ? ctx.t('questionNumber', { total }) : '',
      survey,
      oneAtATime: quiz.display === 'one-at-a-time',
      // The counter of the one-at-a-time display, `{n}` and `{total}` filled by the runtime.
      counterFormat: ctx.t('questionNumber'),
      questions: quiz.questions.map((q, i) => {
        const renderer = questionRendererFor(q.type);
        return {
          partial: renderer.partial,
          ...renderer.view(q, ctx, { quizId: quiz.id, number: i + 1, total }),
          ...outcomeView(q, ctx),
        };
      }),
      feedback: messages(ctx, [
        // A survey thanks the learner instead of scoring them (its score is always 100: nothing to get wrong).
        ...(survey ? ([['passed', { source: ctx.t('surveyThanks'), loc: quiz.loc }]] as [string, MarkdownText][]) : []),
        ['passed', quiz.feedback?.passed],
        ['retry', quiz.feedback?.retry],
        ['failed', quiz.feedback?.failed],
      ]),
    };
  },
  runtime(quiz, ctx) {
    return {
      kind: 'quiz',
      id: quiz.id,
      title: quiz.title,
      passingScore: quiz.passingScore,
      attempts: quiz.attempts,
      shuffle: quiz.shuffle,
      ...(quiz.draw !== undefined && { draw: quiz.draw }),
      weight: quizWeight(quiz, ctx.course.quizWeights),
      ...(quiz.showCorrectAnswers && quiz.showCorrectAnswers !== 'after-last-attempt' && { showCorrectAnswers: quiz.showCorrectAnswers }),
      questions: quiz.questions.map((q) => questionRendererFor(q.type).runtime(q, ctx)),
    };
  },
};

/**
 * The quiz's weight in the course score: the author's (`scoring.weights`), or the sum of its
 * graded question weights, counted for the `draw` questions a pool shows.
 */
export function quizWeight(quiz: QuizActivity, weights: Record<string, number> = {}): number {
  // An own key only: a quiz named `constructor` is not weighed by Object's constructor.
  if (Object.hasOwn(weights, quiz.id)) return weights[quiz.id]!;
  const graded = quiz.questions.filter((q) => findQuestionType(q.type)?.graded !== false);
  const sum = graded.reduce((total, q) => total + q.weight, 0);
  const share = quiz.draw && quiz.questions.length ? quiz.draw / quiz.questions.length : 1;
  return Math.round(sum * share * 1000) / 1000;
}

/** A quiz with no graded question (Likert scales only): a survey, never shown as scored or passed. */
export function isSurvey(quiz: QuizActivity): boolean {
  return quiz.survey ?? quiz.questions.every((q) => findQuestionType(q.type)?.graded === false);
}

/** What the quiz shows under any question type once submitted: the author's result messages and the explanation. */
function outcomeView(q: Question, ctx: RenderContext): object {
  return {
    outcomes: messages(ctx, [
      ['right', q.resultFeedback?.correct],
      ['partly', q.resultFeedback?.partlyCorrect],
      ['wrong', q.resultFeedback?.wrong],
    ]),
    explanationHtml: ctx.markdown(q.explanation, { headingBase: 4 }),
  };
}

function messages(ctx: RenderContext, texts: [string, MarkdownText | undefined][]): { kind: string; html: string }[] {
  return texts.flatMap(([kind, text]) => (text ? [{ kind, html: ctx.markdown(text, { headingBase: 4 }) }] : []));
}
