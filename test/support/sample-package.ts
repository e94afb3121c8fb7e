/**
 * Builds a course (the sample course by default) with the real build pipeline into a
 * temporary folder, then unzips the package: what an LMS does on upload.
 * `PARCOURS_E2E_ZIP=<zip>` runs the tests on a package built elsewhere (e.g. by the CLI).
 *
 * A course of this repository (the sample, the fixtures) is built once per test run and kept in
 * the run's cache folder (run-cache.ts), keyed by course, target, options and the course files'
 * times; each caller still gets its own unzipped copy.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { BuildOptions } from '../../src/package/target.js';
import { unzipTo } from './unzip.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SAMPLE_COURSE_DIR = path.join(REPO_ROOT, 'course');

export interface BuiltPackage {
  zipPath: string;
  /** The unzipped package: `imsmanifest.xml` and `index.html` at its root. */
  dir: string;
  entries: string[];
  /** `adlcp:masteryscore` from the manifest, when the build wrote one. */
  masteryScore?: number;
  remove(): Promise<void>;
}

export async function buildPackage(
  courseDir: string = SAMPLE_COURSE_DIR,
  target = 'scorm12',
  /** Build options (LMS preset, status pair...) beyond the product's defaults. */
  options: Partial<BuildOptions> = {},
): Promise<BuiltPackage> {
  const work = await mkdtemp(path.join(tmpdir(), 'parcours-e2e-'));
  // A given zip stands for the sample course as built by default only.
  const given = courseDir === SAMPLE_COURSE_DIR && Object.keys(options).length === 0 ? process.env.PARCOURS_E2E_ZIP : undefined;
  const zipPath = given || (await cachedZip(courseDir, target, options)) || (await buildZip(courseDir, target, path.join(work, 'dist'), work, options));
  const dir = path.join(work, 'package');
  const entries = await unzipTo(zipPath, dir);
  const manifest = await readFile(path.join(dir, 'imsmanifest.xml'), 'utf8');
  const mastery = /<adlcp:masteryscore>\s*([\d.]+)\s*<\/adlcp:masteryscore>/.exec(manifest)?.[1];
  return {
    zipPath,
    dir,
    entries,
    ...(mastery === undefined ? {} : { masteryScore: Number(mastery) }),
    remove: () => rm(work, { recursive: true, force: true }),
  };
}

async function buildZip(courseDir: string, target: string, outDir: string, work: string, options: Partial<BuildOptions>): Promise<string> {
  // Imported here so that a run on a given zip does not need the build pipeline at all.
  const { build } = await import('../../src/build.js');
  // The product's default options (mastery score written): what an author uploads.
  const result = await build({ courseDir, targets: [target], options: { ...options, outDir } });
  const built = result.packages[0];
  if (!result.ok || !built) {
    await rm(work, { recursive: true, force: true });
    const messages = result.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`).join('\n');
    throw new Error(`build of ${courseDir} failed:\n${messages}`);
  }
  return built.zipPath;
}

/** Newest modification time of the course's files: a course edited during the run is rebuilt. */
async function newestFileTime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/**
 * The zip of this build from the run's cache, building it there first if needed; undefined for a
 * course outside the repository (a test's temporary course) or without the run's cache folder.
 */
async function cachedZip(courseDir: string, target: string, options: Partial<BuildOptions>): Promise<string | undefined> {
  const cacheDir = inject('runCacheDir');
  const absolute = path.resolve(courseDir);
  if (!cacheDir || path.relative(REPO_ROOT, absolute).startsWith('..')) return undefined;
  const key = JSON.stringify({ course: absolute, target, options, files: await newestFileTime(absolute) });
  const zipPath = path.join(cacheDir, `${createHash('sha256').update(key).digest('hex').slice(0, 16)}.zip`);
  if (await stat(zipPath).catch(() => undefined)) return zipPath;
  const work = await mkdtemp(path.join(cacheDir, 'build-'));
  try {
    const built = await buildZip(courseDir, target, path.join(work, 'dist'), work, options);
    // Two workers may build the same package at once: each renames a complete zip into place.
    const complete = path.join(work, 'complete.zip');
    await copyFile(built, complete);
    await rename(complete, zipPath);
    return zipPath;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
