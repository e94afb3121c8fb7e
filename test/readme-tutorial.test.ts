/**
 * The README's tutorial is what a new author copies first: its course must validate
 * with no error and no warning, as written.
 */
import { mkdtemp, mkdir, writeFile, copyFile, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { validate } from '../src/validate.js';

const repo = path.resolve(import.meta.dirname, '..');
let dir = '';

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the tutorial course in README.md validates with no error and no warning', async () => {
  const readme = await readFile(path.join(repo, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  const [courseYaml, stepYaml] = blocks;

  dir = await mkdtemp(path.join(os.tmpdir(), 'parcours-readme-'));
  for (const sub of ['steps', 'sheets', 'media']) await mkdir(path.join(dir, sub));
  await writeFile(path.join(dir, 'course.yaml'), courseYaml!);
  await writeFile(path.join(dir, 'steps/01-intro.yaml'), stepYaml!);
  await writeFile(path.join(dir, 'sheets/intro.md'), '# Practice sheet\n');
  await copyFile(path.join(repo, 'course/media/enjeux.mp4'), path.join(dir, 'media/intro.mp4'));
  await writeFile(path.join(dir, 'media/intro.en.vtt'), 'WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome\n');

  const result = await validate(dir);
  expect(result.diagnostics.map((d) => `${d.loc?.file}:${d.loc?.line} ${d.code} ${d.message}`)).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.course?.steps[0]?.activities.map((a) => a.kind)).toEqual(['video', 'quiz', 'sheet', 'tool']);
});
