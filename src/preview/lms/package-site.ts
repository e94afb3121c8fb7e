/**
 * One build of the preview's LMS mode: the package exactly as `parcours build --target <t>`
 * writes it (pages, runtime, parcours-build.json, manifest and schemas), kept in memory.
 * What the target refuses is reported but the package is still made, so the author sees the
 * course and the problem together (as the plain preview does).
 */
import { buildRecordFile, measureWorstCaseState } from '../../package/index.js';
import { renderCourse } from '../../render/index.js';
import type { BuildOptions } from '../../package/target.js';
import { buildSiteWith, type PackageSettings, type SiteBuild } from '../preview-site.js';

/** `given`: what the command line (and the panel) chose, as `build`'s flags; the rest resolves as in build(). */
export async function buildPackageSite(courseDir: string, targetName: string, given: Partial<BuildOptions> = {}): Promise<SiteBuild> {
  let settings: PackageSettings | undefined;
  const build = await buildSiteWith(courseDir, targetName, given, async (course, target, options) => {
    settings = { reportStatusAs: options.reportStatusAs ?? '', reportStatusAsFrom: options.reportStatusAsFrom ?? 'default', masteryScore: options.masteryScore, lms: options.lms ?? '' };
    // As build() does (src/build.ts).
    const pages = [...(await renderCourse(course, target)), buildRecordFile(course, target, measureWorstCaseState(course).characters)];
    return target.package(course, pages, options);
  });
  return build.files && settings ? { ...build, settings } : build;
}
