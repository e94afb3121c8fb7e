import type { FillInQuestion } from '../../model/course.js';
import { blankMaxLength, replaceBlanks } from '../../questions/fill-in-blanks.js';
import { questionFrameView, questionRuntimeBase } from './question-frame.js';
import type { QuestionRenderer } from './question-renderer.js';

/** Stands for blank n while the text goes through Markdown: letters and digits only, so Markdown leaves it be. */
const token = (n: number) => `PARCOURSBLANK${n}X`;
const TOKENS = /PARCOURSBLANK(\d+)X/;

/** The text with an input in place of each blank. */
export const fillInRenderer: QuestionRenderer = {
  type: 'fill-in',
  partial: 'question-fill-in',
  styles: ['question-parts', 'question-fill-in'],
  view(question, ctx, place) {
    const q = question as FillInQuestion;
    const frame = questionFrameView(q, ctx, place, ctx.t(q.blanks.length > 1 ? 'hintFillInMany' : 'hintFillIn'));
    const html = ctx.markdown({ ...q.text, source: replaceBlanks(q.text.source, token) }, { inline: true });
    // split() with a capture group alternates text and blank numbers: text, n, text, n, text.
    const parts = html.split(TOKENS);
    const total = q.blanks.length;
    const segments = parts.map((part, i) => {
      if (i % 2 === 0) return { html: part };
      const n = Number(part);
      const answers = q.blanks[n] ?? [];
      return {
        blank: {
          index: n,
          domId: `${frame.domId}.${n + 1}`,
          label: ctx.t('blankLabel', { n: n + 1, total }),
          maxLength: blankMaxLength(answers),
          expected: ctx.t('expectedAnswer', { answer: answers[0] ?? '' }),
        },
      };
    });
    return { ...frame, segments };
  },
  runtime(question) {
    const q = question as FillInQuestion;
    return {
      ...questionRuntimeBase(q),
      blanks: q.blanks,
      ...(q.caseSensitive && { caseSensitive: true }),
      ...(q.accentSensitive && { accentSensitive: true }),
    };
  },
};
