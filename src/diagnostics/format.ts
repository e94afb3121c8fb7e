/**
 * Diagnostics for people (terminal text with code frames) and for tools (`--json`).
 */
import path from 'node:path';
import type { Diagnostic } from './diagnostic.js';
import { printable } from './printable.js';

export interface FormatOptions {
  color: boolean;
  /** Text of a course file (path relative to the course folder), for code frames; undefined if unreadable. */
  readFile?: (relPath: string) => string | undefined;
  /**
   * How to print a course file's path (relative to the course folder in diagnostics). The CLI
   * prints it from the current folder, so a terminal or an editor opens `file:line:column`
   * with a click; by default it is printed as is.
   */
  displayFile?: (relPath: string) => string;
}

const ansi = {
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
  reset: '\u001b[0m',
};

/**
 * Per diagnostic: `file:line:column  CODE  message`, the hint, and the offending line with a
 * caret under the column; then a summary line ("2 errors, 1 warning"). What comes from the
 * course (values in messages, file names, the lines shown) is printed with its control
 * characters escaped, so a course cannot send commands to the terminal.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const paint = (style: keyof typeof ansi, text: string) => (options.color ? `${ansi[style]}${text}${ansi.reset}` : text);
  const lines = fileLines(options.readFile);
  const blocks = diagnostics.map((d) => {
    const where = d.loc ? printable(`${options.displayFile?.(d.loc.file) ?? d.loc.file}:${d.loc.line}:${d.loc.column}`) : '';
    const code = paint(d.severity === 'error' ? 'red' : 'yellow', `${d.code}${d.severity === 'warning' ? ' (warning)' : ''}`);
    const out = [[where && paint('bold', where), code, printable(d.message)].filter(Boolean).join('  ')];
    if (d.hint) out.push(`  ${paint('cyan', 'hint:')} ${printable(d.hint)}`);
    const frame = d.loc ? codeFrame(lines(d.loc.file), d.loc.line, d.loc.column, paint) : undefined;
    if (frame) out.push(frame);
    return out.join('\n');
  });
  return [...blocks, summary(diagnostics)].join('\n\n') + '\n';
}

/** "2 errors, 1 warning" */
export function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${count(errors, 'error')}, ${count(warnings, 'warning')}`;
}

export interface DiagnosticJson {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  hint: string | null;
  /** Relative to the course folder, `/` separators: the same on every machine. */
  file: string | null;
  /** `file` as an absolute path, for tools that open it; null when not known. */
  path: string | null;
  line: number | null;
  column: number | null;
}

export interface DiagnosticsJson {
  ok: boolean;
  errors: number;
  warnings: number;
  /** The course folder, absolute; null when not known. */
  courseDir: string | null;
  diagnostics: DiagnosticJson[];
}

/**
 * The `--json` shape: every key always present (null when unknown), so tools can rely on it.
 * `file` stays relative to the course folder (stable whatever the current folder); `path`
 * joins it to `courseDir` (absolute) when given.
 */
export function diagnosticsToJson(diagnostics: readonly Diagnostic[], courseDir?: string): DiagnosticsJson {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    ok: errors === 0,
    errors,
    warnings: diagnostics.length - errors,
    courseDir: courseDir ?? null,
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      hint: d.hint ?? null,
      file: d.loc?.file ?? null,
      path: d.loc && courseDir !== undefined ? path.join(courseDir, ...d.loc.file.split('/')) : null,
      line: d.loc?.line ?? null,
      column: d.loc?.column ?? null,
    })),
  };
}

function fileLines(readFile: FormatOptions['readFile']): (file: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (file) => {
    if (!readFile) return undefined;
    if (!cache.has(file)) cache.set(file, readFile(file)?.split(/\r?\n/));
    return cache.get(file);
  };
}

function codeFrame(
  lines: string[] | undefined,
  line: number,
  column: number,
  paint: (style: keyof typeof ansi, text: string) => string,
): string | undefined {
  const text = lines?.[line - 1];
  if (text === undefined) return undefined;
  const gutter = String(line);
  const blank = ' '.repeat(gutter.length);
  // Keep tabs as tabs under the caret so it lines up whatever the terminal's tab width; an
  // escaped control character takes the width of its escape.
  const pad = [...printable(text.slice(0, Math.max(0, column - 1)))].map((c) => (c === '\t' ? '\t' : ' ')).join('');
  return [`  ${paint('dim', `${gutter} |`)} ${printable(text)}`, `  ${paint('dim', `${blank} |`)} ${pad}${paint('red', '^')}`].join('\n');
}
