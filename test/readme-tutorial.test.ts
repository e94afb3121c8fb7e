/**
 * The README's tutorial is what a new author copies first: its course must validate for
 * every target with no error and no warning, as written, with the files its tree lists
 * (the captions being the README's own WebVTT example).
 */
import { mkdtemp, mkdir, writeFile, copyFile, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkTargets } from '../src/build.js';
import { applyBuildOptions, resolveBuildOptions } from '../src/options.js';
import { resolveTargets } from '../src/package/targets.js';
import { validate } from '../src/validate.js';

const repo = path.resolve(import.meta.dirname, '..');
let dir = '';

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the tutorial course in README.md validates for every target with no error and no warning', async () => {
  const readme = await readFile(path.join(repo, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  const [courseYaml, stepYaml] = blocks;
  const captions = /```vtt\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(captions, 'the README shows a WebVTT example').toMatch(/^WEBVTT\n\n/);

  // The tree lists what the tutorial's course needs, and nothing it lacks.
  const tree = /```\nmy-course\/\n([\s\S]*?)```/.exec(readme)![1]!;
  const listed = [...tree.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!);
  const files: Record<string, () => Promise<void>> = {
    'course.yaml': () => writeFile(path.join(dir, 'course.yaml'), courseYaml!),
    'steps/01-intro.yaml': () => writeFile(path.join(dir, 'steps/01-intro.yaml'), stepYaml!),
    'sheets/intro.md': () => writeFile(path.join(dir, 'sheets/intro.md'), '# Practice sheet\n'),
    'media/intro.mp4': () => copyFile(path.join(repo, 'course/media/enjeux.mp4'), path.join(dir, 'media/intro.mp4')),
    'media/intro.en.vtt': () => writeFile(path.join(dir, 'media/intro.en.vtt'), captions!),
  };
  expect(listed).toEqual(Object.keys(files));

  dir = await mkdtemp(path.join(os.tmpdir(), 'parcours-readme-'));
  for (const sub of ['steps', 'sheets', 'media']) await mkdir(path.join(dir, sub));
  for (const write of Object.values(files)) await write();

  const result = await validate(dir);
  expect(result.diagnostics.map((d) => `${d.loc?.file}:${d.loc?.line} ${d.code} ${d.message}`)).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.course?.steps[0]?.activities.map((a) => a.kind)).toEqual(['video', 'quiz', 'sheet', 'tool']);
  // As `parcours validate` checks it: the rules of every target too.
  const options = resolveBuildOptions({}, result.course);
  const targetProblems = checkTargets(applyBuildOptions(result.course!, options), resolveTargets(['all']), options);
  expect(targetProblems.map((d) => `${d.code} ${d.message}`)).toEqual([]);
});

test('the README runs the published package at the version package.json declares', async () => {
  const readme = await readFile(path.join(repo, 'README.md'), 'utf8');
  const { version } = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')) as { version: string };
  const pinned = [...readme.matchAll(/npx parcours@(\S+)/g)].map((m) => m[1]!);
  expect(pinned.length).toBeGreaterThan(0);
  for (const spec of pinned) expect(version.startsWith(`${spec}.`) || version === spec, `parcours@${spec} vs ${version}`).toBe(true);
});
