/**
 * The one interface between the runtime core and an LMS standard. The core never
 * knows which standard it talks to; each target bundles exactly one adapter.
 * Browser code: never import Node modules here.
 */

export type LaunchMode = 'normal' | 'browse' | 'review';

export interface LaunchInfo {
  /** Learner's display name when the LMS gives one. */
  learnerName?: string;
  /**
   * The state string saved by an earlier session, or null on a first launch. Whatever the LMS
   * holds, even text the adapter cannot make sense of (a State document of another shape): the
   * core tells the learner it cannot be read, and writes nothing over it until the learner acts.
   */
  savedState: string | null;
  /** Last location saved by the LMS (bookmark), if any. */
  location?: string;
  mode: LaunchMode;
  /** Preferred interface language if the LMS says (e.g. cmi5 learner preferences). */
  language?: string;
  /** Percent 0–100, when the LMS overrides the course's passing score. */
  masteryScore?: number;
}

/** One answered question, in neutral terms; each adapter maps it to its standard's format. */
export interface InteractionRecord {
  /** `<quizId>.<questionId>`: printable ASCII, no spaces. */
  id: string;
  quizId: string;
  questionId: string;
  /** Id of the step the quiz belongs to, recorded as the interaction's objective (SCORM `objectives.0.id`). */
  objectiveId?: string;
  /** Question type module name (e.g. `single-choice`). */
  type: string;
  /** Standard-neutral interaction type: `choice`, `true-false`, `fill-in`, `matching`, `sequencing`, `numeric`, `likert`. */
  interactionType: 'choice' | 'true-false' | 'fill-in' | 'matching' | 'sequencing' | 'numeric' | 'likert' | 'other';
  /**
   * Learner's response: choice, sequencing, likert: ids (in the learner's order for
   * sequencing); matching: `<sourceId>.<targetId>` pairs; fill-in: the text of each blank;
   * numeric: one number, written plainly.
   */
  response: string[];
  /** Correct response in the same form (numeric: `[min, max]`). Empty for ungraded questions. */
  correct: string[];
  /** fill-in: the answers' case matters (xAPI `{case_matters=true}`); absent otherwise. */
  caseSensitive?: boolean;
  /**
   * The options in order, with text, for the xAPI definition and SCORM 1.2's single-character
   * responses: the choices (choice), the items (sequencing), the scale points (likert), the
   * sources (matching).
   */
  choices?: { id: string; text: string }[];
  /** matching: the targets, in order; a response item is `<sourceId>.<targetId>`. */
  targets?: { id: string; text: string }[];
  description: string;
  result: 'correct' | 'wrong' | 'neutral';
  /** 0–1 share of the question's points obtained. */
  scoreShare: number;
  weight: number;
  /** Milliseconds from showing the question to answering it. */
  latencyMs: number;
  timestamp: Date;
}

export interface ObjectiveRecord {
  /** The step id. */
  id: string;
  /** Percent 0–100, when the step has a quiz that was attempted. */
  scorePercent?: number;
  status: 'incomplete' | 'completed' | 'passed' | 'failed';
}

export interface ProgressRecord {
  completion: 'incomplete' | 'completed';
  /** Set once the course's quizzes decide. */
  success?: 'passed' | 'failed';
  /** Weighted course score, percent 0–100, once any quiz was submitted. */
  scorePercent?: number;
  /** 0–1 share of the course done. */
  progress: number;
  /**
   * Completion and success as one status, in the words the course chose (`reportStatusAs`), for
   * standards with a single status (SCORM 1.2 `lesson_status`). Set by the core.
   */
  status?: 'passed' | 'completed' | 'failed' | 'incomplete';
}

export interface VideoEvent {
  activityId: string;
  verb: 'initialized' | 'played' | 'paused' | 'seeked' | 'completed' | 'terminated';
  /** Seconds into the video. */
  time: number;
  timeFrom?: number;
  timeTo?: number;
  length: number;
  progress: number;
  /** Played segments as [start, end] pairs in seconds. */
  segments: [number, number][];
  threshold: number;
}

export interface LmsAdapter {
  /** Short name shown in logs, e.g. `scorm12`. */
  readonly name: string;
  /** Most characters the LMS keeps for the saved state (SCORM 1.2: 4096). */
  readonly maxStateLength: number;
  /** True when progress is only kept in this browser (no LMS found): the core shows a notice. */
  readonly standalone: boolean;
  start(): Promise<LaunchInfo>;
  saveState(state: string): void;
  setLocation(location: string): void;
  recordInteraction(interaction: InteractionRecord): void;
  recordObjective(objective: ObjectiveRecord): void;
  setProgress(progress: ProgressRecord): void;
  /** Optional: standards that track video (xAPI video profile). */
  recordVideoEvent?(event: VideoEvent): void;
  /** Ask the LMS to persist what was set. Called at checkpoints, not on every value. */
  commit(): void;
  /** End the session: session time, exit=suspend, finish. Safe to call twice. */
  finish(reason: 'leave' | 'pagehide'): void;
}
