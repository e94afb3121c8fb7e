/** `parcours build` given several courses: each built on its own, in worker threads, one summary. */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, minimalCourse, runCli } from './run-cli.js';

let work: string;
/** A folder of courses: `one`, `two` (copies of the minimal course), `broken` (a course.yaml field misspelt). */
let catalogue: string;

interface ManyJson {
  ok: boolean;
  courses: { dir: string; status: string; ok: boolean; errors: number; diagnostics: { code: string }[]; packages: { target: string; path: string }[] }[];
  packages: { target: string; path: string; bytes: number }[];
}

async function zipsUnder(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return all.filter((f) => /\.zip$|\.tmp$/.test(f)).map((f) => f.split(path.sep).join('/')).sort();
}

beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-many-'));
  catalogue = path.join(work, 'catalogue');
  for (const name of ['one', 'two', 'broken']) await cp(minimalCourse, path.join(catalogue, name), { recursive: true });
  const broken = path.join(catalogue, 'broken', 'course.yaml');
  await writeFile(broken, (await readFile(broken, 'utf8')).replace(/^title:/m, 'titel:'));
  await cp(path.join(catalogue, 'one'), path.join(work, 'elsewhere', 'one'), { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('parcours build <several courses>', () => {
  it('builds several course folders, each into <out>/<folder name>/, and lists every package with --json', async () => {
    const out = path.join(work, 'out-several');
    const run = runCli(['build', path.join(catalogue, 'one'), path.join(catalogue, 'two'), '--target', 'scorm12', 'xapi', '--out', out, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as ManyJson;
    expect(json.ok).toBe(true);
    expect(json.courses.map((c) => [path.basename(c.dir), c.status, c.packages.length])).toEqual([
      ['one', 'ok', 2],
      ['two', 'ok', 2],
    ]);
    expect(json.packages.map((p) => path.relative(out, p.path).split(path.sep)[0] + ':' + p.target)).toEqual(['one:scorm12', 'one:xapi', 'two:scorm12', 'two:xapi']);
    expect(await zipsUnder(out)).toEqual(json.packages.map((p) => path.relative(out, p.path).split(path.sep).join('/')).sort());
  });

  it('builds every course of a folder of courses, the others despite one with errors, and exits with the worst code', async () => {
    const out = path.join(work, 'out-catalogue');
    const run = runCli(['build', catalogue, '--out', out, '--jobs', '2']);
    expect(run.status, run.stderr).toBe(1);
    // The failing course's problem, located, then one table for all.
    expect(run.stdout).toMatch(/broken[/\\]course\.yaml:\d+:\d+\s+UNKNOWN_FIELD/);
    expect(run.stdout).toMatch(/^course\s+result\s+packages\s+size\s+time$/m);
    expect(run.stdout).toMatch(/broken\s+errors, no package\s+0/);
    expect(run.stdout).toMatch(/one\s+built\s+1/);
    expect(run.stdout).toMatch(/3 courses: 2 built \(2 packages\), 1 with errors/);
    // Not a terminal: one plain line per course finished, no progress line.
    expect(run.stdout.match(/^\[\d\/3\] .*$/gm)).toHaveLength(3);
    expect(run.stderr).not.toContain('\r');
    // All or nothing per course: no zip and no temp file for the broken one.
    const zips = await zipsUnder(out);
    expect(zips).toHaveLength(2);
    expect(zips.every((z) => /^(one|two)\/[^/]+-scorm12\.zip$/.test(z))).toBe(true);
  });

  it('gives the failing course and every built package in --json, with exit code 1', async () => {
    const out = path.join(work, 'out-json');
    const run = runCli(['build', catalogue, '--out', out, '--json']);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout) as ManyJson;
    expect(json.ok).toBe(false);
    const broken = json.courses.find((c) => path.basename(c.dir) === 'broken')!;
    expect(broken).toMatchObject({ status: 'errors', ok: false, errors: 1, packages: [] });
    expect(broken.diagnostics.map((d) => d.code)).toContain('UNKNOWN_FIELD');
    expect(json.packages).toHaveLength(2);
  });

  it('refuses two course folders of the same name before building anything', async () => {
    const out = path.join(work, 'out-clash');
    const run = runCli(['build', path.join(catalogue, 'one'), path.join(work, 'elsewhere', 'one'), '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/would both write to the output folder "one"/);
    expect(await zipsUnder(out)).toEqual([]);
  });

  it('keeps the one-course command as it was for a single course folder', () => {
    const out = path.join(work, 'out-single');
    const run = runCli(['build', path.join(catalogue, 'one'), '--out', out, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { packages: { path: string }[]; courses?: unknown };
    expect(json.courses).toBeUndefined();
    expect(path.dirname(json.packages[0]!.path)).toBe(out);
  });
});
