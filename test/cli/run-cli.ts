/** Runs the real `parcours` command (bin/parcours.cjs → lib/, rebuilt when stale by test/support/build-lib.ts). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { buildLibIfStale, LIB_CHECKED } from '../support/build-lib.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const bin = path.join(repoRoot, 'bin', 'parcours.cjs');
export const minimalCourse = path.join(repoRoot, 'test', 'fixtures', 'valid', 'minimal');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** lib/ as fresh as src/: vitest's global setup (test/support/build-lib.ts) checked it, or this does. */
export function ensureBuilt(): void {
  if (!inject(LIB_CHECKED)) buildLibIfStale();
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...options.env },
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
