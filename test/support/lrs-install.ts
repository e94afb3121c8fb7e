/**
 * The test LRS (@learninglocker/xapi-statements, with aws-sdk v2, newrelic, redis… about 520
 * packages) is installed in its own folder, test/e2e/lrs/ (package.json + package-lock.json), not
 * with Parcours: an author who only builds courses never downloads it. This vitest global setup
 * runs `npm ci` there (npm registry, no install scripts) when the selected test files start the LRS
 * and it is missing or not the locked version; `.ci/run` does the same before `npm test`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { selectedTestFiles } from './build-lib.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const LRS_DIR = path.join(repoRoot, 'test', 'e2e', 'lrs');
const LRS_PACKAGE = '@learninglocker/xapi-statements';
/** The installed LRS package (its dist/server.js is what lrs.ts starts). */
export const LRS_PACKAGE_DIR = path.join(LRS_DIR, 'node_modules', ...LRS_PACKAGE.split('/'));
/** How a test file shows it starts the LRS (directly or through a support module). */
const USES_LRS = /support\/(lrs|lrs-launch|cmi5-launcher)\.js/;

function lockedVersion(): string | undefined {
  const lock = JSON.parse(fs.readFileSync(path.join(LRS_DIR, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  return lock.packages[`node_modules/${LRS_PACKAGE}`]?.version;
}

/** Whether the locked LRS version is installed in test/e2e/lrs/node_modules. */
export function lrsIsInstalled(): boolean {
  const manifest = path.join(LRS_PACKAGE_DIR, 'package.json');
  if (!fs.existsSync(manifest) || !fs.existsSync(path.join(LRS_PACKAGE_DIR, 'dist', 'server.js'))) return false;
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version === lockedVersion();
}

/** `npm ci` in test/e2e/lrs; throws npm's output when it fails. */
export function installLrs(): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // No install scripts: the LRS runs without them (newrelic's native metrics, aws-sdk's notice).
  const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: LRS_DIR, encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(`installing the test LRS failed (npm ci in ${LRS_DIR}):\n${run.error?.message ?? ''}${run.stdout}${run.stderr}`);
  }
}

/** Vitest global setup: installs the LRS when a selected test file needs it and it is missing. */
export default function setup(project: TestProject): void {
  if (lrsIsInstalled()) return;
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!selectedTestFiles(filters).some((file) => USES_LRS.test(fs.readFileSync(file, 'utf8')))) return;
  process.stdout.write('Installing the test LRS in test/e2e/lrs (npm ci, once)…\n');
  installLrs();
}
