/**
 * The validated course model: what `load` produces and every later stage reads.
 * It is target-neutral: nothing here knows about SCORM, xAPI or cmi5.
 * Every node keeps the place the author wrote it, so any stage can point back at it.
 */

/** Where a node was written. `file` is relative to the course folder, POSIX separators. Line and column are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface Located {
  loc: SourceLocation;
}

export type Language = 'fr' | 'en';

/** Markdown as the author wrote it, inline or read from a `.md` file (then `loc` points into that file). */
export interface MarkdownText extends Located {
  source: string;
}

/** A file inside the course folder. `path` is relative to the course folder (POSIX), already checked to stay inside it and to exist. */
export interface AssetRef extends Located {
  path: string;
  /** Absolute path on disk, for reading while packaging. */
  absPath: string;
  /** MIME type, from the file name. */
  mediaType: string;
}

export interface Course extends Located {
  /** Stable identifier: printable ASCII without spaces, used as the LMS identifier of the course. */
  id: string;
  /**
   * Optional activity IRI for xAPI and cmi5 (tincan.xml, cmi5.xml, statements). When absent,
   * src/shared/iri.ts derives one from `id`. Authors who own a domain should set it.
   */
  iri?: string;
  title: string;
  language: Language;
  description: string;
  authors: string[];
  version: string;
  /** Percent (0–100) of the weighted quiz score needed to pass the course. */
  passingScore: number;
  /**
   * What the learner must do for the course to count as completed (see CompletionCriterion).
   * The loader always sets it; absent (hand-built models) = DEFAULT_COMPLETION.
   */
  completion?: CompletionCriterion[];
  /** Weight of each quiz in the course score, by quiz id (YAML `scoring.weights`); a quiz not listed weighs the sum of its question weights. */
  quizWeights?: Record<string, number>;
  /**
   * The pair of statuses a single-status standard (SCORM 1.2 `lesson_status`) reports, as the
   * author wrote it; absent = decided by the build (flag, LMS preset, default: src/options.ts).
   */
  reportStatusAs?: ReportStatusAs;
  /** Set by the build (flag or LMS preset, src/options.ts): how answers read in a SCORM 1.2 LMS's reports; absent = strict. */
  answerFormat?: AnswerFormat;
  /** Set by the build from the LMS preset: the LMS player the page adapts to (its frame, its way back to the course). */
  lmsPlayer?: LmsPlayer;
  theme: Theme;
  steps: Step[];
  /**
   * Where course.yaml writes each of its top-level fields, by YAML name (`title`, `version`,
   * `passingScore`...), so that a later check can point at the field itself. Absent in
   * hand-built models, and for fields left out: use `loc`.
   */
  fieldLocs?: Partial<Record<string, SourceLocation>>;
  /** Absolute path of the course folder. */
  rootDir: string;
  /** Files the course is written in (relative paths): course.yaml, the step files, then the Markdown files read; for watching and for error messages. */
  sourceFiles: string[];
}

/**
 * Completion criteria and status pairs are defined beside the runtime data (the runtime
 * applies them): see src/shared/course-data.ts.
 */
export type { AnswerFormat, CompletionCriterion, LmsPlayer, ReportStatusAs } from '../shared/course-data.js';
import type { AnswerFormat, CompletionCriterion, LmsPlayer, ReportStatusAs } from '../shared/course-data.js';
import type { FontStackName } from '../schema/font-stacks.js';
export type { ToolCompletion } from '../shared/course-data.js';
import type { ToolCompletion } from '../shared/course-data.js';

export interface Theme {
  /** CSS colour used for accents, buttons and progress (e.g. `#1d5c8f`). */
  color: string;
  /** Shown before the course title in the header. */
  logo?: AssetRef;
  /** Banner of the overview. */
  cover?: AssetRef;
  /** Named font stack (src/schema/font-stacks.ts); absent = system. */
  font?: FontStackName;
  /** A .woff2/.woff file of the course, used before the stack. */
  fontFile?: AssetRef;
}

export interface Step extends Located {
  id: string;
  title: string;
  /** As written, e.g. "15–20 min"; absent = the length of the step's video files, when known. */
  duration?: string;
  /** The image of the step's card on the overview; absent = its first video's poster. */
  image?: AssetRef;
  introduction?: MarkdownText;
  activities: Activity[];
}

export type Activity = VideoActivity | QuizActivity | SheetActivity | ToolActivity;
export type ActivityKindName = Activity['kind'];

export interface ActivityBase extends Located {
  id: string;
  title: string;
}

export interface VideoActivity extends ActivityBase {
  kind: 'video';
  source: VideoSource;
  poster?: AssetRef;
  captions: Caption[];
  /** Share of the video (0–1) that must be watched for it to count as watched. */
  watchedThreshold: number;
  /** Optional transcript shown under the video. */
  transcript?: MarkdownText;
}

export type VideoSource =
  | { type: 'file'; file: AssetRef }
  | { type: 'youtube'; videoId: string; url: string }
  | { type: 'vimeo'; videoId: string; url: string }
  | { type: 'url'; url: string; mediaType: string };

export interface Caption extends Located {
  language: Language | string;
  label: string;
  file: AssetRef;
}

export interface QuizActivity extends ActivityBase {
  kind: 'quiz';
  /** Percent (0–100) needed to pass this quiz. */
  passingScore: number;
  /** Attempts allowed; 0 means unlimited. */
  attempts: number;
  shuffle: boolean;
  /** Questions drawn at random for each attempt (a pool); absent = every question. Less than `questions.length`. */
  draw?: number;
  /** When the expected answers are shown after submitting; absent = `after-last-attempt`. */
  showCorrectAnswers?: ShowCorrectAnswers;
  /** `one-at-a-time`: a question per screen, Previous/Next, then a review of the answers before submitting; absent = all on one page. */
  display?: 'all' | 'one-at-a-time';
  /** True when no question is graded (Likert scales only): a survey, shown and reported as not scored. */
  survey?: boolean;
  /** Messages by outcome, shown under the score, after the interface's own lines. */
  feedback?: QuizFeedback;
  questions: Question[];
}

/** `after-last-attempt`: once the quiz is over (passed, or no attempt left). */
export type ShowCorrectAnswers = 'always' | 'after-last-attempt' | 'never';

export interface QuizFeedback {
  passed?: MarkdownText;
  /** Failed with an attempt left. */
  retry?: MarkdownText;
  /** Failed with no attempt left. */
  failed?: MarkdownText;
}

/** Messages shown after a question is submitted, by its result. */
export interface ResultFeedback {
  correct?: MarkdownText;
  /** Some credit, not all (types with partial credit). */
  partlyCorrect?: MarkdownText;
  wrong?: MarkdownText;
}

/**
 * Fields every question type has. Each type (see src/questions) adds its own fields;
 * `type` names the module that validates, renders and scores it.
 */
export interface QuestionBase extends Located {
  id: string;
  type: string;
  prompt: MarkdownText;
  explanation?: MarkdownText;
  /** Relative weight of this question within its quiz (> 0). */
  weight: number;
  /** Per-result messages (YAML `resultFeedback`); the quiz shows them, whatever the type. */
  resultFeedback?: ResultFeedback;
}

export interface Choice extends Located {
  /** Stable id within its question (defaults to a, b, c... when the author gives none). */
  id: string;
  text: MarkdownText;
  correct: boolean;
  feedback?: MarkdownText;
}

export interface ChoiceQuestion extends QuestionBase {
  type: 'single-choice' | 'multiple-choice' | 'true-false';
  choices: Choice[];
  /** multiple-choice only: credit per right decision instead of all or nothing (see src/runtime/activities/questions/multiple-choice.ts). */
  partialCredit?: boolean;
}

/** Sources matched to targets (a list of every target per source). */
export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  /** In authored order. */
  sources: MatchingSource[];
  /** Every target, the pairs' ones in order of first use then the distractors; ids a, b, c... by that order. */
  targets: MatchingTarget[];
}

export interface MatchingSource extends Located {
  /** Stable id within its question (defaults to a, b, c... by position). */
  id: string;
  text: MarkdownText;
  /** Id of its right target. */
  target: string;
}

export interface MatchingTarget extends Located {
  id: string;
  /** Plain text (shown as an option of a list). */
  text: string;
}

/** Items to put in order. */
export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  /** In the right order. */
  items: OrderingItem[];
}

export interface OrderingItem extends Located {
  /** Stable id within its question (defaults to a, b, c... by position). */
  id: string;
  text: MarkdownText;
}

/** A text with blanks to type into. */
export interface FillInQuestion extends QuestionBase {
  type: 'fill-in';
  /** Markdown with each blank written `[[answer|other accepted answer]]` (src/questions/fill-in-blanks.ts). */
  text: MarkdownText;
  /** Accepted answers of each blank, in order of appearance, trimmed. */
  blanks: string[][];
  caseSensitive: boolean;
  accentSensitive: boolean;
}

/** A number to type, right within [min, max]. */
export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  /** Bounds of the right numbers, included (answer ± tolerance, or as written). */
  min: number;
  max: number;
  /** When the author gave one right number (then min = answer − tolerance, max = answer + tolerance). */
  answer?: number;
  tolerance?: number;
  /** Shown after the input ("%", "€"). */
  unit?: string;
}

/** An ungraded statement rated on a scale (survey, self-assessment). */
export interface LikertQuestion extends QuestionBase {
  type: 'likert';
  /** The points of the scale, in order; ids a, b, c... by position. */
  scale: LikertPoint[];
}

export interface LikertPoint extends Located {
  id: string;
  /** Plain text. */
  text: string;
}

export type Question = ChoiceQuestion | MatchingQuestion | OrderingQuestion | FillInQuestion | NumericQuestion | LikertQuestion;

export interface SheetActivity extends ActivityBase {
  kind: 'sheet';
  body: MarkdownText;
  attachments: Attachment[];
}

export interface Attachment extends Located {
  title: string;
  file: AssetRef;
}

export interface ToolActivity extends ActivityBase {
  kind: 'tool';
  instructions: MarkdownText;
  /** What completes it (src/shared/course-data.ts). The loader always sets it; absent (hand-built models) = `filled`. */
  completeWhen?: ToolCompletion;
  fields: ToolField[];
  downloads: Attachment[];
}

export type ToolField = TextField | ChecklistField;

export interface TextField extends Located {
  type: 'text';
  id: string;
  label: string;
  multiline: boolean;
  placeholder?: string;
  /** Characters the learner may type; bounds the saved state (SCORM 1.2 keeps 4,096 characters in all). */
  maxLength: number;
  /** Counts for `completeWhen: filled`. The loader always sets it; absent (hand-built models) = true. */
  required?: boolean;
}

export interface ChecklistField extends Located {
  type: 'checklist';
  id: string;
  label: string;
  items: ChecklistItem[];
  /** Counts for `completeWhen: filled`. The loader always sets it; absent (hand-built models) = true. */
  required?: boolean;
}

export interface ChecklistItem extends Located {
  id: string;
  label: string;
}
