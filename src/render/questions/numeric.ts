import type { NumericQuestion } from '../../model/course.js';
import { NUMERIC_MAX_LENGTH } from '../../questions/numeric.js';
import type { RenderContext } from '../render-context.js';
import { formatNumber, questionFrameView, questionRuntimeBase } from './question-frame.js';
import type { QuestionRenderer } from './question-renderer.js';

/** One text input for a number (a comma or a point for decimals), its unit after it. */
export const numericRenderer: QuestionRenderer = {
  type: 'numeric',
  partial: 'question-numeric',
  styles: ['question-parts', 'question-numeric'],
  view(question, ctx, place) {
    const q = question as NumericQuestion;
    const frame = questionFrameView(q, ctx, place, ctx.t('hintNumeric'));
    return {
      ...frame,
      inputId: `${frame.domId}.value`,
      label: ctx.t('numericLabel'),
      unit: q.unit ?? '',
      maxLength: NUMERIC_MAX_LENGTH,
      expected: ctx.t('expectedAnswer', { answer: expectedText(q, ctx) }),
    };
  },
  runtime(question) {
    const q = question as NumericQuestion;
    return {
      ...questionRuntimeBase(q),
      // Rounded so that 0.1 + 0.2 style sums do not show through (answer ± tolerance).
      range: [round(q.min), round(q.max)],
    };
  },
};

/** "40 % (± 5)" in French, "40% (give or take 5)" in English, "between 12 and 36 km". */
function expectedText(q: NumericQuestion, ctx: RenderContext): string {
  const n = (value: number) => {
    const number = formatNumber(round(value), ctx.course.language);
    // The space before % differs by language; other units take a no-break space in both.
    if (q.unit === '%') return ctx.t('percentValue', { n: number });
    return q.unit ? `${number}\u00a0${q.unit}` : number;
  };
  if (q.answer !== undefined) {
    return q.tolerance ? ctx.t('numericAnswerTolerance', { answer: n(q.answer), tolerance: n(q.tolerance) }) : n(q.answer);
  }
  return q.min === q.max ? n(q.min) : ctx.t('numericRange', { min: n(q.min), max: n(q.max) });
}

function round(value: number): number {
  return Math.round(value * 1e10) / 1e10;
}
