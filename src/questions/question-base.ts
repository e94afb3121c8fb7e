/** What every question type shares: its YAML fields and their model. */
import { Type, type Static, type TLiteral, type TProperties, type TObject } from '@sinclair/typebox';
import type { QuestionBase } from '../model/course.js';
import type { LoadContext, NodeRef } from '../load/context.js';
import { Id, Markdown, StrictObject } from '../schema/common.js';
import { defaults } from '../schema/defaults.js';

const baseProperties = {
  id: Id('Question id, unique within its quiz.', ['categories']),
  prompt: Markdown('The question asked.', ['Combien de catégories de partenariat existe-t-il ?']),
  weight: Type.Optional(
    Type.Number({
      exclusiveMinimum: 0,
      default: defaults.weight,
      description: 'Relative weight of this question in its quiz score (greater than 0).',
    }),
  ),
  explanation: Type.Optional(
    Markdown('Shown after the learner answers, whatever the answer. A graded question without one gets a warning.'),
  ),
  resultFeedback: Type.Optional(
    StrictObject(
      {
        correct: Type.Optional(Markdown('Shown when the answer is right.', ['Bravo !'])),
        partlyCorrect: Type.Optional(
          Markdown('Shown when the answer earns part of the points (types with partial credit).', ['Presque : il en manque une.']),
        ),
        wrong: Type.Optional(Markdown('Shown when the answer earns nothing.', ['Relisez la fiche pratique.'])),
      },
      {
        title: 'Result feedback',
        description: 'Messages shown under the verdict once the quiz is submitted, by result. Any may be left out.',
      },
    ),
  ),
};

type BaseProperties<T extends string> = typeof baseProperties & { type: TLiteral<T> };

/** The schema of one question type: the shared fields plus its own. */
export function questionSchema<T extends string, P extends TProperties>(
  type: T,
  properties: P,
  options: { title: string; description: string },
): TObject<BaseProperties<T> & P> {
  const typeSchema = Type.Literal(type, { description: 'The question type.' });
  const { id, ...rest } = baseProperties;
  return StrictObject({ id, type: typeSchema, ...rest, ...properties } as BaseProperties<T> & P, options);
}

type BaseRaw = Static<TObject<typeof baseProperties>>;

/** The shared fields of the model, defaults applied. */
export function questionBaseToModel(raw: BaseRaw, node: NodeRef, ctx: LoadContext): Omit<QuestionBase, 'type'> {
  const base: Omit<QuestionBase, 'type'> = {
    id: raw.id,
    prompt: ctx.markdown(raw.prompt, node.at('prompt')),
    weight: raw.weight ?? defaults.weight,
    loc: node.loc(),
  };
  if (raw.explanation !== undefined) base.explanation = ctx.markdown(raw.explanation, node.at('explanation'));
  const messages = raw.resultFeedback;
  if (messages) {
    base.resultFeedback = {};
    for (const key of ['correct', 'partlyCorrect', 'wrong'] as const) {
      const text = messages[key];
      if (text !== undefined) base.resultFeedback[key] = ctx.markdown(text, node.at('resultFeedback', key));
    }
  }
  return base;
}
