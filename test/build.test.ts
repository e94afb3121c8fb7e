/**
 * build() is all or nothing: a zip that fails to write, for any target, leaves no zip of the
 * other targets and no temp file. The third write is made to fail, as a full disk or an
 * unreadable file would (writeZipTemp removes its own temp file then: test/write/zip.test.ts).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../src/build.js';
import { minimalCourse } from './cli/run-cli.js';

const writes = vi.hoisted(() => ({ count: 0, failAt: Infinity }));
vi.mock('../src/write/zip.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/write/zip.js')>();
  return {
    ...original,
    writeZipTemp: async (...args: Parameters<typeof original.writeZipTemp>) => {
      if (++writes.count === writes.failAt) throw new Error('ENOSPC: no space left on device, write');
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
    expect(writes.count).toBe(3);
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
