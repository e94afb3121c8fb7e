import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../write/zip-reader.js';
import { xmllint } from '../package/xmllint.js';
import { requireTool } from '../support/system-tools.js';
import { ensureBuilt, minimalCourse, repoRoot, runCli, type CliRun } from './run-cli.js';

let work: string;
const zipName = 'minimal-course-1.0.0-scorm12.zip';
const diagnosticLine = /^\S+:\d+:\d+  [A-Z0-9_]+/m;

beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A copy of the minimal valid course, with `extra` appended to its course.yaml. */
async function courseCopy(name: string, extra = ''): Promise<string> {
  const dir = path.join(work, name);
  await cp(minimalCourse, dir, { recursive: true });
  if (extra) await appendFile(path.join(dir, 'course.yaml'), `\n${extra}\n`);
  return dir;
}

/**
 * The minimal course built once with the default options, for the tests that read that build
 * (its output, its zip, a second build compared byte for byte): one CLI run instead of three.
 */
let defaultBuild: { run: CliRun; zipPath: string } | undefined;
function buildDefault(): { run: CliRun; zipPath: string } {
  if (!defaultBuild) {
    const out = path.join(work, 'out-default');
    defaultBuild = { run: runCli(['build', minimalCourse, '--out', out]), zipPath: path.join(out, zipName) };
  }
  return defaultBuild;
}

function manifestHrefs(xml: string): string[] {
  return [...xml.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => decodeURIComponent(m[1]!));
}

describe('parcours build', () => {
  it('writes <course-id>-<version>-scorm12.zip and prints path, size, file count and state budget', async () => {
    const { run, zipPath } = buildDefault();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const entries = readZip(zipPath);
    expect(run.stdout).toContain(zipName);
    expect(run.stdout).toMatch(/\d+(\.\d)? kB/);
    expect(run.stdout).toContain(`${entries.length} files`);
    expect(run.stdout).toMatch(/learner state ≤ [\d,]+ of 4,096 characters/);
    expect(run.stdout).not.toContain('\u001b['); // not a terminal: no colour codes
  });

  it('packages a manifest that xmllint accepts and that lists every file of the SCO', async () => {
    const { run, zipPath } = buildDefault();
    expect(run.status).toBe(0);
    const entries = readZip(zipPath);
    const names = entries.map((e) => e.name);
    const xml = entries.find((e) => e.name === 'imsmanifest.xml')!.data().toString('utf8');
    expect(await xmllint(xml)).toMatchObject({ status: 0 });
    const packageFiles = names.filter((n) => n !== 'imsmanifest.xml' && !n.endsWith('.xsd'));
    expect(manifestHrefs(xml)).toEqual(packageFiles);
    expect(names).toEqual(expect.arrayContaining(['index.html', 'imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd']));
    expect(xml).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
    // Media are stored, text deflated.
    const method = (suffix: string) => entries.find((e) => e.name.endsWith(suffix))!.method;
    expect([method('.mp4'), method('.jpg'), method('.pdf'), method('.docx')]).toEqual([0, 0, 0, 0]);
    expect([method('index.html'), method('.css'), method('.js'), method('.vtt'), method('imsmanifest.xml')]).toEqual([8, 8, 8, 8, 8]);
  });

  it('builds byte-identical zips from the same course', async () => {
    const first = buildDefault();
    expect(first.run.status).toBe(0);
    const again = path.join(work, 'out-again');
    expect(runCli(['build', minimalCourse, '--out', again]).status).toBe(0);
    expect((await readFile(first.zipPath)).equals(await readFile(path.join(again, zipName)))).toBe(true);
    // Every entry's checksum, as the bundle computes it (zlib, src/write/crc32.ts), is what unzip finds.
    requireTool('unzip');
    const check = spawnSync('unzip', ['-tq', first.zipPath], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it('prints parsable JSON with --json', async () => {
    const out = path.join(work, 'out-json');
    const run = runCli(['build', minimalCourse, '--out', out, '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ ok: true, errors: 0, packages: [{ target: 'scorm12', path: path.join(out, zipName) }] });
    const [pkg] = result.packages;
    expect(pkg.bytes).toBe((await stat(pkg.path)).size);
    expect(pkg.files).toBe(readZip(pkg.path).length);
    expect(pkg.state.limit).toBe(4096);
    expect(pkg.state.worstCase).toBeGreaterThan(0);
  });

  it('leaves the mastery score out with --no-mastery-score', async () => {
    const out = path.join(work, 'out-no-mastery');
    expect(runCli(['build', minimalCourse, '--out', out, '--no-mastery-score']).status).toBe(0);
    const xml = readZip(path.join(out, zipName)).find((e) => e.name === 'imsmanifest.xml')!.data().toString('utf8');
    expect(xml).not.toContain('masteryscore');
  });

  it('refuses a course with errors: exit 1, file:line:column CODE lines, no zip', async () => {
    const course = await courseCopy('invalid', 'passingScore: 150');
    const out = path.join(work, 'out-invalid');
    const run = runCli(['build', course, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(diagnosticLine);
    expect(run.stdout).toMatch(/^\S*course\.yaml:\d+:\d+  OUT_OF_RANGE/m); // the path from the current folder: validate.test.ts
    expect(run.stdout).toContain('No package written.');
    expect(await readdir(out).catch(() => [])).toEqual([]);
    const json = JSON.parse(runCli(['build', course, '--out', out, '--json']).stdout);
    expect(json).toMatchObject({ ok: false, packages: [] });
    expect(json.diagnostics.map((d: { code: string }) => d.code)).toContain('OUT_OF_RANGE');
  });

  it('reports a passing score SCORM 1.2 cannot carry, unless the mastery score is left out', async () => {
    const course = await courseCopy('fractional', 'passingScore: 72.5');
    const out = path.join(work, 'out-fractional');
    const refused = runCli(['build', course, '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/^\S*course\.yaml:\d+:\d+  SCORM12_MASTERY_SCORE/m);
    expect(await readdir(out).catch(() => [])).toEqual([]);
    expect(runCli(['build', course, '--out', out, '--no-mastery-score']).status).toBe(0);
  });

  it('rejects an unknown target with the known ones, and writes nothing', async () => {
    const out = path.join(work, 'out-unknown-target');
    const run = runCli(['build', minimalCourse, '--out', out, '--target', 'scrom12']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Unknown target "scrom12".*Did you mean "scorm12"\?.*Known targets: scorm12.*all/);
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  it('builds every target with --target all', async () => {
    const out = path.join(work, 'out-all');
    const run = runCli(['build', minimalCourse, '--out', out, '--target', 'all', '--json']);
    expect(run.status).toBe(0);
    const built = JSON.parse(run.stdout).packages.map((p: { target: string }) => p.target);
    expect(built).toContain('scorm12');
    expect((await readdir(out)).sort()).toEqual(built.map((t: string) => `minimal-course-1.0.0-${t}.zip`).sort());
  });

  it('writes one cmi5 AU per step with --cmi5-au-per-step, one for the course without it', async () => {
    const course = path.join(repoRoot, 'test', 'fixtures', 'valid', 'rules'); // two steps
    const auUrls = (out: string) => {
      const xml = readZip(path.join(out, 'rules-course-1.0.0-cmi5.zip')).find((e) => e.name === 'cmi5.xml')!.data().toString('utf8');
      return [...xml.matchAll(/<au [^>]*>[\s\S]*?<url>([^<]+)<\/url>/g)].map((m) => m[1]);
    };
    const perStep = path.join(work, 'out-au-per-step');
    expect(runCli(['build', course, '--out', perStep, '--target', 'cmi5', '--cmi5-au-per-step']).status).toBe(0);
    expect(auUrls(perStep)).toEqual(['index.html?step=pool', 'index.html?step=practice']);
    const single = path.join(work, 'out-au-single');
    expect(runCli(['build', course, '--out', single, '--target', 'cmi5']).status).toBe(0);
    expect(auUrls(single)).toEqual(['index.html']);
    // validate takes the same flag, so one command line serves both.
    expect(runCli(['validate', course, '--target', 'cmi5', '--cmi5-au-per-step']).status).toBe(0);
  });

  it('reports a failed file operation in one line, in words, with the stack only under --debug', async () => {
    const blocker = path.join(work, 'a-file');
    await writeFile(blocker, 'not a folder');
    const out = path.join(blocker, 'dist'); // cannot create a folder inside a file
    const run = runCli(['build', minimalCourse, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `parcours: cannot create the folder \`${out}\`: a part of its path is a file, not a folder. Check the path: one of its folders is a file, or choose another output folder with --out.\n`,
    );
    const debug = runCli(['--debug', 'build', minimalCourse, '--out', out]);
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });

  it('never writes in the course folder', async () => {
    const course = await courseCopy('untouched');
    const listing = async () => {
      const files = (await readdir(course, { recursive: true })).sort();
      return Promise.all(files.map(async (f) => [f, (await stat(path.join(course, f))).mtimeMs]));
    };
    const before = await listing();
    expect(runCli(['build', course, '--out', path.join(work, 'out-untouched')]).status).toBe(0);
    expect(await listing()).toEqual(before);
  });
});
