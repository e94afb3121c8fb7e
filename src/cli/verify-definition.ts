/**
 * `parcours verify <zip|folder>...`: its flags and help. What it does (src/cli/verify-command.ts:
 * yauzl, the WebAssembly validator) loads only when it runs.
 */
import type { Command } from 'commander';
import { implementation, runCommand } from './implementation.js';

export interface VerifyCommandOptions {
  json?: boolean;
}

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description("check packages before uploading them to an LMS (any tool's SCORM 1.2/2004, cmi5 or xAPI zips): standard, manifest and schemas, files, launch, identifiers, mastery score, zip problems")
    .argument('<package...>', 'zip files or package folders')
    .option('--json', 'print the reports as JSON')
    .addHelpText('after', '\nExit codes:\n  0  no package has an error (warnings allowed)\n  1  a package has errors: an LMS would refuse it, or it would not work as meant\n  2  unexpected failure (rerun with --debug to see the stack)\n\nEvery finding code is explained in docs/verify.md.')
    .action(async (packages: string[], options: VerifyCommandOptions, command: Command) =>
      runCommand(command, async () => (await implementation<typeof import('./verify-command.js')>('verify-command')).verifyCommand(packages, options)),
    );
}

