import { appendFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, minimalCourse, runCli } from './run-cli.js';

let work: string;
let invalidCourse: string;

beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-validate-'));
  invalidCourse = path.join(work, 'invalid');
  await cp(minimalCourse, invalidCourse, { recursive: true });
  await appendFile(path.join(invalidCourse, 'course.yaml'), '\npassingScore: 150\nauthor: typo\n');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('parcours validate', () => {
  it('exits 0 on a valid course and says so', () => {
    const run = runCli(['validate', minimalCourse]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/course "minimal-course" is valid/);
  });

  it('reads the current folder by default', () => {
    const run = runCli(['validate'], { cwd: minimalCourse });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/course "minimal-course" is valid/);
  });

  it('exits 1 and reports every problem as file:line:column  CODE, with a summary', () => {
    const run = runCli(['validate', invalidCourse]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^course\.yaml:\d+:\d+  OUT_OF_RANGE/m);
    expect(run.stdout).toMatch(/^course\.yaml:\d+:\d+  UNKNOWN_FIELD/m);
    expect(run.stdout).toMatch(/^2 errors/m);
  });

  it('prints parsable JSON with --json', () => {
    const ok = JSON.parse(runCli(['validate', minimalCourse, '--json']).stdout);
    expect(ok).toMatchObject({ ok: true, errors: 0 });
    const run = runCli(['validate', invalidCourse, '--json']);
    expect(run.status).toBe(1);
    const bad = JSON.parse(run.stdout);
    expect(bad).toMatchObject({ ok: false, errors: 2 });
    expect(bad.diagnostics[0]).toEqual(expect.objectContaining({ file: 'course.yaml', line: expect.any(Number), column: expect.any(Number) }));
  });

  it("applies the target's own rules, as build would", async () => {
    const course = path.join(work, 'fractional');
    await cp(minimalCourse, course, { recursive: true });
    await appendFile(path.join(course, 'course.yaml'), '\npassingScore: 72.5\n');
    const run = runCli(['validate', course]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^course\.yaml:\d+:\d+  SCORM12_MASTERY_SCORE/m);
    expect(runCli(['validate', course, '--no-mastery-score']).status).toBe(0);
    expect(runCli(['validate', course, '--target', 'nope']).status).toBe(1);
  });

  it('exits 1 for a folder without course.yaml, and writes nothing', async () => {
    const empty = path.join(work, 'empty');
    await cp(minimalCourse, empty, { recursive: true, filter: (src) => !src.endsWith('course.yaml') });
    const before = await readdir(empty, { recursive: true });
    const run = runCli(['validate', empty]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/COURSE_NOT_FOUND/);
    expect(await readdir(empty, { recursive: true })).toEqual(before);
  });
});
