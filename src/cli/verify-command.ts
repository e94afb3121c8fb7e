/**
 * `parcours verify <zip|folder>...`: what an LMS will make of each package, before uploading.
 * Exit 1 when any package has an error. Its flags: src/cli/verify-definition.ts.
 */
import { EXIT_COURSE_ERRORS, printJson, useColor } from './output.js';
import type { VerifyCommandOptions } from './verify-definition.js';

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
