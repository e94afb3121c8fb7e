/**
 * What a command does, loaded when it runs: in the bundled CLI, the command's own bundle
 * (lib/<name>.cjs) run with V8's code cache (src/cli/command-bundle.ts); from the sources (tests),
 * the module itself. The bundler folds the test, so the bundled front (lib/cli.cjs: Commander and
 * the commands' flags) holds no copy of any implementation, and `--help` reads a small file.
 */
import type { Command } from 'commander';
import type { CommandImplementation } from './command-bundle.js';
import { reportFailure, type GlobalOptions } from './output.js';

/** Set to true by scripts/bundle-cli.ts in every bundle of lib/; absent when the sources run. */
declare const PARCOURS_BUNDLED: boolean | undefined;

export async function implementation<Exports>(name: CommandImplementation): Promise<Exports> {
  return typeof PARCOURS_BUNDLED !== 'undefined' && PARCOURS_BUNDLED
    ? (await import('./command-bundle.js')).loadCommandBundle<Exports>(name)
    : ((await fromSources[name]()) as Exports);
}

const fromSources: Record<CommandImplementation, () => Promise<unknown>> = {
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
