/**
 * Every default of a build, in one place. Order of precedence: command-line flags (or the
 * fields given to `build()`), then course.yaml, then the LMS preset (src/presets.ts), then
 * these defaults.
 */
import type { Course } from './model/course.js';
import type { BuildOptions } from './package/target.js';
import { ConflictingOptionsError, DEFAULT_LMS, findLmsPreset, UnknownLmsError } from './presets.js';
import type { ReportStatusAs } from './shared/course-data.js';

/** `parcours build` and `parcours validate` read the current folder unless given one. */
export const DEFAULT_COURSE_DIR = '.';
/** Zips go to `dist/` (relative to the current folder). */
export const DEFAULT_OUT_DIR = 'dist';
/** SCORM 1.2: what Moodle and nearly every LMS import. */
export const DEFAULT_TARGETS: readonly string[] = ['scorm12'];
/**
 * `validate` checks the rules of every target (`all`, src/package/targets.ts) unless told
 * otherwise, so that no `build --target` meets a problem `validate` did not show.
 */
export const DEFAULT_VALIDATE_TARGETS: readonly string[] = ['all'];

export const defaultBuildOptions: Readonly<BuildOptions> = {
  outDir: DEFAULT_OUT_DIR,
  /** Write the course passing score as the LMS mastery score (see scorm12-manifest.ts for Moodle's behaviour). */
  masteryScore: true,
  lms: DEFAULT_LMS,
  /** SCORM 1.2's own response formats: what every LMS accepts. */
  answerFormat: 'strict',
};

/**
 * Without a word from the flags, course.yaml or the preset: passed/failed when there is a quiz to
 * pass, one with a graded question (a survey of Likert scales passes nobody).
 */
export function defaultReportStatusAs(course: Pick<Course, 'steps'> | undefined): ReportStatusAs {
  const graded = !course || course.steps.some((s) => s.activities.some((a) => a.kind === 'quiz' && !a.survey));
  return graded ? 'passed/failed' : 'completed/incomplete';
}

/**
 * Fills what the caller left out: flags > course.yaml (`reportStatusAs`) > LMS preset >
 * defaults. Throws UnknownLmsError for a preset name nobody defined, ConflictingOptionsError
 * for `runningScore` with `masteryScore` (usage mistakes). `reportStatusAs`, `masteryScore` and
 * `runningScore` are always set in the result: the running score is sent exactly when the
 * manifest has no mastery score (an LMS with one would fail a learner on a partial score).
 */
export function resolveBuildOptions(given: Partial<BuildOptions> = {}, course?: Course): BuildOptions {
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<BuildOptions>;
  const lms = defined.lms ?? DEFAULT_LMS;
  const preset = findLmsPreset(lms);
  if (!preset) throw new UnknownLmsError(lms);
  const reportStatusAs = defined.reportStatusAs ?? course?.reportStatusAs ?? preset.reportStatusAs ?? defaultReportStatusAs(course);
  const reportStatusAsFrom = defined.reportStatusAs ? 'given' : course?.reportStatusAs ? 'course' : preset.reportStatusAs ? 'preset' : 'default';
  if (defined.runningScore !== undefined && defined.masteryScore === defined.runningScore) {
    throw new ConflictingOptionsError(
      defined.runningScore
        ? 'A running score needs the manifest without a mastery score: drop --mastery-score, or --running-score.'
        : '--no-running-score keeps the mastery score: drop --no-mastery-score, or --no-running-score.',
    );
  }
  const masteryScore =
    defined.masteryScore ?? (defined.runningScore === undefined ? undefined : !defined.runningScore) ?? preset.masteryScore?.(reportStatusAs) ?? defaultBuildOptions.masteryScore;
  const answerFormat = defined.answerFormat ?? preset.answerFormat ?? defaultBuildOptions.answerFormat;
  const player = preset.player ? { lmsPlayer: preset.player } : {};
  return { ...defaultBuildOptions, ...defined, lms, reportStatusAs, reportStatusAsFrom, masteryScore, runningScore: !masteryScore, answerFormat, ...player };
}

/** The course as the build renders it: its status pair, answer format and LMS player resolved (flags and preset included). */
export function applyBuildOptions(course: Course, options: BuildOptions): Course {
  return {
    ...course,
    ...(options.reportStatusAs && { reportStatusAs: options.reportStatusAs }),
    ...(options.answerFormat === 'readable' && { answerFormat: options.answerFormat }),
    ...(options.lmsPlayer && { lmsPlayer: options.lmsPlayer }),
  };
}
