/**
 * A build reuses the Markdown its course's last build rendered (src/render/markdown-memo.ts): the
 * package must be the one a fresh render gives, byte for byte, and a text that links or shows a
 * course file is rendered again each time, so that the file is still packaged (or refused).
 */
import { copyFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../write/zip-reader.js';
import { ensureBuilt, minimalCourse, runCli } from './run-cli.js';

const zipName = 'minimal-course-1.0.0-scorm12.zip';
let work: string;
let course: string;

beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-markdown-memo-'));
  course = path.join(work, 'course');
  await cp(minimalCourse, course, { recursive: true });
  // A file only this text links to, and an image only it shows.
  await copyFile(path.join(course, 'files', 'basics.pdf'), path.join(course, 'files', 'only-linked.pdf'));
  await copyFile(path.join(course, 'media', 'intro.jpg'), path.join(course, 'media', 'only-shown.jpg'));
  const step = path.join(course, 'steps', '01-basics.yaml');
  const text = await readFile(step, 'utf8');
  await writeFile(
    step,
    text.replace('  Welcome to **the basics**.\n', '  Welcome to **the basics**. See [the notes](files/only-linked.pdf).\n\n  ![A diagram](media/only-shown.jpg)\n'),
  );
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const build = (out: string, env: NodeJS.ProcessEnv) => {
  const run = runCli(['build', course, '--out', path.join(work, out)], { env });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  return readFile(path.join(work, out, zipName));
};

describe('the Markdown kept from the last build', () => {
  it('gives the package a fresh render gives, byte for byte, with the files only a text names', async () => {
    const env = { PARCOURS_CACHE_DIR: path.join(work, 'cache') };
    const fresh = await build('fresh', { PARCOURS_CACHE: 'off' });
    const first = await build('first', env);
    expect((await readdir(env.PARCOURS_CACHE_DIR)).some((f) => f.startsWith('markdown-'))).toBe(true);
    const again = await build('again', env);
    expect(first.equals(fresh)).toBe(true);
    expect(again.equals(fresh)).toBe(true);
    const names = readZip(path.join(work, 'again', zipName)).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['content/files/only-linked.pdf', 'content/media/only-shown.jpg']));
  });

  it('gives validate the same result with a build\'s memo as without, and leaves the memo as the build wrote it', async () => {
    const env = { PARCOURS_CACHE_DIR: path.join(work, 'cache-validate') };
    await build('for-validate', env);
    const memo = (await readdir(env.PARCOURS_CACHE_DIR)).find((f) => f.startsWith('markdown-'))!;
    const kept = await readFile(path.join(env.PARCOURS_CACHE_DIR, memo), 'utf8');
    expect(kept).toContain('["plain\\n'); // the state budget's plain texts, kept by the build (JSON)
    const validate = runCli(['validate', course, '--json'], { env });
    expect(validate.status).toBe(0);
    expect(validate.stdout).toBe(runCli(['validate', course, '--json'], { env: { PARCOURS_CACHE: 'off' } }).stdout);
    expect(await readFile(path.join(env.PARCOURS_CACHE_DIR, memo), 'utf8')).toBe(kept);
  });
});
