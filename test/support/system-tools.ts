/**
 * The few programs some tests run besides Node: Debian's packages, named in the README and
 * installed by .ci/run. A missing one fails the test that needs it, saying what to install:
 * never a skip, never a silent pass.
 */
import { spawnSync } from 'node:child_process';
import { CHROMIUM_PATH } from './chromium-server.js';

/** Program → the Debian package that provides it. */
export const SYSTEM_TOOLS = {
  chromium: 'chromium',
  unzip: 'unzip',
  ffmpeg: 'ffmpeg',
  mkfifo: 'coreutils',
} as const;

export type SystemTool = keyof typeof SYSTEM_TOOLS;

/** Throws, naming the package to install, when `tool` cannot be run. */
export function requireTool(tool: SystemTool): void {
  const command = tool === 'chromium' ? CHROMIUM_PATH : tool;
  const run = spawnSync(command, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`this test needs \`${tool}\`, which is not installed: apt-get install -y ${SYSTEM_TOOLS[tool]} (.ci/run installs it)`);
  }
}
