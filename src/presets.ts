/**
 * LMS presets (`parcours build --lms <name>`): named bundles of build options that suit one
 * LMS. A preset fills only what neither the command line nor course.yaml says; the order is
 * flags > course file > preset > defaults (src/options.ts applies it). docs/lms-presets.md
 * explains each choice and what the LMS then shows.
 */
import type { AnswerFormat, LmsPlayer, ReportStatusAs } from './shared/course-data.js';

export interface LmsPreset {
  name: string;
  /** One line for `--help`. */
  description: string;
  /** Status pair when neither `--report-status-as` nor course.yaml gives one. */
  reportStatusAs?: ReportStatusAs;
  /** Whether to write the mastery score, given the status pair in force, unless a flag says. */
  masteryScore?: (reportStatusAs: ReportStatusAs) => boolean;
  /** How answers read in the LMS's reports, unless `--answers` says (default strict). */
  answerFormat?: AnswerFormat;
  /** The LMS's player the page adapts to: its frame, and its own way back to the course on the goodbye page. */
  player?: LmsPlayer;
}

/** The defaults: any SCORM 1.2, xAPI or cmi5 LMS. */
export const genericPreset: LmsPreset = {
  name: 'generic',
  description: 'any LMS: passed/failed (completed/incomplete without quizzes), mastery score written, SCORM 1.2 answer formats',
};

/**
 * Moodle 4.x (mod_scorm), from what Moodle 4.5 recorded with Parcours packages (STANDARDS.md §7):
 * - "Mastery score overrides status" is on by default: with `adlcp:masteryscore` in the
 *   manifest, Moodle sets passed/failed from `score.raw` at LMSFinish, whatever the course
 *   reported. That agrees with passed/failed only, so the mastery score is written for that pair
 *   alone and other pairs keep their words (the runtime then holds the score back until the
 *   course decides; `--running-score` trades the mastery score for a running score).
 * - Its validator keeps any text of up to 255 characters as a response and its reports show it
 *   as sent: answers go as the course's ids and true/false words (`readable`).
 * - It plays the package in a frame of its page (about 650 px wide at 1280 px, 352 px on a
 *   phone, a floating contents button over its left edge there), and its way back to the course
 *   is its own « Exit activity » button: the page keeps clear of the button and the goodbye page
 *   names Moodle's.
 */
export const moodlePreset: LmsPreset = {
  name: 'moodle',
  description: 'Moodle 4.x: passed/failed, mastery score only with passed/failed (Moodle would override other statuses), readable answers, fits its player',
  reportStatusAs: 'passed/failed',
  masteryScore: (reportStatusAs) => reportStatusAs === 'passed/failed',
  answerFormat: 'readable',
  player: 'moodle',
};

export const lmsPresets: readonly LmsPreset[] = [genericPreset, moodlePreset];

export const DEFAULT_LMS = genericPreset.name;

export function findLmsPreset(name: string): LmsPreset | undefined {
  return lmsPresets.find((p) => p.name === name);
}

/** A preset nobody defined: a usage mistake, reported without a stack. */
export class UnknownLmsError extends Error {
  constructor(readonly lmsName: string) {
    super(`Unknown LMS preset "${lmsName}". Known presets: ${lmsPresets.map((p) => p.name).join(', ')}.`);
    this.name = 'UnknownLmsError';
  }
}

/** Two options that cannot both hold (`--running-score` with `--mastery-score`): a usage mistake. */
export class ConflictingOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictingOptionsError';
  }
}
