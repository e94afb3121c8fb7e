/**
 * What the runtime remembers about a learner between sessions (SCORM `cmi.suspend_data`,
 * xAPI State API). Everything is keyed by the author's ids, so a republished course resumes
 * what still matches and drops the rest. Its records have no prototype and are read with `own`
 * (records.ts), so an id such as `constructor` is only a name. The codec lives in state-codec.ts.
 */
import { record } from './records.js';

export interface LearnerState {
  /** Where the learner is: a step id, or `<stepId>/<activityId>`. */
  location: string;
  /** Ids of activities the learner has opened (sheets, tools, videos, quizzes). */
  visited: string[];
  videos: Record<string, VideoProgress>;
  quizzes: Record<string, QuizProgress>;
  /** Tool field values by tool id, then field id: text, or checked item ids. */
  tools: Record<string, Record<string, string | string[]>>;
  /** Ids of activities the learner declared finished (a tool's "I have finished" button); absent = none. */
  finished?: string[];
}

export interface VideoProgress {
  /** Watched segments, whole seconds, merged and sorted: [[0, 12], [14, 21]]. */
  segments: [number, number][];
  /** Last playback position, whole seconds. */
  position: number;
  /**
   * Set once the watched share reached the threshold, or the learner marked an external
   * (untrackable) video as watched. Kept because the duration is only known once the media loads.
   */
  watched?: boolean;
}

export interface QuizProgress {
  /** Attempts submitted. */
  attempts: number;
  /** Score of the last submitted attempt, percent 0–100; null before the first. */
  score: number | null;
  /** Best score over attempts, percent 0–100; null before the first. */
  best: number | null;
  passed: boolean;
  /**
   * Answers per question id, last submitted or in progress. Choice types and likert: the chosen
   * ids. ordering: every item id, in the learner's order. matching: `<sourceId>.<targetId>` per
   * source matched. fill-in: the typed text of every blank, in order (texts may repeat or be
   * empty). numeric: the number typed, normalised (`-12.5`).
   */
  answers: Record<string, string[]>;
  /** True once the current answers were submitted (false while the learner is still choosing). */
  submitted: boolean;
  /** Question ids in the order shown (shuffle or pool draw), so a resume shows the same attempt. */
  order?: string[];
}

export function emptyLearnerState(): LearnerState {
  return { location: '', visited: [], videos: record(), quizzes: record(), tools: record() };
}

/**
 * Most characters of learner state kept in an xAPI State document (TinCan and cmi5 packages):
 * the State API has no practical limit; this is SCORM 2004's suspend_data bound. The build checks
 * the worst case against it (Target.maxStateLength) and the runtime adapters cap the state at it.
 */
export const STATE_DOCUMENT_MAX_LENGTH = 64_000;
