/**
 * build() is all or nothing: a zip that fails to write, for any target, leaves no zip of the
 * other targets and no temp file. The third write is made to fail, as a full disk or an
 * unreadable file would (writeZipTemp removes its own temp file then: test/write/zip.test.ts).
 */
import { appendFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../src/build.js';
import { CourseFileChangedError } from '../src/load/course-files.js';
import { minimalCourse } from './cli/run-cli.js';

const writes = vi.hoisted(() => ({ count: 0, failAt: Infinity, beforeFirst: undefined as (() => Promise<void>) | undefined }));
vi.mock('../src/write/zip.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/write/zip.js')>();
  return {
    ...original,
    writeZipTemp: async (...args: Parameters<typeof original.writeZipTemp>) => {
      if (++writes.count === writes.failAt) throw new Error('ENOSPC: no space left on device, write');
      if (writes.count === 1) await writes.beforeFirst?.();
      return original.writeZipTemp(...args);
    },
  };
});

let out: string;
beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'parcours-build-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('build with several targets', () => {
  it('leaves no zip and no temp file when the third zip fails to write', async () => {
    writes.count = 0;
    writes.failAt = 3;
    await expect(build({ courseDir: minimalCourse, targets: ['all'], options: { outDir: out } })).rejects.toThrow(/ENOSPC/);
    expect(writes.count).toBe(4); // the zips are written at once: the others stop when one fails
    expect(await readdir(out)).toEqual([]);
  });

  it('writes every zip when nothing fails', async () => {
    writes.count = 0;
    writes.failAt = Infinity;
    const result = await build({ courseDir: minimalCourse, targets: ['all'], options: { outDir: out } });
    expect(result.ok).toBe(true);
    expect((await readdir(out)).sort()).toEqual(result.packages.map((p) => path.basename(p.zipPath)).sort());
    expect(result.packages).toHaveLength(4);
  });
});

describe('a course file that changes while the course builds', () => {
  it.each([
    ['vanishes', (file: string) => rm(file)],
    ['grows', (file: string) => appendFile(file, Buffer.alloc(1000))],
  ])('%s after loading: the build fails naming it, and writes no package', async (_, change) => {
    const course = path.join(out, 'changing-course');
    await cp(minimalCourse, course, { recursive: true });
    const target = path.join(out, 'changing-out');
    writes.count = 0;
    writes.failAt = Infinity;
    writes.beforeFirst = () => change(path.join(course, 'media', 'intro.mp4'));
    try {
      const error = await build({ courseDir: course, targets: ['all'], options: { outDir: target } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CourseFileChangedError);
      expect((error as CourseFileChangedError).relPath).toBe('media/intro.mp4');
      expect(await readdir(target).catch(() => [])).toEqual([]);
    } finally {
      writes.beforeFirst = undefined;
      await rm(course, { recursive: true, force: true });
      await rm(target, { recursive: true, force: true });
    }
  });
});
