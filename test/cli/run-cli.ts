/** Runs the real `parcours` command (bin/parcours.js → lib/, built by `npm run build`). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const bin = path.join(repoRoot, 'bin', 'parcours.js');
export const minimalCourse = path.join(repoRoot, 'test', 'fixtures', 'valid', 'minimal');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm test` builds lib/ first (pretest); running vitest alone needs `npm run build` once. */
export function ensureBuilt(): void {
  if (existsSync(path.join(repoRoot, 'lib', 'cli.js'))) return;
  const run = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run build failed:\n${run.stdout}${run.stderr}`);
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
