/**
 * What a command does, loaded when it runs: in the bundled CLI, the command's own bundle
 * (lib/<name>.cjs) run with V8's code cache (src/cli/command-bundle.ts); from the sources (tests),
 * the module itself. The bundler folds the test, so the bundled front (lib/cli.cjs: Commander and
 * the commands' flags) holds no copy of any implementation, and `--help` reads a small file.
 */
import type { Command } from 'commander';
import type { CommandBundleName } from './command-bundle.js';
import { reportFailure, type GlobalOptions } from './output.js';

/** Set to true by scripts/bundle-cli.ts in the bundled front; absent when the sources run. */
declare const PARCOURS_COMMAND_BUNDLES: boolean | undefined;

export async function implementation<Exports>(name: Exclude<CommandBundleName, 'cli'>): Promise<Exports> {
  return typeof PARCOURS_COMMAND_BUNDLES !== 'undefined' && PARCOURS_COMMAND_BUNDLES
    ? (await import('./command-bundle.js')).loadCommandBundle<Exports>(name)
    : ((await fromSources[name]()) as Exports);
}

const fromSources: Record<Exclude<CommandBundleName, 'cli'>, () => Promise<unknown>> = {
  'validate-command': () => import('./validate-command.js'),
  'build-command': () => import('./build-command.js'),
  'preview-command': () => import('./preview-command.js'),
  'verify-command': () => import('./verify-command.js'),
  'init-command': () => import('./init-command.js'),
};

/** Runs a command's action; an unexpected failure is reported (a line, or JSON with --json; the stack with --debug). */
export async function runCommand(command: Command, action: () => Promise<void>): Promise<void> {
  const options = command.optsWithGlobals<GlobalOptions & { json?: boolean }>();
  try {
    await action();
  } catch (error) {
    reportFailure(error, options);
  }
}
