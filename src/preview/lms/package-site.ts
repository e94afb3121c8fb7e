/**
 * One build of the preview's LMS mode: the package exactly as `parcours build --target <t>`
 * writes it (pages, runtime, parcours-build.json, manifest and schemas), kept in memory.
 * What the target refuses is reported but the package is still made, so the author sees the
 * course and the problem together (as the plain preview does).
 */
import path from 'node:path';
import { checkTargets } from '../../build.js';
import { CourseError } from '../../diagnostics/diagnostic.js';
import { loadCourse } from '../../load/index.js';
import { applyBuildOptions, resolveBuildOptions } from '../../options.js';
import { buildRecordFile, measureWorstCaseState, resolveTargets } from '../../package/index.js';
import { renderCourse } from '../../render/index.js';
import type { BuildOptions } from '../../package/target.js';
import type { SiteBuild } from '../preview-site.js';

/** `given`: what the command line (and the panel) chose, as `build`'s flags; the rest resolves as in build(). */
export async function buildPackageSite(courseDir: string, targetName: string, given: Partial<BuildOptions> = {}): Promise<SiteBuild> {
  const [target] = resolveTargets([targetName]);
  const loaded = await loadCourse(courseDir);
  const diagnostics = [...loaded.diagnostics];
  if (!loaded.course || diagnostics.some((d) => d.severity === 'error')) return { diagnostics, sourceFiles: [] };
  const rootDir = loaded.course.rootDir;
  const sourceFiles = loaded.course.sourceFiles.map((rel) => path.join(rootDir, ...rel.split('/')));
  const options = resolveBuildOptions(given, loaded.course);
  const settings = { reportStatusAs: options.reportStatusAs ?? '', reportStatusAsFrom: options.reportStatusAsFrom ?? 'default', masteryScore: options.masteryScore, lms: options.lms ?? '' };
  const course = applyBuildOptions(loaded.course, options);
  diagnostics.push(...checkTargets(course, [target!], options));
  try {
    // As build() does (src/build.ts).
    const pages = [...(await renderCourse(course, target!)), buildRecordFile(course, target!, measureWorstCaseState(course).characters)];
    const files = await target!.package(course, pages, options);
    return { files: new Map(files.map((f) => [f.path, f])), diagnostics, sourceFiles, settings };
  } catch (error) {
    if (error instanceof CourseError) return { diagnostics: [...diagnostics, ...error.diagnostics], sourceFiles };
    throw error;
  }
}
