import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('parcours validate', () => {
  it('exits 0 on a valid course and says so', () => {
    const run = runCli(['validate', minimalCourse]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/course "minimal-course" \(1 step\) is valid for every target/);
  });

  it('reads the current folder by default', () => {
    const run = runCli(['validate'], { cwd: minimalCourse });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/course "minimal-course" \(1 step\) is valid for every target/);
  });

  it('exits 1 and reports every problem as file:line:column  CODE, with a summary', () => {
    const run = runCli(['validate', 'invalid'], { cwd: work });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^invalid\/course\.yaml:\d+:\d+  OUT_OF_RANGE/m);
    expect(run.stdout).toMatch(/^invalid\/course\.yaml:\d+:\d+  UNKNOWN_FIELD/m);
    expect(run.stdout).toMatch(/^2 errors/m);
  });

  it('prints file:line:column from the current folder, so a terminal or an editor opens it', () => {
    const place = /^(\S+):(\d+):(\d+)  OUT_OF_RANGE/m;
    // From the course's parent, from inside the course, from a folder the course is not in.
    expect(place.exec(runCli(['validate', 'invalid'], { cwd: work }).stdout)?.[1]).toBe(path.join('invalid', 'course.yaml'));
    expect(place.exec(runCli(['validate'], { cwd: invalidCourse }).stdout)?.[1]).toBe('course.yaml');
    expect(place.exec(runCli(['validate', invalidCourse], { cwd: minimalCourse }).stdout)?.[1]).toBe(path.join(invalidCourse, 'course.yaml'));
  });

  it('prints parsable JSON with --json: file relative to the course folder, path absolute', () => {
    const ok = JSON.parse(runCli(['validate', minimalCourse, '--json']).stdout);
    expect(ok).toMatchObject({ ok: true, errors: 0, courseDir: minimalCourse, targets: ['scorm12', 'scorm2004', 'xapi', 'cmi5'], targetsChecked: true });
    const run = runCli(['validate', 'invalid', '--json'], { cwd: work });
    expect(run.status).toBe(1);
    const bad = JSON.parse(run.stdout);
    expect(bad).toMatchObject({ ok: false, errors: 2, courseDir: invalidCourse, targetsChecked: false });
    expect(bad.diagnostics[0]).toEqual(
      expect.objectContaining({ file: 'course.yaml', path: path.join(invalidCourse, 'course.yaml'), line: expect.any(Number), column: expect.any(Number) }),
    );
  });

  it("applies the target's own rules, as build would", async () => {
    const course = path.join(work, 'fractional');
    await cp(minimalCourse, course, { recursive: true });
    await appendFile(path.join(course, 'course.yaml'), '\npassingScore: 72.5\n');
    const run = runCli(['validate', course]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^${escape(path.join(course, 'course.yaml'))}:\\d+:\\d+  SCORM12_MASTERY_SCORE`, 'm'));
    expect(run.stdout).toMatch(/: not valid; checked for every target: scorm12, scorm2004, xapi, cmi5$/m);
    expect(runCli(['validate', course, '--no-mastery-score']).status).toBe(0);
    expect(runCli(['validate', course, '--target', 'nope']).status).toBe(1);
  });

  it('checks every target by default, as build --target all would, and says which; --target narrows it', async () => {
    // The minimal course has no `iri`: only the xAPI and cmi5 targets warn about it.
    const every = runCli(['validate', minimalCourse]);
    expect(every.status).toBe(0);
    expect(every.stdout).toMatch(/^\S+course\.yaml:\d+:\d+  COURSE_IRI_MISSING \(warning\)/m);
    expect(every.stdout).toMatch(/course "minimal-course" \(1 step\) is valid for every target: scorm12, scorm2004, xapi, cmi5$/m);
    const built = JSON.parse(runCli(['build', minimalCourse, '--target', 'all', '--out', path.join(work, 'dist-all'), '--json']).stdout);
    const validated = JSON.parse(runCli(['validate', minimalCourse, '--json']).stdout);
    expect(validated.diagnostics).toEqual(built.diagnostics);

    const scorm = runCli(['validate', minimalCourse, '--target', 'scorm12']);
    expect(scorm.stdout).not.toContain('COURSE_IRI_MISSING');
    expect(scorm.stdout).toMatch(/\(1 step\) is valid for scorm12$/m);
  });

  it('says a warning comes from a command-line flag, with no line of the course', async () => {
    const run = runCli(['validate', minimalCourse, '--target', 'scorm12', '--report-status-as', 'completed/incomplete']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^SCORM12_MASTERY_OVERRIDES_STATUS \(warning\)  The course reports completed\/incomplete \(from `--report-status-as`\)/m);
    expect(run.stdout).not.toMatch(/course\.yaml:\d+:\d+  SCORM12_MASTERY_OVERRIDES_STATUS/);
    expect(run.stdout).not.toMatch(/\| id: minimal-course/);

    // Written in course.yaml, it points at that line.
    const course = path.join(work, 'status-in-yaml');
    await cp(minimalCourse, course, { recursive: true });
    const yaml = await readFile(path.join(course, 'course.yaml'), 'utf8');
    await writeFile(path.join(course, 'course.yaml'), `${yaml}reportStatusAs: completed/incomplete\n`);
    const line = yaml.split('\n').length;
    const fromYaml = runCli(['validate', '.', '--target', 'scorm12'], { cwd: course });
    expect(fromYaml.stdout).toMatch(new RegExp(`^course\\.yaml:${line}:17  SCORM12_MASTERY_OVERRIDES_STATUS \\(warning\\)  The course reports completed/incomplete, but`, 'm'));
    expect(fromYaml.stdout).toContain(`${line} | reportStatusAs: completed/incomplete`);
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
