import type { QuizActivity } from '../../model/course.js';
import { questionRendererFor } from '../questions/index.js';
import type { ActivityRenderer } from './activity-renderer.js';

export const quizRenderer: ActivityRenderer<QuizActivity> = {
  kind: 'quiz',
  partial: 'activity-quiz',
  view(quiz, ctx) {
    const total = quiz.questions.length;
    return {
      id: quiz.id,
      summary: [
        ctx.t('quizQuestions', { n: total }),
        ctx.t('quizPassingScore', { score: quiz.passingScore }),
        quiz.attempts === 0 ? ctx.t('quizAttemptsUnlimited') : ctx.t('quizAttempts', { n: quiz.attempts }),
      ].join(' · '),
      questions: quiz.questions.map((q, i) => {
        const renderer = questionRendererFor(q.type);
        return { partial: renderer.partial, ...renderer.view(q, ctx, { quizId: quiz.id, number: i + 1, total }) };
      }),
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
      questions: quiz.questions.map((q) => questionRendererFor(q.type).runtime(q, ctx)),
    };
  },
};
