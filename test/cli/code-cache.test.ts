/**
 * `validate` and `build` run from their bundles with V8's code cache kept in the disk cache
 * (src/cli/command-bundle.ts). What a user relies on: the cache made by one run is one V8 takes
 * on the next (else it is dead weight), a run stopped by a mistake in the course leaves none,
 * a damaged entry never breaks a command and is made again, and PARCOURS_CACHE=off writes nothing.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeCacheEntry, compileBundle, type CommandBundleName } from '../../src/cli/command-bundle.js';
import { readCachedBytes } from '../../src/render/disk-cache.js';
import { ensureBuilt, minimalCourse, repoRoot, runCli } from './run-cli.js';

let work: string;
beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-code-cache-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function bundle(name: CommandBundleName): Promise<{ file: string; source: string; entry: string }> {
  const file = path.join(repoRoot, 'lib', `${name}.cjs`);
  const source = await readFile(file, 'utf8');
  return { file, source, entry: codeCacheEntry(name, source) };
}

const codeEntries = async (dir: string) => (await readdir(dir).catch(() => [])).filter((f) => f.startsWith('code-')).sort();

describe('the code cache of validate and build', () => {
  it('is made by a first run that succeeds, and V8 accepts it for the bundle it was made from', async () => {
    const cache = path.join(work, 'ok');
    const env = { PARCOURS_CACHE_DIR: cache };
    expect(runCli(['validate', minimalCourse], { env }).status).toBe(0);
    expect(runCli(['build', minimalCourse, '--target', 'scorm12', '--out', path.join(work, 'out')], { env }).status).toBe(0);
    for (const name of ['validate-command', 'build-command'] as const) {
      const { file, source, entry } = await bundle(name);
      const cachedData = readCachedBytes(entry, cache);
      expect(cachedData, name).toBeDefined();
      expect(compileBundle(file, source, cachedData).cachedDataRejected, name).toBe(false);
    }
    // The next run reads it and prints the same.
    const again = runCli(['validate', minimalCourse], { env });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(runCli(['validate', minimalCourse], { env: { PARCOURS_CACHE: 'off' } }).stdout);
  });

  it('is not made by a run that fails on the course, nor with PARCOURS_CACHE=off', async () => {
    const cache = path.join(work, 'failed');
    const broken = path.join(work, 'broken');
    await rm(broken, { recursive: true, force: true });
    await cp(minimalCourse, broken, { recursive: true });
    await writeFile(path.join(broken, 'course.yaml'), 'title: [unclosed\n');
    expect(runCli(['validate', broken], { env: { PARCOURS_CACHE_DIR: cache } }).status).toBe(1);
    expect(await codeEntries(cache)).toEqual([]);
    const off = path.join(work, 'off');
    expect(runCli(['validate', minimalCourse], { env: { PARCOURS_CACHE_DIR: off, PARCOURS_CACHE: 'off' } }).status).toBe(0);
    expect(await codeEntries(off)).toEqual([]);
  });

  it('runs as usual from a damaged entry, and makes it again', async () => {
    const cache = path.join(work, 'damaged');
    const env = { PARCOURS_CACHE_DIR: cache };
    expect(runCli(['validate', minimalCourse], { env }).status).toBe(0);
    const { file, source, entry } = await bundle('validate-command');
    const stored = await readFile(path.join(cache, entry));
    // Bytes of the code itself changed (past the entry's header): V8 would run whatever it was given.
    for (let i = stored.length - 64; i < stored.length; i++) stored[i] = stored[i]! ^ 0xff;
    await writeFile(path.join(cache, entry), stored);
    expect(readCachedBytes(entry, cache)).toBeUndefined();
    const run = runCli(['validate', minimalCourse], { env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/is valid/);
    expect(compileBundle(file, source, readCachedBytes(entry, cache)).cachedDataRejected).toBe(false);
  });
});
