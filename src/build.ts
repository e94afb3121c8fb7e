/**
 * The programmatic build: load → check → render → package → write.
 * The CLI is a thin shell over this; it only prints and sets the exit code.
 *
 * Course problems come back as diagnostics (`ok: false`, no zip written); only unexpected
 * failures (I/O, a bug) and an abort (`signal`: Ctrl-C) throw. All or nothing: every target is
 * rendered and packaged before the first zip is written, and every zip is written under a
 * temp name before the first is renamed into place, so a course or a write that fails for one
 * target leaves no zip for any, and no temp file.
 */
import { rm, rename } from 'node:fs/promises';
import path from 'node:path';
import { CourseError, DiagnosticBag, type Diagnostic } from './diagnostics/diagnostic.js';
import type { Course } from './model/course.js';
import { loadCourse } from './load/index.js';
import { buildRecordFile, checkStateBudget, measureWorstCaseState, resolveTargets, type BuildOptions, type PackageFile, type Target } from './package/index.js';
import type { TempZip } from './write/index.js';
import { applyBuildOptions, DEFAULT_TARGETS, resolveBuildOptions } from './options.js';
import { keepPlainTextsIn } from './render/markdown.js';
import { MarkdownMemo } from './render/markdown-memo.js';

export interface BuildRequest {
  courseDir: string;
  /** Target names (`all` = every target). Default: src/options.ts. */
  targets?: readonly string[];
  /** Missing fields take the defaults of src/options.ts. */
  options?: Partial<BuildOptions>;
  /** Aborting stops the build, removes its temp files, and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** How much of the LMS's learner-state storage the course can use at worst. */
export interface StateUsage {
  /** Characters of the largest state the runtime can save for this course. */
  worstCase: number;
  /** Characters the target's LMS keeps. */
  limit: number;
}

export interface BuiltPackage {
  target: string;
  zipPath: string;
  bytes: number;
  files: number;
  state: StateUsage;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  packages: BuiltPackage[];
}

/** `<course id>-<version>-<target>.zip`, with characters unsafe in file names replaced. */
export function packageFileName(course: Pick<Course, 'id' | 'version'>, target: Pick<Target, 'name'>): string {
  return `${course.id}-${course.version}-${target.name}.zip`.replace(/[^A-Za-z0-9._+-]/g, '_');
}

export async function build(request: BuildRequest): Promise<BuildResult> {
  // Unknown target names throw UnknownTargetError before any work: a usage mistake.
  const targets = resolveTargets(request.targets ?? DEFAULT_TARGETS);
  // Checked before loading: an unknown preset is a usage mistake, like an unknown target.
  resolveBuildOptions(request.options);

  const loaded = await loadCourse(request.courseDir);
  const diagnostics = [...loaded.diagnostics];
  if (!loaded.course || hasErrors(diagnostics)) return { ok: false, diagnostics, packages: [] };
  // Flags > course.yaml > LMS preset > defaults; the course carries the status pair in force.
  const options = resolveBuildOptions(request.options, loaded.course);
  const course = applyBuildOptions(loaded.course, options);

  // The Markdown the last build of this course rendered (src/render/markdown-memo.ts), from the
  // state budget's plain texts on.
  const memo = MarkdownMemo.open(course.rootDir);
  const stopKeeping = keepPlainTextsIn(memo);
  try {
    return await packageCourse(course, targets, options, diagnostics, memo, request.signal);
  } finally {
    stopKeeping();
    memo.save();
  }
}

/** build() once the course is loaded: check, render, package, write. */
async function packageCourse(
  course: Course,
  targets: readonly Target[],
  options: BuildOptions,
  diagnostics: Diagnostic[],
  memo: MarkdownMemo,
  abort: AbortSignal | undefined,
): Promise<BuildResult> {
  // Measured once: the targets' checks and the build record read the same figure.
  const budget = measureWorstCaseState(course);
  diagnostics.push(...checkTargets(course, targets, options, budget));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, packages: [] };

  // Rendering and writing (Markdown, Handlebars, the zip writer) load only when a build gets
  // this far: `validate` imports checkTargets from this module and never needs them.
  const [{ renderPages, withRuntime }, { writeZipTemp }] = await Promise.all([import('./render/index.js'), import('./write/index.js')]);
  const worstCase = budget.characters;
  const planned: { target: Target; zipPath: string; files: PackageFile[] }[] = [];
  // The course's pages are rendered once; each target adds its runtime (and its manifest, below).
  const rendered = renderPages(course, memo);
  rendered.catch(() => undefined); // awaited below; a failure is handled there
  try {
    for (const target of targets) {
      abort?.throwIfAborted();
      const pages = [...(await withRuntime(rendered, course, target)), buildRecordFile(course, target, worstCase)];
      const files = await target.package(course, pages, options);
      planned.push({ target, zipPath: path.join(options.outDir, packageFileName(course, target)), files });
    }
  } catch (error) {
    if (error instanceof CourseError) return { ok: false, diagnostics: [...diagnostics, ...error.diagnostics], packages: [] };
    throw error;
  }

  // Every target's zip is written at once: while one waits on the disk, another deflates; the
  // media they share are read from the page cache. The first failure stops the others.
  const stop = new AbortController();
  const signal = abort ? AbortSignal.any([abort, stop.signal]) : stop.signal;
  const writes = await Promise.allSettled(
    planned.map(async ({ zipPath, files }) => {
      try {
        return { ...(await writeZipTemp(zipPath, files, { signal })), zipPath };
      } catch (error) {
        stop.abort(error);
        throw error;
      }
    }),
  );
  const written = writes.flatMap((w) => (w.status === 'fulfilled' ? [w.value] : []));
  const failed = writes.find((w): w is PromiseRejectedResult => w.status === 'rejected');
  if (failed || abort?.aborted) {
    await Promise.all(written.map((zip) => rm(zip.tempPath, { force: true })));
    abort?.throwIfAborted();
    // The first to fail says why; the others stopped for it.
    throw stop.signal.reason ?? failed!.reason;
  }
  await renameAll(written);
  const packages = planned.map(({ target, zipPath, files }, i): BuiltPackage => ({
    target: target.name,
    zipPath,
    bytes: written[i]!.bytes,
    files: files.length,
    state: { worstCase, limit: target.maxStateLength },
  }));
  return { ok: true, diagnostics, packages };
}

/**
 * Moves every temp zip to its name. Should one rename fail (a folder in the way), the zips
 * already renamed are removed with the remaining temp files: no partial set of packages.
 */
async function renameAll(zips: readonly (TempZip & { zipPath: string })[]): Promise<void> {
  let renamed = 0;
  try {
    for (const zip of zips) {
      await rename(zip.tempPath, zip.zipPath);
      renamed++;
    }
  } catch (error) {
    await Promise.all(zips.map((zip, i) => rm(i < renamed ? zip.zipPath : zip.tempPath, { force: true })));
    throw error;
  }
}

/**
 * What each target needs of the course beyond the loader's rules: the target's own check
 * (e.g. SCORM identifiers) and the learner-state budget. `parcours validate` runs it too,
 * so a course that validates also builds.
 */
export function checkTargets(
  course: Course,
  targets: readonly Target[],
  options: BuildOptions,
  budget = targets.length > 0 ? measureWorstCaseState(course) : undefined,
): Diagnostic[] {
  const checks = new DiagnosticBag();
  for (const target of targets) {
    target.check?.(course, checks, options);
    checkStateBudget(course, target, budget).forEach((d) => checks.add(d));
  }
  return dedupe(checks.items);
}

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Several targets may report the same problem (e.g. the state budget); say it once. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.code, d.message, d.loc]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
