/**
 * A build that does not finish leaves nothing behind: neither a `*.zip.<hex>.tmp` nor a zip,
 * for any target. Stopped by Ctrl-C (SIGINT) or SIGTERM while it writes, it exits 130 or 143
 * as shells expect: the real command runs on a course with a large captions file (sparse, so
 * it costs no disk to make; deflating it keeps the writer busy long enough to be interrupted).
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/timeouts.js';
import { bin, ensureBuilt, minimalCourse, repoRoot, runCli } from './run-cli.js';

let work: string;
let course: string;

beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-interrupt-'));
  course = path.join(work, 'course');
  await cp(minimalCourse, course, { recursive: true });
  // 64 MB of zeros, deflated (captions are text): seconds of writing, whatever the machine.
  const captions = await open(path.join(course, 'media', 'intro.en.vtt'), 'w');
  await captions.truncate(64 * 1024 * 1024);
  await captions.close();
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Sends `signal` once `tempZips` temp zips are there (with several targets: the first ones written, one being written). */
async function interruptWhileWriting(signal: 'SIGINT' | 'SIGTERM', targets: string[], tempZips = 1, extra: string[] = []) {
  const out = path.join(work, `out-${signal}-${targets.length}`);
  const child = spawn(process.execPath, [bin, 'build', course, '--out', out, ...extra, '--target', ...targets], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const listing = () => readdir(out).catch(() => [] as string[]);
  const temps = async () => (await listing()).filter((f) => f.endsWith('.tmp')).length;
  await waitUntil(async () => (await temps()) >= tempZips, `the build to write ${tempZips} temp zip(s)`);
  child.kill(signal);
  const code = await exited;
  return { code, stdout, stderr, left: await listing() };
}

describe('an interrupted build', () => {
  it('removes the temp zip and exits 130 on SIGINT (Ctrl-C)', async () => {
    const run = await interruptWhileWriting('SIGINT', ['scorm12'], 1, ['--json']);
    expect(run.left).toEqual([]);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('interrupted by SIGINT; no package written.');
    expect(JSON.parse(run.stdout)).toEqual({ ok: false, failure: 'interrupted by SIGINT' });
  });

  it('removes every temp zip and exits 143 on SIGTERM, with several targets', async () => {
    const run = await interruptWhileWriting('SIGTERM', ['all'], 2);
    expect(run.left).toEqual([]);
    expect(run.code).toBe(143);
    expect(run.stderr).toContain('interrupted by SIGTERM; no package written.');
  });
});

describe('a build of several targets', () => {
  it('writes no zip for any target when the last one cannot be written', async () => {
    const out = path.join(work, 'out-last-fails');
    // A folder where the cmi5 zip (the last of `all`) must go: its rename fails.
    await mkdir(path.join(out, 'minimal-course-1.0.0-cmi5.zip', 'in-the-way'), { recursive: true });
    const run = runCli(['build', minimalCourse, '--out', out, '--target', 'all']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^parcours: .*minimal-course-1\.0\.0-cmi5\.zip/m);
    expect(await readdir(out)).toEqual(['minimal-course-1.0.0-cmi5.zip']); // only the folder that was there
  });
});
