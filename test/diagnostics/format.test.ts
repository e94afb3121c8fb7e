import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticsToJson, formatDiagnostics } from '../../src/diagnostics/format.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

const files: Record<string, string> = {
  'steps/01.yaml': 'id: intro\nactivities:\n  - kind: video\n    titel: Hello\n',
};
const readFile = (file: string) => files[file];

const unknownField: Diagnostic = {
  code: 'UNKNOWN_FIELD',
  severity: 'error',
  message: 'Unknown field `titel` in this video activity; did you mean `title`?',
  hint: 'Fix its spelling or remove it.',
  loc: { file: 'steps/01.yaml', line: 4, column: 5 },
};
const noCaptions: Diagnostic = {
  code: 'VIDEO_WITHOUT_CAPTIONS',
  severity: 'warning',
  message: 'Video `intro-video` has no captions',
  hint: 'Add captions.',
  loc: { file: 'steps/01.yaml', line: 3, column: 5 },
};
const noCourse: Diagnostic = { code: 'COURSE_NOT_FOUND', severity: 'error', message: 'No course found: `x` has no course.yaml' };

describe('formatDiagnostics', () => {
  it('prints place, code, message, hint, the offending line with a caret, and a summary', () => {
    expect(formatDiagnostics([unknownField, noCaptions], { color: false, readFile })).toBe(
      [
        'steps/01.yaml:4:5  UNKNOWN_FIELD  Unknown field `titel` in this video activity; did you mean `title`?',
        '  hint: Fix its spelling or remove it.',
        '  4 |     titel: Hello',
        '    |     ^',
        '',
        'steps/01.yaml:3:5  VIDEO_WITHOUT_CAPTIONS (warning)  Video `intro-video` has no captions',
        '  hint: Add captions.',
        '  3 |   - kind: video',
        '    |     ^',
        '',
        '1 error, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('prints a diagnostic without a place, and skips the frame when the file cannot be read', () => {
    const text = formatDiagnostics([noCourse, { ...unknownField, loc: { file: 'gone.yaml', line: 1, column: 1 } }], {
      color: false,
      readFile,
    });
    expect(text).toContain('COURSE_NOT_FOUND  No course found');
    expect(text).toContain('gone.yaml:1:1  UNKNOWN_FIELD');
    expect(text).not.toContain('|');
    expect(text.trimEnd().endsWith('2 errors, 0 warnings')).toBe(true);
  });

  it('never prefixes messages with "Error:"', () => {
    expect(formatDiagnostics([unknownField, noCourse], { color: false })).not.toMatch(/error:/i);
  });

  it('uses colour only when asked', () => {
    expect(formatDiagnostics([unknownField], { color: false })).not.toContain('\u001b[');
    expect(formatDiagnostics([unknownField], { color: true })).toContain('\u001b[31mUNKNOWN_FIELD');
  });

  it('prints file paths as displayFile says (the CLI: from the current folder), reading frames by course path', () => {
    const text = formatDiagnostics([unknownField], { color: false, readFile, displayFile: (file) => `my-course/${file}` });
    expect(text).toMatch(/^my-course\/steps\/01\.yaml:4:5  UNKNOWN_FIELD/);
    expect(text).toContain('  4 |     titel: Hello');
  });

  it('lines the caret up under a tab-indented column', () => {
    const text = formatDiagnostics([{ ...unknownField, loc: { file: 't.yaml', line: 1, column: 3 } }], {
      color: false,
      readFile: () => '\tx: 1',
    });
    expect(text).toContain('  1 | \tx: 1\n    | \t ^');
  });
});

describe('diagnosticsToJson', () => {
  it('has a stable shape with every key present', () => {
    expect(diagnosticsToJson([unknownField, noCaptions, noCourse], '/courses/intro')).toEqual({
      ok: false,
      errors: 2,
      warnings: 1,
      courseDir: '/courses/intro',
      diagnostics: [
        {
          code: 'UNKNOWN_FIELD',
          severity: 'error',
          message: unknownField.message,
          hint: 'Fix its spelling or remove it.',
          file: 'steps/01.yaml',
          path: path.join('/courses/intro', 'steps', '01.yaml'),
          line: 4,
          column: 5,
        },
        {
          code: 'VIDEO_WITHOUT_CAPTIONS',
          severity: 'warning',
          message: noCaptions.message,
          hint: 'Add captions.',
          file: 'steps/01.yaml',
          path: path.join('/courses/intro', 'steps', '01.yaml'),
          line: 3,
          column: 5,
        },
        { code: 'COURSE_NOT_FOUND', severity: 'error', message: noCourse.message, hint: null, file: null, path: null, line: null, column: null },
      ],
    });
  });

  it('is ok when there are only warnings', () => {
    expect(diagnosticsToJson([noCaptions])).toMatchObject({ ok: true, errors: 0, warnings: 1 });
  });

  it('has null courseDir and paths when the course folder is not given', () => {
    expect(diagnosticsToJson([noCaptions])).toMatchObject({ courseDir: null, diagnostics: [{ file: 'steps/01.yaml', path: null }] });
  });
});
