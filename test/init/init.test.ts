/**
 * `parcours init`: the course it writes validates and builds with no warning, in either
 * language, through the real CLI; a folder with files in it is refused without --force and,
 * with it, nothing already there is changed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initCourse, schemasReachable } from '../../src/init/index.js';
import { validate } from '../../src/validate.js';
import { ensureBuilt, repoRoot, runCli } from '../cli/run-cli.js';

let work: string;

beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-init-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The `$schema` path of a YAML file, resolved from the file's folder. */
function schemaOf(file: string): string {
  const line = readFileSync(file, 'utf8').split('\n')[0]!;
  const ref = /^# yaml-language-server: \$schema=(\S+)$/.exec(line)?.[1];
  expect(ref, `${file} starts with a $schema line`).toBeDefined();
  return path.resolve(path.dirname(file), ref!);
}

describe('parcours init', () => {
  it('writes an English course that validates and builds for every target with no warning', async () => {
    const dir = path.join(work, 'first-course');
    const init = runCli(['init', dir]);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('Created course "first-course"');
    expect(init.stdout).toMatch(/Next steps:[\s\S]*npx parcours preview[\s\S]*npx parcours verify dist\/\*\.zip/);

    const validated = runCli(['validate', dir, '--target', 'all', '--json']);
    expect(validated.status, validated.stdout).toBe(0);
    expect(JSON.parse(validated.stdout)).toMatchObject({ ok: true, errors: 0, warnings: 0 });

    const course = (await validate(dir)).course!;
    expect(course.language).toBe('en');
    expect(course.title).toBe('My first course');
    expect(course.iri).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    const activities = course.steps.flatMap((s) => s.activities);
    expect(activities.map((a) => a.kind)).toEqual(['video', 'quiz', 'sheet', 'tool']);
    const video = activities[0]!;
    expect(video.kind === 'video' && video.captions.map((c) => c.language)).toEqual(['en']);

    const built = runCli(['build', dir, '--target', 'all', '--out', path.join(dir, 'dist'), '--json']);
    expect(built.status, built.stdout + built.stderr).toBe(0);
    expect(JSON.parse(built.stdout).diagnostics).toEqual([]);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m);
  });

  it('writes a French course with the title given, quoted where YAML needs it', async () => {
    const dir = path.join(work, 'cours');
    const title = 'Coopérer : les bases #1';
    const init = runCli(['init', dir, '--lang', 'fr', '--title', title]);
    expect(init.status, init.stderr).toBe(0);
    const result = await validate(dir);
    expect(result.diagnostics).toEqual([]);
    expect(result.course).toMatchObject({ id: 'cours', title, language: 'fr' });
    const video = result.course!.steps[0]!.activities[0]!;
    expect(video.kind === 'video' && video.captions.map((c) => c.language)).toEqual(['fr']);
  });

  it('gives editors $schema lines that reach the published schemas from the new folder', async () => {
    const dir = path.join(work, 'schemas');
    const result = await initCourse({ dir, language: 'en' });
    // A temporary folder is outside this package's project: the schemas are copied in.
    expect(result.schemas).toBe('copied');
    const courseSchema = schemaOf(path.join(dir, 'course.yaml'));
    const stepSchema = schemaOf(path.join(dir, 'steps', '01-intro.yaml'));
    expect(courseSchema).toBe(path.join(dir, 'schema', 'course.schema.json'));
    expect(await readFile(courseSchema, 'utf8')).toBe(await readFile(path.join(repoRoot, 'schema', 'course.schema.json'), 'utf8'));
    expect(await readFile(stepSchema, 'utf8')).toBe(await readFile(path.join(repoRoot, 'schema', 'step.schema.json'), 'utf8'));
  });

  it('points at the installed schemas when the course is inside the project that installed Parcours', () => {
    const project = path.join(path.sep, 'home', 'me', 'project');
    const installed = path.join(project, 'node_modules', 'parcours', 'schema');
    expect(schemasReachable(path.join(project, 'courses', 'intro'), installed)).toBe(true);
    expect(schemasReachable(path.join(path.sep, 'home', 'me', 'elsewhere'), installed)).toBe(false);
    expect(schemasReachable(path.join(project, 'node_modules', 'x'), installed)).toBe(false);
    // npx runs Parcours from its cache: never a path into it.
    const npx = path.join(path.sep, 'home', 'me', '.npm', '_npx', 'abc', 'node_modules', 'parcours', 'schema');
    expect(schemasReachable(path.join(project, 'intro'), npx)).toBe(false);
    // In the Parcours repository (the sample course's case).
    expect(schemasReachable(path.join(repoRoot, 'my-course'), path.join(repoRoot, 'schema'))).toBe(true);
  });

  it('ships a short video (a few seconds, tens of KB) whose captions end with it', async () => {
    const dir = path.join(work, 'video');
    await initCourse({ dir, language: 'en' });
    const size = (await stat(path.join(dir, 'media', 'intro.mp4'))).size;
    expect(size).toBeLessThan(50_000);
    const cues = (await readFile(path.join(dir, 'media', 'intro.en.vtt'), 'utf8')).match(/--> (\S+)/g);
    expect(cues?.at(-1)).toBe('--> 00:06.000');
  });

  it('refuses a folder that is not empty, and writes nothing there', async () => {
    const dir = path.join(work, 'busy');
    await mkdir(dir);
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    const run = runCli(['init', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is not empty \(notes\.txt\).*--force/);
    expect(existsSync(path.join(dir, 'course.yaml'))).toBe(false);
  });

  it('names what a busy folder holds escaped, never as terminal commands', async () => {
    const dir = path.join(work, 'busy\u001b]0;owned\u0007');
    await mkdir(dir);
    await writeFile(path.join(dir, 'notes\u001b[31m.txt'), 'mine');
    const run = runCli(['init', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(run.stderr).toContain('busy\\x1b]0;owned\\x07');
    expect(run.stderr).toContain('(notes\\x1b[31m.txt)');
  });

  it('with --force adds what is missing and changes nothing already there, nor follows links', async () => {
    const dir = path.join(work, 'forced');
    const outside = path.join(work, 'outside');
    await mkdir(path.join(dir, 'sheets'), { recursive: true });
    await mkdir(outside);
    await writeFile(path.join(dir, 'course.yaml'), 'id: mine\n');
    await writeFile(path.join(dir, 'sheets', 'intro.md'), '# My sheet\n');
    await symlink(outside, path.join(dir, 'media'));
    await symlink(path.join(outside, 'ignore'), path.join(dir, '.gitignore'));

    const run = runCli(['init', dir, '--force']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Already there, left as they were:\n {2}course\.yaml\n {2}\.gitignore\n {2}media\/intro\.en\.vtt\n {2}media\/intro\.mp4\n {2}sheets\/intro\.md/);
    expect(await readFile(path.join(dir, 'course.yaml'), 'utf8')).toBe('id: mine\n');
    expect(await readFile(path.join(dir, 'sheets', 'intro.md'), 'utf8')).toBe('# My sheet\n');
    expect(await readlink(path.join(dir, '.gitignore'))).toBe(path.join(outside, 'ignore'));
    expect(existsSync(path.join(outside, 'ignore'))).toBe(false);
    expect(existsSync(path.join(outside, 'intro.mp4'))).toBe(false);
    expect((await lstat(path.join(dir, 'steps', '01-intro.yaml'))).isFile()).toBe(true);
    expect(parse(await readFile(path.join(dir, 'steps', '01-intro.yaml'), 'utf8')).id).toBe('intro');
  });

  it("writes every file the README's tutorial lists, the tutorial starting from it", async () => {
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain('parcours init my-course');
    const tree = /```\nmy-course\/\n([\s\S]*?)```/.exec(readme)![1]!;
    const listed = [...tree.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!);
    const { written } = await initCourse({ dir: path.join(work, 'readme'), language: 'en' });
    expect(listed.filter((f) => !written.includes(f))).toEqual([]);
  });

  it('refuses an empty or multi-line title', () => {
    expect(runCli(['init', path.join(work, 'untitled'), '--title', ' ']).status).toBe(1);
    expect(existsSync(path.join(work, 'untitled'))).toBe(false);
  });
});
