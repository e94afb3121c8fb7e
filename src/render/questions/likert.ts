import type { LikertQuestion } from '../../model/course.js';
import { questionFrameView, questionRuntimeBase } from './question-frame.js';
import type { QuestionRenderer } from './question-renderer.js';

/** A radio button per point of the scale, in order; weight 0 (never scored). */
export const likertRenderer: QuestionRenderer = {
  type: 'likert',
  partial: 'question-likert',
  styles: ['question-likert'],
  view(question, ctx, place) {
    const q = question as LikertQuestion;
    const frame = questionFrameView(q, ctx, place, ctx.t('hintLikert'));
    return {
      ...frame,
      name: `${place.quizId}.${q.id}`,
      points: q.scale.map((p) => ({ id: p.id, domId: `${frame.domId}.${p.id}`, text: p.text })),
    };
  },
  runtime(question) {
    const q = question as LikertQuestion;
    return {
      ...questionRuntimeBase(q, 0),
      choices: q.scale.map((p) => ({ id: p.id, correct: false, text: p.text })),
    };
  },
};
