/**
 * The data the build embeds in every package for the runtime (as JSON in
 * `<script type="application/json" id="parcours-data">`). It is the contract between
 * the Node side (render) and the browser side (runtime): only what the runtime needs
 * to track and score; text and markup are in the rendered HTML.
 * Pure types (and the defaults of optional fields): imported by both sides.
 */
export interface RuntimeCourse {
  id: string;
  /** The course's activity IRI when the author set one (Course.iri); see src/shared/iri.ts. */
  iri?: string;
  title: string;
  version: string;
  language: 'fr' | 'en';
  /** Percent 0–100 of the course score needed to pass. */
  passingScore: number;
  /** Whether the course has anything to pass (at least one quiz). */
  graded: boolean;
  /** Course completion rule; absent = DEFAULT_COMPLETION. */
  completion?: CompletionCriterion[];
  /** Status pair a single-status LMS gets (SCORM 1.2); absent = passed/failed when graded, completed/incomplete otherwise. */
  reportStatusAs?: ReportStatusAs;
  /** How answers read in a SCORM 1.2 LMS's reports (the build's `--answers`); absent = strict. */
  answers?: AnswerFormat;
  steps: RuntimeStep[];
}

/**
 * SCORM 1.2 `student_response` and patterns: `strict`, the RTE's formats (choices as single
 * characters, true-false `t`/`f`); `readable`, the course's ids and `true`/`false`, which Moodle and
 * scorm-again keep as any text of up to 255 characters (docs/lms-presets.md).
 */
export type AnswerFormat = 'strict' | 'readable';

/** The LMS player a package is made for (LMS preset), when the page adapts to it: its frame, its way back to the course. */
export type LmsPlayer = 'moodle';

/**
 * One requirement of course completion; the course is completed when every activity meets
 * the criteria that concern it. Default: `visited`, `videos-watched`, `quizzes-finished`,
 * `tools-completed` (DEFAULT_COMPLETION).
 * - `visited`: every activity page opened (every step visited);
 * - `videos-watched`: every video watched to its `watchedThreshold`;
 * - `sheets-opened`: every sheet opened;
 * - `quizzes-attempted`: every quiz submitted at least once;
 * - `quizzes-passed`: every quiz passed;
 * - `quizzes-finished`: every quiz passed or out of attempts;
 * - `tools-completed`: every tool completed as its `completeWhen` says.
 */
export type CompletionCriterion =
  | 'visited'
  | 'videos-watched'
  | 'sheets-opened'
  | 'quizzes-attempted'
  | 'quizzes-passed'
  | 'quizzes-finished'
  | 'tools-completed';

/** `<positive>/<negative>`: the words a single-status standard uses (as Storyline and Rise offer). */
export type ReportStatusAs = 'passed/incomplete' | 'passed/failed' | 'completed/incomplete' | 'completed/failed';

export interface RuntimeStep {
  id: string;
  title: string;
  activities: RuntimeActivity[];
}

export type RuntimeActivity = RuntimeVideo | RuntimeQuiz | RuntimeSheet | RuntimeTool;

export interface RuntimeVideo {
  kind: 'video';
  id: string;
  title: string;
  /** 0–1 share that counts as watched. */
  threshold: number;
  source: 'file' | 'youtube' | 'vimeo' | 'url';
}

export interface RuntimeQuiz {
  kind: 'quiz';
  id: string;
  title: string;
  passingScore: number;
  /** 0 = unlimited. */
  attempts: number;
  shuffle: boolean;
  /** Questions drawn per attempt (a pool); absent = all. */
  draw?: number;
  /** Weight in the course score; absent = the sum of its question weights. */
  weight?: number;
  /** Absent = `after-last-attempt`. */
  showCorrectAnswers?: 'always' | 'after-last-attempt' | 'never';
  questions: RuntimeQuestion[];
}

export interface RuntimeQuestion {
  id: string;
  type: string;
  weight: number;
  /** Question text as plain text (for xAPI descriptions), markup stripped. */
  promptText: string;
  /**
   * Choice types: the choices. ordering: the items in the right order. likert: the points of
   * the scale in order. Other types: [] (their own fields below).
   */
  choices: { id: string; correct: boolean; text: string }[];
  /** multiple-choice: credit per right decision (see its runtime module). */
  partialCredit?: boolean;
  /** matching: what the learner matches, each with `match`, the id of its right target. */
  sources?: { id: string; text: string; match: string }[];
  /** matching: every target, in the order the lists show them. */
  targets?: { id: string; text: string }[];
  /** fill-in: the accepted answers of each blank, in order. */
  blanks?: string[][];
  /** fill-in: whether case, and accents, must match (default false). */
  caseSensitive?: boolean;
  accentSensitive?: boolean;
  /** numeric: the right numbers, bounds included. */
  range?: [number, number];
}

export interface RuntimeSheet {
  kind: 'sheet';
  id: string;
  title: string;
}

export interface RuntimeTool {
  kind: 'tool';
  id: string;
  title: string;
  /** Absent = `filled`. */
  completeWhen?: ToolCompletion;
  fields: RuntimeToolField[];
}

/**
 * What completes a tool: `opened`, its page opened; `filled`, every required field answered
 * (text not blank, a box ticked), its page opened when it has none; `done-button`, the learner
 * pressed its "I have finished" button.
 */
export type ToolCompletion = 'opened' | 'filled' | 'done-button';

export const TOOL_COMPLETIONS: readonly ToolCompletion[] = ['filled', 'opened', 'done-button'];

/** `optional`: the field does not count for `completeWhen: filled`. */
export type RuntimeToolField = ({ type: 'text'; id: string; maxLength: number } | { type: 'checklist'; id: string; items: string[] }) & {
  optional?: true;
};

export const COMPLETION_CRITERIA: readonly CompletionCriterion[] = [
  'visited',
  'videos-watched',
  'sheets-opened',
  'quizzes-attempted',
  'quizzes-passed',
  'quizzes-finished',
  'tools-completed',
];

export const REPORT_STATUS_PAIRS: readonly ReportStatusAs[] = ['passed/failed', 'passed/incomplete', 'completed/incomplete', 'completed/failed'];

/** Every activity done, as the page shows it: opened, videos watched, quizzes passed or out of attempts, tools completed. */
export const DEFAULT_COMPLETION: readonly CompletionCriterion[] = ['visited', 'videos-watched', 'quizzes-finished', 'tools-completed'];
