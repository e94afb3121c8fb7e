import { createDiagnostic } from '../../diagnostics/catalogue.js';
import { CourseError } from '../../diagnostics/diagnostic.js';
import type { FillInQuestion } from '../../model/course.js';
import { blankMaxLength, blankTokens, replaceBlanks } from '../../questions/fill-in-blanks.js';
import type { RenderContext } from '../render-context.js';
import { questionFrameView, questionRuntimeBase } from './question-frame.js';
import type { QuestionRenderer } from './question-renderer.js';

/** Sanitised HTML of the text, and where each blank goes (in text, never inside a tag). */
type Segment = { html: string } | { blank: number };

/**
 * The text rendered with a stand-in for each blank, then cut at the stand-ins found in text
 * between tags only. A stand-in the author's own text could produce (a comment dropped
 * between two words, an entity) makes the count wrong: the stem is chosen again, away from
 * everything the text rendered to. Wrong again, a blank went where no input can go (the
 * loader's misplacedBlanks refuses the cases it knows).
 */
function blankSegments(q: FillInQuestion, ctx: RenderContext): Segment[] {
  let avoid = q.text.source;
  let found: number[] = [];
  for (let attempt = 0; attempt < 2; attempt++) {
    const tokens = blankTokens(avoid);
    const html = ctx.markdown({ ...q.text, source: replaceBlanks(q.text.source, tokens.token) }, { inline: true });
    const segments: Segment[] = [];
    // split() with a capture group alternates: text, tag, text, tag…
    html.split(/(<[^>]*>)/).forEach((part, i) => {
      if (i % 2 === 1) segments.push({ html: part });
      else part.split(tokens.pattern).forEach((piece, j) => segments.push(j % 2 === 0 ? { html: piece } : { blank: Number(piece) }));
    });
    found = segments.flatMap((s) => ('blank' in s ? [s.blank] : []));
    if (found.length === q.blanks.length && found.every((n, i) => n === i)) return segments;
    avoid += `\n${html}`;
  }
  const lost = q.blanks.findIndex((_, i) => !found.includes(i));
  const where = 'markup that is not shown as text';
  throw new CourseError([createDiagnostic('BLANK_OUTSIDE_TEXT', q.text.loc, { id: q.id, n: Math.max(lost, 0) + 1, where })]);
}

/** Punctuation that closes the word before it (French puts a space before ; : ! ? »). */
const TRAILING_PUNCTUATION = /^(?:[ \u00a0\u202f]?[;:!?»]|&nbsp;[;:!?»]|[.,…)\]”’])+/;

/** The text with an input in place of each blank. */
export const fillInRenderer: QuestionRenderer = {
  type: 'fill-in',
  partial: 'question-fill-in',
  styles: ['question-parts', 'question-fill-in'],
  view(question, ctx, place) {
    const q = question as FillInQuestion;
    const frame = questionFrameView(q, ctx, place, ctx.t(q.blanks.length > 1 ? 'hintFillInMany' : 'hintFillIn'));
    const total = q.blanks.length;
    const parts = blankSegments(q, ctx);
    const segments = parts.map((segment, i) => {
      if ('html' in segment) return segment;
      // The punctuation right after a blank stays with it, and its marks come after that:
      // "[minutes]. ✓ right", not "[minutes] ✓ right." (nor a full stop alone on a line).
      const next = parts[i + 1];
      const tail = next && 'html' in next ? (TRAILING_PUNCTUATION.exec(next.html)?.[0] ?? '') : '';
      if (tail) parts[i + 1] = { html: (next as { html: string }).html.slice(tail.length) };
      const n = segment.blank;
      const answers = q.blanks[n] ?? [];
      return {
        blank: {
          index: n,
          domId: `${frame.domId}.${n + 1}`,
          label: ctx.t('blankLabel', { n: n + 1, total }),
          maxLength: blankMaxLength(answers),
          expected: ctx.t('expectedAnswer', { answer: answers[0] ?? '' }),
          tail,
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
