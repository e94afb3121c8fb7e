/** `parcours validate [dir]`: load and check a course; write nothing. */
import path from 'node:path';
import { diagnosticsToJson, formatDiagnostics } from '../diagnostics/format.js';
import { validate } from '../validate.js';
import { courseFileReader } from '../load/index.js';
import { displayPath, EXIT_COURSE_ERRORS, printJson, useColor } from './output.js';

export interface ValidateCommandOptions {
  json?: boolean;
}

export async function validateCommand(dir: string, options: ValidateCommandOptions): Promise<void> {
  const result = await validate(dir);
  if (!result.ok) process.exitCode = EXIT_COURSE_ERRORS;
  if (options.json) {
    printJson(diagnosticsToJson(result.diagnostics));
    return;
  }
  if (result.diagnostics.length > 0) {
    process.stdout.write(formatDiagnostics(result.diagnostics, { color: useColor(), readFile: courseFileReader(path.resolve(dir)) }));
  }
  if (result.ok && result.course) {
    const steps = result.course.steps.length;
    process.stdout.write(`${displayPath(dir)}: course "${result.course.id}" is valid (${steps} step${steps === 1 ? '' : 's'})\n`);
  }
}
