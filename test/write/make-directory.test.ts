/**
 * src/write/make-directory.ts: `mkdir -p` for the output, cache and new-course folders. The cases where
 * Node's own recursive mkdir spins forever (a folder that cannot hold folders) run in a child process with
 * a time limit, so that a regression fails here instead of hanging the suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDirectory } from '../../src/write/make-directory.js';
import { CLI_RUN_MS } from '../support/timeouts.js';
import { bin, ensureBuilt, minimalCourse } from '../cli/run-cli.js';

let work: string;
beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-make-directory-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('makeDirectory', () => {
  it('creates the missing folders, with the mode asked, and accepts one that exists', async () => {
    const deep = path.join(work, 'a', 'b', 'c');
    makeDirectory(deep, 0o700);
    expect((await stat(deep)).isDirectory()).toBe(true);
    expect((await stat(path.join(work, 'a'))).mode & 0o777).toBe(0o700 & ~process.umask());
    expect(() => makeDirectory(deep)).not.toThrow();
  });

  it('refuses a file in the way, naming it', async () => {
    const file = path.join(work, 'file');
    await writeFile(file, 'x');
    expect(() => makeDirectory(file)).toThrow(expect.objectContaining({ code: 'EEXIST', path: file }));
    expect(() => makeDirectory(path.join(file, 'below'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('says why, and ends, where a folder cannot hold folders: under a link to nowhere, or /proc', async () => {
    const dangling = path.join(work, 'dangling');
    await symlink(path.join(work, 'nowhere'), dangling);
    const folders = [path.join(dangling, 'out'), ...(process.platform === 'linux' ? ['/proc/parcours-test/out'] : [])];
    for (const folder of folders) {
      // The bundled command, as a user runs it: the output folder, then the cache folder.
      const asOutput = spawnSync(process.execPath, [bin, 'build', minimalCourse, '--out', folder], { encoding: 'utf8', timeout: CLI_RUN_MS });
      expect(asOutput.signal, `${folder}: still running after ${CLI_RUN_MS} ms`).toBeNull();
      expect(asOutput.status).toBe(2);
      expect(asOutput.stderr).toContain('cannot hold folders');
      const asCache = spawnSync(process.execPath, [bin, 'validate', minimalCourse], {
        encoding: 'utf8',
        timeout: CLI_RUN_MS,
        env: { ...process.env, PARCOURS_CACHE_DIR: folder },
      });
      expect(asCache.signal, `${folder}: still running after ${CLI_RUN_MS} ms`).toBeNull();
      expect(asCache.status).toBe(0); // a cache folder that cannot be made only turns the cache off
    }
  });
});
