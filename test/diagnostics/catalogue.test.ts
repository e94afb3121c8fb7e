import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue, createDiagnostic, diagnosticCodes } from '../../src/diagnostics/catalogue.js';
import { withCatalogueTable } from '../../src/diagnostics/catalogue-table.js';
import { closestMatch } from '../../src/diagnostics/suggest.js';

const docPath = fileURLToPath(new URL('../../docs/format.md', import.meta.url));

describe('diagnostic catalogue', () => {
  it('is documented: docs/format.md holds the current table of codes (run `npm run schema` to refresh it)', () => {
    const doc = fs.readFileSync(docPath, 'utf8');
    expect(doc).toBe(withCatalogueTable(doc));
    for (const code of diagnosticCodes) expect(doc).toContain(`| \`${code}\` |`);
  });

  it('names codes in UPPER_SNAKE_CASE, each with a title, a message and a hint', () => {
    for (const code of diagnosticCodes) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      const entry = catalogue[code];
      expect(entry.title, code).not.toBe('');
      expect(entry.message, code).not.toMatch(/^(error|oops)/i);
      expect(entry.hint, code).not.toBe('');
    }
  });

  it('fills templates, and an absent parameter leaves no placeholder behind', () => {
    const d = createDiagnostic('FILE_NOT_FOUND', { file: 'a.yaml', line: 2, column: 3 }, { path: 'x.pdf' });
    expect(d).toMatchObject({
      code: 'FILE_NOT_FOUND',
      severity: 'error',
      message: 'File `x.pdf` not found',
      loc: { file: 'a.yaml', line: 2, column: 3 },
    });
  });

  it('gives warnings their severity', () => {
    expect(createDiagnostic('VIDEO_WITHOUT_CAPTIONS', undefined, { id: 'v' }).severity).toBe('warning');
  });
});

describe('closestMatch', () => {
  it('suggests a close spelling, ignoring case', () => {
    expect(closestMatch('titel', ['id', 'title', 'steps'])).toBe('title');
    expect(closestMatch('PassingScore', ['passingScore', 'attempts'])).toBe('passingScore');
  });

  it('suggests the only name a shortened word begins', () => {
    expect(closestMatch('multiple', ['single-choice', 'multiple-choice', 'true-false'])).toBe('multiple-choice');
  });

  it('suggests nothing for an unrelated word', () => {
    expect(closestMatch('banana', ['id', 'title', 'steps'])).toBeUndefined();
  });
});
