/**
 * LMS presets (`parcours build --lms <name>`): named bundles of build options that suit one
 * LMS. A preset fills only what neither the command line nor course.yaml says; the order is
 * flags > course file > preset > defaults (src/options.ts applies it). docs/lms-presets.md
 * explains each choice.
 */
import type { ReportStatusAs } from './shared/course-data.js';

export interface LmsPreset {
  name: string;
  /** One line for `--help`. */
  description: string;
  /** Status pair when neither `--report-status-as` nor course.yaml gives one. */
  reportStatusAs?: ReportStatusAs;
  /** Whether to write the mastery score, given the status pair in force, unless a flag says. */
  masteryScore?: (reportStatusAs: ReportStatusAs) => boolean;
}

/** The defaults: any SCORM 1.2, xAPI or cmi5 LMS. */
export const genericPreset: LmsPreset = {
  name: 'generic',
  description: 'any LMS: passed/failed (completed/incomplete without quizzes), mastery score written',
};

/**
 * Moodle 4.x (mod_scorm). Its activity setting "Mastery score overrides status" is on by
 * default: with `adlcp:masteryscore` in the manifest, Moodle sets passed/failed from
 * `score.raw` at LMSFinish, whatever the course reported. That agrees with passed/failed only,
 * so the mastery score is written for that pair alone and other pairs keep their words.
 */
export const moodlePreset: LmsPreset = {
  name: 'moodle',
  description: 'Moodle 4.x: passed/failed, mastery score only when reporting passed/failed (Moodle would override other statuses)',
  reportStatusAs: 'passed/failed',
  masteryScore: (reportStatusAs) => reportStatusAs === 'passed/failed',
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
