/**
 * `parcours verify <zip|folder>...`: what an LMS will make of each package, before uploading.
 * Exit 1 when any package has an error. The checks (src/verify: yauzl, the WebAssembly
 * validator) load only when the command runs.
 */
import type { Command } from 'commander';
import { EXIT_COURSE_ERRORS, printJson, reportFailure, useColor, type GlobalOptions } from './output.js';

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
    .action(async (packages: string[], options: VerifyCommandOptions, command: Command) => {
      try {
        await verifyCommand(packages, options);
      } catch (error) {
        reportFailure(error, command.optsWithGlobals<GlobalOptions & { json?: boolean }>());
      }
    });
}

export async function verifyCommand(packages: readonly string[], options: VerifyCommandOptions): Promise<void> {
  const [{ verifyPackage }, { formatReports, reportsToJson }] = await Promise.all([import('../verify/index.js'), import('../verify/report.js')]);
  const reports = [];
  // One at a time: each may extract a large zip, and the machine is shared.
  for (const input of packages) reports.push(await verifyPackage(input));
  const json = reportsToJson(reports);
  if (!json.ok) process.exitCode = EXIT_COURSE_ERRORS;
  if (options.json) printJson(json);
  else process.stdout.write(formatReports(reports, { color: useColor() }));
}
