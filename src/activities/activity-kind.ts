import type { Static, TObject } from '@sinclair/typebox';
import type { Activity, AssetRef } from '../model/course.js';
import type { LoadContext, NodeRef } from '../load/context.js';

/**
 * One kind of step activity (video, quiz, sheet, tool), node side: how it is written,
 * how it becomes the model, what else must hold, which files it ships. Each kind is one
 * module listed in `index.ts`; adding a kind never edits another.
 */
export interface ActivityKind<A extends Activity = Activity, S extends TObject = TObject> {
  /** The value of `kind:` in YAML. */
  readonly kind: A['kind'];
  /** The YAML shape, `kind` included as a literal; becomes part of the step schema. */
  readonly schema: S;
  /** Builds the model from YAML the schema accepted. `node` is the activity's YAML node. */
  toModel(raw: Static<S>, node: NodeRef, ctx: LoadContext): A;
  /** Rules the schema cannot express (correct answers, warnings...); reports through `ctx`. */
  check(activity: A, ctx: LoadContext): void;
  /** The course files this activity uses, which go into the package. */
  assets(activity: A): AssetRef[];
}

/** Lets TypeScript infer `A` and `S` from a module's definition. */
export function defineActivityKind<A extends Activity, S extends TObject>(kind: ActivityKind<A, S>): ActivityKind<A, S> {
  return kind;
}
