import { Type } from '@sinclair/typebox';
import type { OrderingItem, OrderingQuestion } from '../model/course.js';
import { reportDuplicateIds } from '../load/unique-ids.js';
import { Id, Markdown, StrictObject } from '../schema/common.js';
import { defaultChoiceId } from './choices.js';
import { checkOptionCount } from './option-limits.js';
import { questionBaseToModel, questionSchema } from './question-base.js';
import { defineQuestionType } from './question-type.js';

const ItemSchema = StrictObject(
  {
    id: Type.Optional(Id('Item id, unique within its question. Defaults to a, b, c... by position.', ['diagnostic'])),
    text: Markdown('The item as shown to the learner.', ['Établir un diagnostic partagé']),
  },
  { title: 'Ordering item', description: 'One item to put in order.' },
);

/**
 * Items the learner puts in order (move up / move down buttons). They are always shown
 * shuffled, never in the right order. Partial credit: the longest run of items already in
 * the right relative order (see the runtime module).
 */
export const ordering = defineQuestionType({
  type: 'ordering',
  schema: questionSchema(
    'ordering',
    {
      items: Type.Array(ItemSchema, { minItems: 2, description: 'The items, in the right order. Learners see them shuffled.' }),
    },
    { title: 'Ordering question', description: 'The learner puts items in the right order.' },
  ),
  toModel(raw, node, ctx): OrderingQuestion {
    const items = raw.items.map(
      (item, index): OrderingItem => ({
        id: item.id ?? defaultChoiceId(index),
        text: ctx.markdown(item.text, node.at('items', index, 'text')),
        loc: node.at('items', index).loc(),
      }),
    );
    return { ...questionBaseToModel(raw, node, ctx), type: 'ordering', items };
  },
  check(question, ctx) {
    reportDuplicateIds(
      question.items.map((i) => ({ id: i.id, loc: i.loc, what: 'item' })),
      'in this question',
      ctx,
    );
    checkOptionCount(question.id, question.items.length, 'items', question.loc, ctx);
  },
  worstCaseResponse: (question) => question.items.map((i) => i.id),
});
