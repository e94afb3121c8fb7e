/**
 * The CLI tests run the real command, bin/parcours.cjs → lib/cli.cjs (src/ bundled by esbuild,
 * scripts/bundle-cli.ts), so that they see what a user installs and measure its real start-up.
 * A lib/ older than src/ would test yesterday's code: this rebuilds it as `npm run build` does
 * (`tsc -p tsconfig.build.json`, a type check of src/, ~13 s; then the bundle, ~1 s) when a source,
 * the bundler script or the installed packages (package-lock.json: dependencies are inlined) are
 * newer, once per run, as vitest's global setup (vitest.config.ts), or from `ensureBuilt()`
 * (test/cli/run-cli.ts) when that setup did not run. A run limited to files that never start the
 * CLI (`npx vitest run test/shared`) skips the build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** What lib/ is made from (the browser runtime is not: esbuild bundles it from source when a course builds). */
const SOURCES = [path.join(repoRoot, 'src')];
const SKIPPED = path.join(repoRoot, 'src', 'runtime');
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'scripts/bundle-cli.ts', 'package-lock.json'].map((f) => path.join(repoRoot, f));
/** The bundle rewrites every file each time; its entry stands for the whole build. */
const BUILT = path.join(repoRoot, 'lib', 'cli.cjs');
/** How a test file shows it starts the compiled CLI. */
const USES_LIB = /run-cli\.js|bin\/parcours|lib\/cli/;

function newestSource(): number {
  let newest = Math.max(...CONFIGS.map((f) => fs.statSync(f).mtimeMs));
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (full !== SKIPPED) walk(full);
      } else if (entry.name.endsWith('.ts')) {
        newest = Math.max(newest, fs.statSync(full).mtimeMs);
      }
    }
  };
  SOURCES.forEach(walk);
  return newest;
}

/** Whether lib/ is missing or older than a source it is compiled from. */
export function libIsStale(): boolean {
  const built = fs.statSync(BUILT, { throwIfNoEntry: false });
  return !built || newestSource() > built.mtimeMs;
}

/** Type-checks src/ and bundles it into lib/ when lib/ is stale; throws tsc's output when it fails. */
export function buildLibIfStale(): void {
  if (!libIsStale()) return;
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`lib/ is older than src/ and src/ does not type-check (tsc -p tsconfig.build.json):\n${run.stdout}${run.stderr}`);
  const bundle = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bundle-cli.ts'], { cwd: repoRoot, encoding: 'utf8' });
  if (bundle.status !== 0) throw new Error(`Bundling src/ into lib/ failed (scripts/bundle-cli.ts):\n${bundle.stdout}${bundle.stderr}`);
}

/** The test files vitest was asked to run (substring filters on the path, as vitest matches them), or all. */
export function selectedTestFiles(filters: readonly string[] | undefined): string[] {
  const absolute: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      // test/e2e/lrs/node_modules holds the test LRS's own install (lrs-install.ts), ~16,000 files and no test: not entered.
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(path.join(dir, entry.name));
      else if (entry.isFile() && entry.name.endsWith('.test.ts')) absolute.push(path.join(dir, entry.name));
    }
  };
  walk(path.join(repoRoot, 'test'));
  if (!filters || filters.length === 0) return absolute;
  return absolute.filter((file) => filters.some((filter) => file.includes(filter) || file.includes(path.resolve(filter))));
}

/**
 * Vitest global setup. `filenamePattern` (the command line's file filters) is vitest's own,
 * not a documented API: when it is absent, every file counts as selected, and lib/ is checked.
 */
export default function setup(project: TestProject): void {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const selected = selectedTestFiles(filters);
  if (selected.some((file) => USES_LIB.test(fs.readFileSync(file, 'utf8')))) buildLibIfStale();
  // Test files then trust lib/: a source saved during the run is not rebuilt under a running test.
  project.provide(LIB_CHECKED, true);
}

export const LIB_CHECKED = 'parcoursLibChecked';

declare module 'vitest' {
  export interface ProvidedContext {
    [LIB_CHECKED]: boolean;
  }
}
