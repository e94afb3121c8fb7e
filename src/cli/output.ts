/**
 * What the CLI commands share: where output goes, colour, code frames, and how an
 * unexpected failure is reported. Only the CLI writes to the terminal or sets the exit code.
 */
import path from 'node:path';
import { ioProblem, isIoError, type IoMode } from '../diagnostics/io-problem.js';
import { printable, printableJson } from '../diagnostics/printable.js';

/** `12.3 MB`, for the commands' listings. */
export { formatBytes } from '../shared/format-bytes.js';

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

/** JSON on stdout; control characters from the course escaped even where JSON allows them raw. */
export function printJson(value: unknown): void {
  process.stdout.write(printableJson(value) + '\n');
}

/** A path as the user would type it: relative to the current folder when inside it; control characters escaped. */
export function displayPath(p: string): string {
  const relative = path.relative(process.cwd(), path.resolve(p));
  return printable(relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(p));
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
  const message = describeFailure(error);
  if (options.json) printJson({ ok: false, failure: message });
  if (options.debug && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack.split('\n').map(printable).join('\n')}\n`);
  } else {
    // A failed file operation is said in words, with what to do: its stack would not help.
    process.stderr.write(`parcours: ${message}\n${isIoError(error) ? '' : 'Run with --debug for the stack.\n'}`);
  }
  process.exitCode = EXIT_FAILURE;
}

/** What the system calls do, in words: `cannot create the folder …`. */
const IO_ACTIONS: Record<string, { verb: string; mode: IoMode }> = {
  open: { verb: 'open', mode: 'read' },
  read: { verb: 'read', mode: 'read' },
  scandir: { verb: 'list the folder', mode: 'read' },
  stat: { verb: 'read', mode: 'read' },
  lstat: { verb: 'read', mode: 'read' },
  realpath: { verb: 'find', mode: 'read' },
  access: { verb: 'open', mode: 'read' },
  write: { verb: 'write', mode: 'write' },
  mkdir: { verb: 'create the folder', mode: 'write' },
  rename: { verb: 'write', mode: 'write' },
  unlink: { verb: 'remove', mode: 'write' },
  rmdir: { verb: 'remove the folder', mode: 'write' },
  rm: { verb: 'remove', mode: 'write' },
  copyfile: { verb: 'write', mode: 'write' },
};

/**
 * An unexpected failure in a line: a failed file operation as what could not be done to which
 * file, why, and what to do (not `EACCES: permission denied, open '…'`); anything else as its
 * message. Control characters escaped either way.
 */
export function describeFailure(error: unknown): string {
  if (!isIoError(error)) return printable(error instanceof Error ? error.message : String(error));
  const action = IO_ACTIONS[error.syscall] ?? { verb: 'use', mode: 'read' };
  // Opening a file to write it (the zip's temporary file) is a write.
  const mode = error.syscall === 'open' && /\.tmp$|\.zip$/.test(error.path ?? '') ? 'write' : action.mode;
  // A rename fails on its destination: the file the user asked for.
  const dest = (error as { dest?: unknown }).dest;
  const file = error.syscall === 'rename' && typeof dest === 'string' ? dest : error.path;
  const { reason, help } = ioProblem(error, mode);
  return `cannot ${action.verb}${file ? ` ${'`'}${displayPath(file)}${'`'}` : ''}: ${reason}. ${help}`;
}
