import type { Static, TObject } from '@sinclair/typebox';
import type { Question } from '../model/course.js';
import type { LoadContext, NodeRef } from '../load/context.js';

/**
 * One question type (single-choice, multiple-choice, true-false...), node side. Each type
 * is one module listed in `index.ts`; the quiz activity composes them, and adding a type
 * never edits another.
 */
export interface QuestionType<Q extends Question = Question, S extends TObject = TObject> {
  /** The value of `type:` in YAML. */
  readonly type: Q['type'];
  /** The YAML shape (see `questionSchema`), `type` included as a literal. */
  readonly schema: S;
  /** False for a type that is never scored (survey, Likert): it weighs nothing in its quiz. Default true. */
  readonly graded?: boolean;
  /** Builds the model from YAML the schema accepted. `node` is the question's YAML node. */
  toModel(raw: Static<S>, node: NodeRef, ctx: LoadContext): Q;
  /** Rules the schema cannot express (how many correct choices...). */
  check(question: Q, ctx: LoadContext): void;
  /**
   * The response to this question that costs the most once saved in the learner state
   * (src/shared/state-codec.ts writes each value escaped: a delimiter or quote costs two
   * characters). The build's state budget (src/package/state-budget.ts) saves it for every
   * question, so the budget is exact for every type.
   */
  worstCaseResponse(question: Q): string[];
}

export function defineQuestionType<Q extends Question, S extends TObject>(type: QuestionType<Q, S>): QuestionType<Q, S> {
  return type;
}
