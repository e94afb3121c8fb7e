/**
 * `parcours verify` through the real CLI: on the packages Parcours builds (a new course from
 * `parcours init`, and the sample course), on packages made by other tools (hand-made after
 * their published layouts, test/fixtures/verify), and on a broken one (exit 1, the problem in
 * words). `--help` of init and verify loads none of the heavy modules.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyJson } from '../../src/verify/report.js';
import { loadedModules } from '../cli/loaded-modules.js';
import { bin, ensureBuilt, repoRoot, runCli } from '../cli/run-cli.js';
import { SLOW_TEST_TIMEOUT_MS } from '../support/timeouts.js';
import { patchEntry, zipOf, type Files } from './zips.js';

let work: string;

beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-verify-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function verifyJson(args: string[]): { status: number | null; json: VerifyJson; stderr: string } {
  const run = runCli(['verify', ...args, '--json']);
  return { status: run.status, json: JSON.parse(run.stdout) as VerifyJson, stderr: run.stderr };
}

const problems = (pkg: VerifyJson['packages'][number]) => pkg.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}: ${f.message}`);
const codes = (pkg: VerifyJson['packages'][number]) => pkg.findings.map((f) => f.code);

async function zipFolder(dir: string, zipPath: string): Promise<string> {
  const files: Files = {};
  for (const name of await readdir(dir, { recursive: true, withFileTypes: false })) {
    const full = path.join(dir, name);
    try {
      files[name.split(path.sep).join('/')] = await readFile(full);
    } catch {
      // a folder
    }
  }
  await writeFile(zipPath, zipOf(files));
  return zipPath;
}

describe('parcours verify', () => {
  it('init → validate → build --target all → verify dist/*.zip passes', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    const dir = path.join(work, 'x');
    expect(runCli(['init', dir]).status).toBe(0);
    expect(runCli(['validate', dir]).status).toBe(0);
    const built = runCli(['build', dir, '--target', 'all', '--out', path.join(dir, 'dist')]);
    expect(built.status, built.stderr).toBe(0);
    const zips = (await readdir(path.join(dir, 'dist'))).filter((f) => f.endsWith('.zip')).sort().map((f) => path.join(dir, 'dist', f));
    expect(zips).toHaveLength(4);

    const text = runCli(['verify', ...zips]);
    expect(text.status, text.stdout + text.stderr).toBe(0);
    expect(text.stdout).toMatch(/4 packages: none has errors, 4 are ready to upload/);

    const { json } = verifyJson(zips);
    expect(json.ok).toBe(true);
    expect(json.packages.map((p) => p.standards)).toEqual([['cmi5'], ['SCORM 1.2'], ['SCORM 2004 4th Edition'], ['xAPI (TinCan launch)']]);
    for (const pkg of json.packages) {
      expect(problems(pkg), pkg.path).toEqual([]);
      expect(pkg.madeBy).toMatch(/^Parcours \d+\.\d+\.\d+/);
      expect(pkg.launch).toEqual(['index.html']);
      expect(codes(pkg)).toContain('STATE_BUDGET');
    }
    const scorm = json.packages[1]!;
    expect(scorm.schemas).toEqual([{ label: expect.stringContaining('SCORM 1.2'), valid: true }]);
    expect(scorm.findings.find((f) => f.code === 'STATE_BUDGET')?.message).toMatch(/of the 4,096 characters SCORM 1\.2 keeps/);
    expect(scorm.findings.find((f) => f.code === 'MASTERY_SCORE')?.message).toMatch(/mastery score 80/);
    expect(json.packages[0]!.schemas).toEqual([{ label: expect.stringContaining('cmi5'), valid: true }]);
    const scorm2004 = json.packages[2]!;
    expect(scorm2004.schemas).toEqual([{ label: expect.stringContaining('SCORM 2004 4th Edition'), valid: true }]);
    expect(scorm2004.findings.find((f) => f.code === 'STATE_BUDGET')?.message).toMatch(/of the 64,000 characters/);
  });

  it("passes the sample course's packages for every target", { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    const out = path.join(work, 'sample');
    expect(runCli(['build', path.join(repoRoot, 'course'), '--target', 'all', '--out', out]).status).toBe(0);
    const zips = (await readdir(out)).map((f) => path.join(out, f));
    const { status, json } = verifyJson(zips);
    expect(status).toBe(0);
    for (const pkg of json.packages) expect(problems(pkg), pkg.path).toEqual([]);
  });

  it('passes an Adapt SCORM 1.2 build, its IMS metadata checked by element names', async () => {
    const zip = await zipFolder(path.join(repoRoot, 'test/fixtures/verify/adapt-scorm12'), path.join(work, 'adapt.zip'));
    const { status, json } = verifyJson([zip]);
    const pkg = json.packages[0]!;
    expect(status, JSON.stringify(pkg.findings, null, 2)).toBe(0);
    expect(problems(pkg)).toEqual([]);
    expect(pkg).toMatchObject({ standards: ['SCORM 1.2'], madeBy: 'Adapt', launch: ['index.html'] });
    expect(pkg.schemas).toEqual([{ label: expect.stringContaining('SCORM 1.2'), valid: true }]);
    expect(codes(pkg)).toEqual(expect.arrayContaining(['MANIFEST_SCHEMA_PARTIAL', 'FILES_UNLISTED', 'MASTERY_SCORE']));
    expect(pkg.findings.find((f) => f.code === 'MASTERY_SCORE')?.message).toMatch(/No mastery score/);
  });

  it('passes an Articulate Rise 360 SCORM 1.2 export, launched through its SCORM Driver', async () => {
    const zip = await zipFolder(path.join(repoRoot, 'test/fixtures/verify/rise-scorm12'), path.join(work, 'rise.zip'));
    const { status, json } = verifyJson([zip]);
    const pkg = json.packages[0]!;
    expect(status).toBe(0);
    expect(problems(pkg)).toEqual([]);
    expect(pkg).toMatchObject({ standards: ['SCORM 1.2'], madeBy: 'Articulate Rise 360', launch: ['scormdriver/indexAPI.html'] });
    expect(pkg.findings.find((f) => f.code === 'MASTERY_SCORE')?.message).toMatch(/mastery score 80/);
    expect(pkg.findings.find((f) => f.code === 'FILES_UNLISTED')?.message).toMatch(/^2 file\(s\)/);
  });

  it('exits 1 on a broken package and says what is wrong, with a hint', async () => {
    const broken = path.join(work, 'broken.zip');
    await writeFile(broken, zipOf({ 'course/imsmanifest.xml': '<manifest/>', 'course/index.html': '' }));
    const run = runCli(['verify', broken]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/error MANIFEST_NOT_AT_ROOT {2}`course\/imsmanifest\.xml` is not at the root of the zip/);
    expect(run.stdout).toMatch(/hint: Zip the files inside `course\/`/);
    expect(run.stdout).toMatch(/→ 1 error: fix it before uploading/);
  });

  it('writes names from the zip and its own path escaped, never as terminal commands', async () => {
    const folder = path.join(work, 'red\u001b[31m');
    await mkdir(folder);
    const zip = path.join(folder, 'evil.zip');
    const evil = 'course/notes\u001b[31m\u001b]0;owned\u0007.exe';
    // Flagged UTF-8, as unzip tools then read the name: without the flag its bytes read as CP437 (`←[31m`).
    await writeFile(zip, patchEntry(zipOf({ 'course/imsmanifest.xml': '<manifest/>', [evil]: 'MZ' }), evil, { setFlags: 0x800 }));
    const run = runCli(['verify', zip]);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(run.stdout).toContain('red\\x1b[31m');
    expect(run.stdout).toContain('notes\\x1b[31m\\x1b]0;owned\\x07.exe');
  });

  it('loads none of the heavy modules for init --help and verify --help', async () => {
    const heavy = ['archiver', 'esbuild', 'ajv', 'handlebars', 'yaml', 'marked', 'sanitize-html', 'fast-xml-parser', 'yauzl', 'xmllint-wasm', '@sinclair/typebox'];
    for (const command of ['init', 'verify']) {
      const loaded = await loadedModules([command, '--help'], path.join(work, `${command}.trace`));
      expect(loaded.has('commander')).toBe(true);
      expect(heavy.filter((p) => loaded.has(p))).toEqual([]);
    }
  });
});
