/**
 * Every default of a build, in one place. Order of precedence: command-line flags (or the
 * fields given to `build()`), then course.yaml, then the LMS preset (src/presets.ts), then
 * these defaults.
 */
import type { Course } from './model/course.js';
import type { BuildOptions } from './package/target.js';
import { DEFAULT_LMS, findLmsPreset, UnknownLmsError } from './presets.js';
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
};

/** Without a word from the flags, course.yaml or the preset: passed/failed when there is a quiz to pass. */
export function defaultReportStatusAs(course: Pick<Course, 'steps'> | undefined): ReportStatusAs {
  const graded = !course || course.steps.some((s) => s.activities.some((a) => a.kind === 'quiz'));
  return graded ? 'passed/failed' : 'completed/incomplete';
}

/**
 * Fills what the caller left out: flags > course.yaml (`reportStatusAs`) > LMS preset >
 * defaults. Throws UnknownLmsError for a preset name nobody defined (a usage mistake).
 * `reportStatusAs` is always set in the result.
 */
export function resolveBuildOptions(given: Partial<BuildOptions> = {}, course?: Course): BuildOptions {
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<BuildOptions>;
  const lms = defined.lms ?? DEFAULT_LMS;
  const preset = findLmsPreset(lms);
  if (!preset) throw new UnknownLmsError(lms);
  const reportStatusAs = defined.reportStatusAs ?? course?.reportStatusAs ?? preset.reportStatusAs ?? defaultReportStatusAs(course);
  const reportStatusAsFrom = defined.reportStatusAs ? 'given' : course?.reportStatusAs ? 'course' : preset.reportStatusAs ? 'preset' : 'default';
  const masteryScore = defined.masteryScore ?? preset.masteryScore?.(reportStatusAs) ?? defaultBuildOptions.masteryScore;
  return { ...defaultBuildOptions, ...defined, lms, reportStatusAs, reportStatusAsFrom, masteryScore };
}

/** The course as the build renders it: its status pair resolved (flags and preset included). */
export function applyBuildOptions(course: Course, options: BuildOptions): Course {
  return options.reportStatusAs ? { ...course, reportStatusAs: options.reportStatusAs } : course;
}
