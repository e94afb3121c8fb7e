/**
 * Every default of a build, in one place. Order of precedence: command-line flags (or the
 * fields given to `build()`), then these defaults.
 */
import type { BuildOptions } from './package/target.js';

/** `parcours build` and `parcours validate` read the current folder unless given one. */
export const DEFAULT_COURSE_DIR = '.';
/** Zips go to `dist/` (relative to the current folder). */
export const DEFAULT_OUT_DIR = 'dist';
/** SCORM 1.2: what Moodle and nearly every LMS import. */
export const DEFAULT_TARGETS: readonly string[] = ['scorm12'];

export const defaultBuildOptions: Readonly<BuildOptions> = {
  outDir: DEFAULT_OUT_DIR,
  /** Write the course passing score as the LMS mastery score (see scorm12-manifest.ts for Moodle's behaviour). */
  masteryScore: true,
};

/** Fills what the caller left out with the defaults. */
export function resolveBuildOptions(given: Partial<BuildOptions> = {}): BuildOptions {
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<BuildOptions>;
  return { ...defaultBuildOptions, ...defined };
}
