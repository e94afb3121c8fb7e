import type { RuntimeActivity, RuntimeCourse } from '../../shared/course-data.js';
import type { LearnerState } from '../../shared/learner-state.js';
import type { LmsAdapter } from '../adapters/lms-adapter.js';
import type { Translate } from '../i18n.js';

/** What the core gives every activity. */
export interface ActivityContext {
  readonly course: RuntimeCourse;
  readonly state: LearnerState;
  readonly adapter: LmsAdapter;
  readonly t: Translate;
  /** The LMS launched in review or browse mode: activities show what was saved, read-only; quizzes score and send nothing. */
  readonly review: boolean;
  /** Differs per learner, so shuffled choices differ between learners yet stay put on resume. */
  readonly seed: string;
  /** Says something to screen-reader users (aria-live, polite). */
  announce(message: string): void;
  /** The learner's state changed (answers, position...): saved soon, without a commit. */
  save(): void;
  /** Progress may have changed: statuses are recomputed and reported; `checkpoint` also commits. */
  update(checkpoint?: boolean): void;
  /** Runs when the session ends (leave button or page hidden for good). */
  onEnd(callback: () => void): void;
}

export interface ActivityController {
  /** Its page is now shown. */
  show?(): void;
  /** Its page is being left. */
  hide?(): void;
}

/**
 * One activity kind in the browser. One module per kind, listed in ./index.ts;
 * adding a kind touches no other module.
 */
export interface ActivityModule<A extends RuntimeActivity = RuntimeActivity> {
  kind: A['kind'];
  /** Whether the learner has done it (pure: decides progress and objectives). */
  isDone(activity: A, state: LearnerState): boolean;
  /** Wires the activity's page (`root` is its view, rendered by the build). */
  mount(root: HTMLElement, activity: A, ctx: ActivityContext): ActivityController;
}
