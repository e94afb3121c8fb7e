/** Choices of single- and multiple-choice questions: YAML shape, model, shared checks. */
import { Type, type Static } from '@sinclair/typebox';
import type { Choice, ChoiceQuestion } from '../model/course.js';
import type { LoadContext, NodeRef } from '../load/context.js';
import { reportDuplicateIds } from '../load/unique-ids.js';
import { Id, Markdown, StrictObject } from '../schema/common.js';
import { defaults } from '../schema/defaults.js';
import { checkOptionCount } from './option-limits.js';

export const ChoiceSchema = StrictObject(
  {
    id: Type.Optional(Id('Choice id, unique within its question. Defaults to a, b, c... by position.', ['a'])),
    text: Markdown('The answer as shown to the learner.', ['Quatre']),
    correct: Type.Optional(Type.Boolean({ default: defaults.correct, description: 'Whether this choice is a right answer.' })),
    feedback: Type.Optional(Markdown('Shown when the learner picks this choice.', ['Oui, la typologie en distingue quatre.'])),
  },
  { title: 'Choice', description: 'One possible answer.' },
);

export const ChoicesSchema = Type.Array(ChoiceSchema, {
  minItems: 2,
  description: 'The possible answers, in order (unless the quiz shuffles them).',
});

/** a, b, ..., z, aa, ab...: the id of a choice the author did not name. */
export function defaultChoiceId(index: number): string {
  let id = '';
  let n = index;
  do {
    id = String.fromCharCode(97 + (n % 26)) + id;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return id;
}

export function choicesToModel(raw: Static<typeof ChoicesSchema>, node: NodeRef, ctx: LoadContext): Choice[] {
  return raw.map((choice, index) => {
    const choiceNode = node.at(index);
    const model: Choice = {
      id: choice.id ?? defaultChoiceId(index),
      text: ctx.markdown(choice.text, choiceNode.at('text')),
      correct: choice.correct ?? defaults.correct,
      loc: choiceNode.loc(),
    };
    if (choice.feedback !== undefined) model.feedback = ctx.markdown(choice.feedback, choiceNode.at('feedback'));
    return model;
  });
}

/** Choice ids unique within the question; at least one correct choice; no more than an LMS records. */
export function checkChoices(question: ChoiceQuestion, ctx: LoadContext): void {
  reportDuplicateIds(
    question.choices.map((c) => ({ id: c.id, loc: c.loc, what: 'choice' })),
    'in this question',
    ctx,
  );
  if (!question.choices.some((c) => c.correct)) ctx.report('NO_CORRECT_CHOICE', question.loc, { id: question.id });
  checkOptionCount(question.id, question.choices.length, 'choices', question.loc, ctx);
}

/** Every choice ticked: more than any learner can save (single-choice saves one), so a safe bound. */
export function allChoiceIds(question: ChoiceQuestion): string[] {
  return question.choices.map((c) => c.id);
}
