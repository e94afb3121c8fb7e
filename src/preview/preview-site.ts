/**
 * One build of the preview: load, check for SCORM 1.2 (what `parcours build` checks by
 * default), render. Pages stay in memory; the course's files are served from disk.
 */
import path from 'node:path';
import { CourseError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkTargets } from '../build.js';
import { loadCourse } from '../load/index.js';
import { applyBuildOptions, resolveBuildOptions } from '../options.js';
import type { Course } from '../model/course.js';
import type { BuildOptions, PackageFile, Target } from '../package/target.js';
import { resolveTargets } from '../package/targets.js';
import { renderCourse } from '../render/index.js';

/** The rendered files by their path in the package (`index.html`, `content/media/intro.mp4`). */
export type SiteFiles = ReadonlyMap<string, PackageFile>;

export interface SiteBuild {
  /** Absent when the course did not load or render: the preview keeps showing the last site. */
  files?: SiteFiles;
  diagnostics: Diagnostic[];
  /** Absolute paths of the YAML and Markdown files the course was read from (when it loaded). */
  sourceFiles: string[];
  /** LMS modes: the options the package was built with (flags, course.yaml, preset resolved). */
  settings?: PackageSettings;
}

/** What the panel shows of how the package was built, and may change (preview-session.ts). */
export interface PackageSettings {
  reportStatusAs: string;
  reportStatusAsFrom: string;
  masteryScore: boolean;
  lms: string;
}

/**
 * The scorm12 runtime: with no LMS around it falls back to the standalone adapter (progress
 * in localStorage, with a notice on the page), which is what an author wants in a preview.
 */
const PREVIEW_TARGET = 'scorm12';

export function buildSite(courseDir: string): Promise<SiteBuild> {
  return buildSiteWith(courseDir, PREVIEW_TARGET, {}, renderCourse);
}

/** What a build makes of the checked course: the pages alone, or the whole package (lms/package-site.ts). */
export type SiteStep = (course: Course, target: Target, options: BuildOptions) => Promise<PackageFile[]>;

/**
 * Load, resolve the build options (`given`: the command line's and the panel's; the rest as in
 * build()), check for the target, then `step`. What the target refuses (identifiers, state
 * budget) is reported, but the files are still made: the author sees the course and the
 * problem together.
 */
export async function buildSiteWith(courseDir: string, targetName: string, given: Partial<BuildOptions>, step: SiteStep): Promise<SiteBuild> {
  const [target] = resolveTargets([targetName]);
  const loaded = await loadCourse(courseDir);
  const diagnostics = [...loaded.diagnostics];
  if (!loaded.course || diagnostics.some((d) => d.severity === 'error')) return { diagnostics, sourceFiles: [] };
  const rootDir = loaded.course.rootDir;
  const sourceFiles = loaded.course.sourceFiles.map((rel) => path.join(rootDir, ...rel.split('/')));
  const options = resolveBuildOptions(given, loaded.course);
  const course = applyBuildOptions(loaded.course, options);
  diagnostics.push(...checkTargets(course, [target!], options));
  try {
    const files = await step(course, target!, options);
    return { files: new Map(files.map((f) => [f.path, f])), diagnostics, sourceFiles };
  } catch (error) {
    if (error instanceof CourseError) return { diagnostics: [...diagnostics, ...error.diagnostics], sourceFiles };
    throw error;
  }
}

/** Whether two builds serve the same thing (same pages, same course files), so no reload is needed. */
export function sameFiles(a: SiteFiles | undefined, b: SiteFiles | undefined): boolean {
  if (!a || !b || a.size !== b.size) return a === b;
  for (const [name, file] of a) {
    const other = b.get(name);
    if (!other || other.kind !== file.kind) return false;
    if (file.kind === 'data' && other.kind === 'data' && !file.data.equals(other.data)) return false;
    if (file.kind === 'file' && other.kind === 'file' && file.absPath !== other.absPath) return false;
  }
  return true;
}
