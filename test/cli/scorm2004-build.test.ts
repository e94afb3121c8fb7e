/**
 * `parcours build --target scorm2004` through the real command: one SCO, or one per step with
 * `--scorm2004-sco-per-step` (validate takes the flag too), each manifest valid against the
 * SCORM 2004 4th Edition schemas, and the target in `--target all`.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../write/zip-reader.js';
import { SCORM2004_4TH, xmllintEach } from '../package/xmllint.js';
import { ensureBuilt, minimalCourse, repoRoot, runCli } from './run-cli.js';

let work: string;
beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-cli-2004-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const manifestOf = (zip: string) => readZip(zip).find((e) => e.name === 'imsmanifest.xml')!.data().toString('utf8');

describe('parcours build --target scorm2004', () => {
  it('writes one SCO, or one per step with --scorm2004-sco-per-step, both valid against the 4th Edition schemas', async () => {
    const course = path.join(repoRoot, 'test', 'fixtures', 'valid', 'rules'); // two steps
    const single = path.join(work, 'single');
    const perStep = path.join(work, 'per-step');
    expect(runCli(['build', course, '--out', single, '--target', 'scorm2004']).status).toBe(0);
    expect(runCli(['build', course, '--out', perStep, '--target', 'scorm2004', '--scorm2004-sco-per-step']).status).toBe(0);
    const [one, each] = [manifestOf(path.join(single, 'rules-course-1.0.0-scorm2004.zip')), manifestOf(path.join(perStep, 'rules-course-1.0.0-scorm2004.zip'))];
    expect(one).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect([...one.matchAll(/<item /g)]).toHaveLength(1);
    expect([...each.matchAll(/parameters="([^"]+)"/g)].map((m) => m[1])).toEqual(['?step=pool', '?step=practice']);
    expect(each).toContain('<imsss:controlMode choice="true" flow="true"');
    expect((await xmllintEach([one, each], SCORM2004_4TH)).map((r) => r.status)).toEqual([0, 0]);
    // validate takes the same flag, so one command line serves both.
    expect(runCli(['validate', course, '--target', 'scorm2004', '--scorm2004-sco-per-step']).status).toBe(0);
  });

  it('is one of the packages --target all writes', async () => {
    const out = path.join(work, 'all');
    const run = runCli(['build', minimalCourse, '--out', out, '--target', 'all', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).packages.map((p: { target: string }) => p.target)).toEqual(['scorm12', 'scorm2004', 'xapi', 'cmi5']);
    expect(await readdir(out)).toContain('minimal-course-1.0.0-scorm2004.zip');
  });
});
