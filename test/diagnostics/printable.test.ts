/**
 * Text from a course printed by the CLI is shown, never obeyed: control characters (ESC, BEL,
 * other C0 and C1 controls, DEL) and bidirectional overrides are escaped in diagnostics
 * (messages, hints, file names, code frames) and in JSON. I/O failures are said in words.
 */
import { describe, expect, it } from 'vitest';
import { createDiagnostic } from '../../src/diagnostics/catalogue.js';
import { formatDiagnostics } from '../../src/diagnostics/format.js';
import { ioProblem } from '../../src/diagnostics/io-problem.js';
import { printable, printableJson } from '../../src/diagnostics/printable.js';
import { describeFailure } from '../../src/cli/output.js';

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const hostile = 'a\u001b]0;owned\u0007\u001b[2J\u009b31m\u007f\u202eb';

describe('printable', () => {
  it('escapes ESC, BEL, C1 controls, DEL and bidirectional overrides, and keeps text and tabs', () => {
    expect(printable(hostile)).toBe('a\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\x7f\\u202eb');
    expect(printable('Café\tété — ok')).toBe('Café\tété — ok');
    expect(printable('two\nlines\r')).toBe('two\\x0alines\\x0d');
  });

  it('keeps JSON parsable to the same value, with no raw control character', () => {
    const json = printableJson({ message: hostile });
    expect(json).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json)).toEqual({ message: hostile });
  });
});

describe('formatDiagnostics', () => {
  it('prints messages, hints, file names and code frames with controls escaped, the caret under the escaped text', () => {
    const line = `id: "\u001b[2Jx" # \u001b]0;title\u0007`;
    const diagnostic = createDiagnostic('INVALID_ID', { file: `steps/\u001b[31m.yaml`, line: 1, column: 15 }, { value: '\u001b[2Jx', rule: 'it must start with a letter' });
    const out = formatDiagnostics([diagnostic], { color: false, readFile: () => line });
    expect(out.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
    expect(out).toContain('steps/\\x1b[31m.yaml:1:15  INVALID_ID  Invalid id `\\x1b[2Jx`');
    const [source, caret] = out.split('\n').filter((l) => l.includes(' | '));
    expect(source).toContain('# \\x1b]0;title\\x07');
    // Column 15 is the ESC after `# `: the caret sits under its escape.
    expect(caret!.indexOf('^')).toBe(source!.indexOf('\\x1b]0'));
  });

  it('keeps its own colours', () => {
    const out = formatDiagnostics([createDiagnostic('FILE_NOT_FOUND', undefined, { path: 'a\u001b' })], { color: true });
    expect(out).toContain('\u001b[31mFILE_NOT_FOUND\u001b[0m');
    expect(out).toContain('File `a\\x1b` not found');
  });
});

describe('I/O failures', () => {
  const failure = (code: string, syscall: string, file: string, extra: Record<string, string> = {}) =>
    Object.assign(new Error(`${code}: raw text, ${syscall} '${file}'`), { code, syscall, path: file, ...extra });

  it.each([
    [failure('EACCES', 'open', '/srv/out/c.zip.1a2b.tmp'), 'cannot open `/srv/out/c.zip.1a2b.tmp`: permission denied. Give your user the right to write in that folder, or choose another output folder with --out.'],
    [failure('ENOSPC', 'write', '/srv/out/c.zip.1a2b.tmp'), 'cannot write `/srv/out/c.zip.1a2b.tmp`: the disk is full. Free some space, or choose another output folder with --out, then run the command again.'],
    [failure('EEXIST', 'mkdir', '/srv/out'), 'cannot create the folder `/srv/out`: something of that name is in the way. Remove or rename it, or choose another output folder with --out.'],
    [failure('EISDIR', 'rename', '/srv/out/c.zip.tmp', { dest: '/srv/out/c.zip' }), 'cannot write `/srv/out/c.zip`: it is a folder. Remove or rename that folder, or choose another output folder with --out.'],
    [failure('EMFILE', 'open', '/srv/course/media/a.mp4'), 'cannot open `/srv/course/media/a.mp4`: too many files are open at once. Close other programs or raise the limit of open files (`ulimit -n`), then run the command again.'],
  ])('says which file, what happened and what to do, not the raw errno text (%#)', (error, expected) => {
    expect(describeFailure(error)).toBe(expected);
    expect(describeFailure(error)).not.toMatch(/E[A-Z]{3,}/);
  });

  it('describes a file the loader cannot read in the same words', () => {
    expect(ioProblem(failure('EACCES', 'open', 'x'))).toEqual({
      reason: 'permission denied',
      help: 'Give your user the right to read it (and to open its folders), or copy the course somewhere you own.',
    });
  });

  it('escapes a failure message that carries course text', () => {
    expect(describeFailure(new Error('Course file `a\u001b[2J.pdf` changed'))).toBe('Course file `a\\x1b[2J.pdf` changed');
  });
});
