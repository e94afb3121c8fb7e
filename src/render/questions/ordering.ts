import type { OrderingQuestion } from '../../model/course.js';
import { markdownToPlainText } from '../markdown.js';
import { questionFrameView, questionRuntimeBase } from './question-frame.js';
import type { QuestionRenderer } from './question-renderer.js';

/** A list with move up / move down buttons per item; the runtime shuffles it. */
export const orderingRenderer: QuestionRenderer = {
  type: 'ordering',
  partial: 'question-ordering',
  styles: ['question-parts', 'question-ordering'],
  view(question, ctx, place) {
    const q = question as OrderingQuestion;
    const frame = questionFrameView(q, ctx, place, ctx.t('hintOrdering'));
    const total = q.items.length;
    return {
      ...frame,
      // `{item}` and `{n}` are filled by the runtime after each move.
      statusFormat: ctx.t('orderingMoved', { total }),
      items: q.items.map((item, index) => {
        const text = markdownToPlainText(item.text);
        return {
          id: item.id,
          domId: `${frame.domId}.${item.id}`,
          textHtml: ctx.markdown(item.text, { inline: true }),
          moveUp: ctx.t('moveUp', { item: text }),
          moveDown: ctx.t('moveDown', { item: text }),
          expected: ctx.t('expectedPosition', { n: index + 1, total }),
        };
      }),
    };
  },
  runtime(question) {
    const q = question as OrderingQuestion;
    return {
      ...questionRuntimeBase(q),
      choices: q.items.map((item) => ({ id: item.id, correct: true, text: markdownToPlainText(item.text) })),
    };
  },
};
