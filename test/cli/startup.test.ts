import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, ensureBuilt, minimalCourse, repoRoot, runCli } from './run-cli.js';

const HEAVY = ['archiver', 'esbuild', 'ajv', 'handlebars', 'yaml', 'marked', 'sanitize-html', 'fast-xml-parser', '@sinclair/typebox'];
let work: string;

beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-startup-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Packages under node_modules that `parcours <args>` imported. */
async function importedPackages(args: string[], name: string): Promise<Set<string>> {
  const trace = path.join(work, `${name}.trace`);
  const run = spawnSync(process.execPath, ['--import', path.join(repoRoot, 'test/cli/trace-imports.mjs'), bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PARCOURS_IMPORT_TRACE: trace },
  });
  expect(run.status, run.stderr).toBe(0);
  const urls = (await readFile(trace, 'utf8')).split('\n');
  return new Set(urls.flatMap((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []));
}

describe('parcours startup', () => {
  it('prints help listing the commands and exits 0', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: parcours/);
    expect(run.stdout).toMatch(/^\s+validate \[options\] \[dir\]/m);
    expect(run.stdout).toMatch(/^\s+build \[options\] \[dir\.\.\.\]/m);
    const build = runCli(['build', '--help']);
    expect(build.stdout).toContain('--no-mastery-score');
    expect(build.stdout).toMatch(/Moodle/);
    expect(build.stdout).toMatch(/scorm12\s+SCORM 1\.2/);
  });

  it('prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const run = runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('loads none of the heavy modules for --help and --version', async () => {
    for (const args of [['--help'], ['--version'], ['build', '--help']]) {
      const loaded = await importedPackages(args, args.join('_'));
      expect(loaded.has('commander')).toBe(true); // the trace works
      expect(HEAVY.filter((p) => loaded.has(p))).toEqual([]);
    }
  });

  it('does load them when it builds (so the trace would catch an eager import)', async () => {
    const loaded = await importedPackages(['build', minimalCourse, '--out', path.join(work, 'dist')], 'build');
    expect(loaded.has('archiver')).toBe(true);
  });
});
