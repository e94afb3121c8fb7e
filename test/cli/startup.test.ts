import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, minimalCourse, repoRoot, runCli } from './run-cli.js';
import { loadedModules } from './loaded-modules.js';

/** Packages --help and --version must not load: what the commands' work needs. */
const HEAVY = ['archiver', 'esbuild', 'ajv', 'handlebars', 'yaml', 'marked', 'sanitize-html', 'fast-xml-parser', '@sinclair/typebox', 'uglify-js', 'chokidar', 'yauzl', 'xmllint-wasm'];
let work: string;

beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-startup-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/**
 * Small modules every command loads: what `parcours preview`'s definition (its flags and their defaults)
 * imports, and the folder maker of the disk cache that holds the command's code cache (src/cli/launch.ts).
 */
const COMMAND_DEFINITIONS = new Set(['src/preview/defaults.ts', 'src/preview/lms/modes.ts', 'src/write/make-directory.ts']);

/** The loaded modules starting with one of `prefixes`, the command definitions' own left out. */
const startingWith = (loaded: Set<string>, prefixes: string[]) =>
  [...loaded].filter((m) => !COMMAND_DEFINITIONS.has(m) && prefixes.some((p) => m.startsWith(p))).sort();

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
    for (const args of [['--help'], ['--version'], ['build', '--help'], ['validate', '--help']]) {
      const loaded = await loadedModules(args, path.join(work, `${args.join('_')}.trace`));
      expect(loaded.has('commander')).toBe(true); // the trace works
      expect(startingWith(loaded, [...HEAVY, 'src/load/', 'src/render/markdown', 'src/write/', 'src/preview/', 'src/verify/'])).toEqual([]);
      // Commander's, required when first used (scripts/bundle-cli.ts): it brings node:net and more.
      expect(loaded.has('node:child_process')).toBe(false);
    }
  });

  it('validates without loading what only build, preview or verify need', async () => {
    const loaded = await loadedModules(['validate', minimalCourse], path.join(work, 'validate.trace'));
    expect(loaded.has('yaml')).toBe(true); // the trace works
    const buildOnly = ['archiver', 'esbuild', 'uglify-js', 'handlebars', 'src/write/', 'src/render/runtime-bundle', 'src/render/templates'];
    expect(startingWith(loaded, [...buildOnly, 'chokidar', 'yauzl', 'xmllint-wasm', 'node:http', 'src/preview/', 'src/verify/'])).toEqual([]);
  });

  it('builds without loading what only preview or verify need (and does load the zip writer)', async () => {
    const loaded = await loadedModules(['build', minimalCourse, '--out', path.join(work, 'dist')], path.join(work, 'build.trace'));
    expect(startingWith(loaded, ['src/write/zip'])).not.toEqual([]); // the trace works
    expect(startingWith(loaded, ['chokidar', 'yauzl', 'xmllint-wasm', 'node:http', 'src/preview/', 'src/verify/'])).toEqual([]);
  });
});
