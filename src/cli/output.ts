/**
 * What the CLI commands share: where output goes, colour, code frames, and how an
 * unexpected failure is reported. Only the CLI writes to the terminal or sets the exit code.
 */
import path from 'node:path';

/** Exit codes: 0 success (warnings allowed); 1 the course has errors or the command line is wrong; 2 unexpected failure. */
export const EXIT_COURSE_ERRORS = 1;
export const EXIT_FAILURE = 2;

export interface GlobalOptions {
  debug?: boolean;
}

/** Colour when stdout is a terminal, unless NO_COLOR is set (https://no-color.org). */
export function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** `12.3 MB`: decimal units, like npm and most file managers. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** A path as the user would type it: relative to the current folder when inside it. */
export function displayPath(p: string): string {
  const relative = path.relative(process.cwd(), path.resolve(p));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(p);
}

/**
 * How diagnostics print a file of the course at `courseDir` (their paths are relative to
 * it): from the current folder, so that `course/steps/01.yaml:3:5` opens with a click in a
 * terminal or an editor, whichever folder the command ran from.
 */
export function courseFileDisplay(courseDir: string): (relPath: string) => string {
  return (relPath) => displayPath(path.join(path.resolve(courseDir), ...relPath.split('/')));
}

/**
 * An exception nobody expected (I/O, a bug): a short message, the stack only with --debug.
 * With --json the failure is also printed as JSON, so tools always get a parsable answer.
 */
export function reportFailure(error: unknown, options: GlobalOptions & { json?: boolean }): void {
  const message = error instanceof Error ? error.message : String(error);
  if (options.json) printJson({ ok: false, failure: message });
  if (options.debug && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  } else {
    process.stderr.write(`parcours: ${message}\nRun with --debug for the stack.\n`);
  }
  process.exitCode = EXIT_FAILURE;
}
