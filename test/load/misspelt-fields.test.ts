/**
 * A misspelt required field is one mistake: reported once, as the misspelling, at the
 * line to fix (not also as the required field missing). A field really missing, or an
 * unknown field close to no missing one, is reported as before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';

const fixture = fileURLToPath(new URL('../fixtures/invalid/MISSING_FIELD/', import.meta.url));
let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-misspelt-'));
  fs.cpSync(fixture, work, { recursive: true });
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const step = (activity: string, duration = 'duration: 5 min') => `id: step\ntitle: A step\n${duration}\nactivities:\n${activity}`;

async function found(stepText: string) {
  fs.writeFileSync(path.join(work, 'steps/01-step.yaml'), stepText);
  const { diagnostics } = await loadCourse(work);
  return diagnostics.map((d) => ({ code: d.code, line: d.loc?.line, column: d.loc?.column, message: d.message }));
}

describe('misspelt fields', () => {
  it('reports `titel` once, as the misspelling of the required `title`, at its line', async () => {
    expect(await found(step('  - kind: sheet\n    id: sheet\n    titel: A sheet\n    body: Some text.\n'))).toEqual([
      {
        code: 'UNKNOWN_FIELD',
        line: 7,
        column: 5,
        message: 'Unknown field `titel` in this sheet activity; did you mean `title`? (`title` is required there, and missing)',
      },
    ]);
  });

  it('does so for a step field and for two misspellings in one mapping', async () => {
    const twice = await found(step('  - kind: sheet\n    id: sheet\n    titel: A sheet\n    bodi: Some text.\n', 'duraton: 5 min'));
    expect(twice.map((d) => [d.code, d.line, d.message.match(/`(\w+)`/)![1]])).toEqual([
      ['UNKNOWN_FIELD', 3, 'duraton'],
      ['UNKNOWN_FIELD', 7, 'titel'],
      ['UNKNOWN_FIELD', 8, 'bodi'],
    ]);
  });

  it('reports a misspelt `kind` as the misspelling, at its line', async () => {
    expect(await found(step('  - kimd: sheet\n    id: sheet\n    title: A sheet\n    body: Some text.\n'))).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_FIELD', line: 5, column: 5, message: expect.stringMatching(/^Unknown field `kimd` in this activity; did you mean `kind`\?/) }),
    ]);
  });

  it('still reports every field really missing, each once', async () => {
    expect((await found(step('  - kind: sheet\n    id: sheet\n'))).map((d) => [d.code, d.line, d.message])).toEqual([
      ['MISSING_FIELD', 5, 'Missing `title` in this sheet activity'],
      ['MISSING_FIELD', 5, 'Missing `body` in this sheet activity'],
    ]);
  });

  it('reports both when the unknown field is not close to the missing one', async () => {
    expect((await found(step('  - kind: sheet\n    id: sheet\n    heading: A sheet\n    body: Some text.\n'))).map((d) => d.code)).toEqual([
      'MISSING_FIELD',
      'UNKNOWN_FIELD',
    ]);
  });
});
