/**
 * `parcours build --lms`, `--report-status-as` and the mastery score, through the real CLI:
 * what ends up in imsmanifest.xml and in the course data the package runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../write/zip-reader.js';
import { ensureBuilt, repoRoot, runCli } from './run-cli.js';

const rules = path.join(repoRoot, 'test', 'fixtures', 'valid', 'rules');
const zipName = 'rules-course-1.0.0-scorm12.zip';
let work: string;

beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-presets-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/**
 * Builds with `flags`, which must succeed (a failed build has no manifest, and "the manifest
 * lacks X" would then pass for nothing); returns the run, the manifest and the embedded course data.
 */
function build(name: string, flags: string[]) {
  const out = path.join(work, name);
  const run = runCli(['build', rules, '--out', out, ...flags]);
  expect(run.status, `parcours build ${flags.join(' ')} failed:\n${run.stdout}${run.stderr}`).toBe(0);
  const files = readZip(path.join(out, zipName));
  const text = (p: string) => files.find((f) => f.name === p)!.data().toString('utf8');
  const json = /<script type="application\/json" id="parcours-data">([\s\S]*?)<\/script>/.exec(text('index.html'))![1]!;
  return { run, manifest: text('imsmanifest.xml'), data: JSON.parse(json) as Record<string, unknown> };
}

describe('LMS presets and status reporting', () => {
  it('generic (default): passed/failed, mastery score in the manifest', () => {
    const { run, manifest, data } = build('generic', []);
    expect(run.status).toBe(0);
    expect(manifest).toContain('<adlcp:masteryscore>60</adlcp:masteryscore>');
    expect(data.reportStatusAs).toBe('passed/failed');
  });

  it('--report-status-as completed/incomplete with the generic preset keeps the mastery score and warns that the LMS may override', () => {
    const { run, manifest, data } = build('generic-completed', ['--report-status-as', 'completed/incomplete']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('SCORM12_MASTERY_OVERRIDES_STATUS');
    expect(manifest).toContain('adlcp:masteryscore');
    expect(data.reportStatusAs).toBe('completed/incomplete');
  });

  it('--lms moodle with completed/incomplete leaves the mastery score out, without a warning', () => {
    const { run, manifest, data } = build('moodle-completed', ['--lms', 'moodle', '--report-status-as', 'completed/incomplete']);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('SCORM12_MASTERY_OVERRIDES_STATUS');
    expect(manifest).not.toContain('masteryscore');
    expect(data.reportStatusAs).toBe('completed/incomplete');
  });

  it('--lms moodle with passed/failed writes the mastery score; --no-mastery-score still wins', () => {
    expect(build('moodle', ['--lms', 'moodle']).manifest).toContain('<adlcp:masteryscore>60</adlcp:masteryscore>');
    expect(build('moodle-no-mastery', ['--lms', 'moodle', '--no-mastery-score']).manifest).not.toContain('masteryscore');
  });

  it('--running-score leaves the mastery score out; with --mastery-score it is a usage mistake', () => {
    expect(build('running', ['--running-score']).manifest).not.toContain('masteryscore');
    const both = runCli(['build', rules, '--out', path.join(work, 'y'), '--running-score', '--mastery-score']);
    expect(both.status).toBe(1);
    expect(both.stderr).toMatch(/--running-score.*cannot be used with.*--mastery-score/);
  });

  it('--answers readable, or the Moodle preset, puts readable answers in the course data; --answers strict wins over the preset', () => {
    expect(build('answers', ['--answers', 'readable']).data.answers).toBe('readable');
    expect(build('moodle-answers', ['--lms', 'moodle']).data.answers).toBe('readable');
    expect(build('moodle-strict', ['--lms', 'moodle', '--answers', 'strict']).data.answers).toBeUndefined();
    expect(runCli(['validate', rules, '--answers', 'words']).status).toBe(1);
  });

  it('refuses an unknown preset or status pair as a usage mistake', () => {
    const lms = runCli(['build', rules, '--out', path.join(work, 'x'), '--lms', 'blackboard']);
    expect(lms.status).toBe(1);
    expect(lms.stderr).toMatch(/generic, moodle/);
    const pair = runCli(['validate', rules, '--report-status-as', 'passed/completed']);
    expect(pair.status).toBe(1);
    expect(pair.stderr).toMatch(/passed\/failed/);
  });

  it('validate checks with the same options', () => {
    const run = runCli(['validate', rules, '--report-status-as', 'passed/incomplete']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('SCORM12_MASTERY_OVERRIDES_STATUS');
    expect(runCli(['validate', rules, '--lms', 'moodle', '--report-status-as', 'passed/incomplete']).stdout).not.toContain('SCORM12_MASTERY');
  });
});
