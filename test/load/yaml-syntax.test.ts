/**
 * A YAML syntax error is reported once, where the author must look, and nothing else of
 * that file is checked (a half-read file would only yield misleading errors); the other
 * files are still checked fully.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';

const minimal = fileURLToPath(new URL('../fixtures/valid/minimal/', import.meta.url));
const stepFile = 'steps/01-basics.yaml';
const original = fs.readFileSync(path.join(minimal, stepFile), 'utf8');

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-yaml-'));
  fs.cpSync(minimal, work, { recursive: true });
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** The step file with `line` (1-based) replaced by `replacement`. */
function breakLine(line: number, replacement: string): void {
  const lines = original.split('\n');
  lines[line - 1] = replacement;
  fs.writeFileSync(path.join(work, stepFile), lines.join('\n'));
}

async function diagnosticsOf() {
  const { course, diagnostics } = await loadCourse(work);
  return { course, found: diagnostics.map((d) => ({ code: d.code, file: d.loc?.file, line: d.loc?.line, column: d.loc?.column, hint: d.hint })) };
}

describe('YAML syntax errors', () => {
  it.each([
    // Line 10 is `    title: Watch this first`.
    ['a key indented one space short', 10, '   title: Watch this first', 4],
    ['a tab for indentation', 10, '\ttitle: Watch this first', 1],
    ['a value with an unquoted ": "', 10, '    title: Watch: this first', 12],
    ['an unclosed quote (reported at the quote, not at the end of the file)', 10, '    title: "Watch this first', 12],
    ['a stray line of text', 11, '  oops', 3],
    ['an unclosed list (reported at its bracket)', 10, '    title: [Watch this first', 12],
  ])('%s: exactly one YAML_SYNTAX error, at the bad line, with a hint', async (_, line, text, column) => {
    breakLine(line, text);
    const { course, found } = await diagnosticsOf();
    expect(found).toEqual([{ code: 'YAML_SYNTAX', file: stepFile, line, column, hint: expect.stringContaining('indentation') }]);
    expect(course).toBeUndefined();
  });

  it('reports every duplicate key (they do not hide one another)', async () => {
    fs.writeFileSync(path.join(work, stepFile), original.replace('title: The basics\n', 'title: The basics\ntitle: Again\nid: again\n'));
    const { found } = await diagnosticsOf();
    expect(found.map((d) => [d.code, d.line])).toEqual([
      ['YAML_SYNTAX', 4],
      ['YAML_SYNTAX', 5],
    ]);
  });

  it('still checks the other files fully', async () => {
    breakLine(10, '   title: Watch this first');
    fs.writeFileSync(path.join(work, 'steps/02-more.yaml'), 'id: more\ntitle: More\nduration: 5 min\nactivities:\n  - kind: sheet\n    id: more-sheet\n    titel: A sheet\n    body: Text.\n');
    const course = fs.readFileSync(path.join(work, 'course.yaml'), 'utf8');
    fs.writeFileSync(path.join(work, 'course.yaml'), course.replace(/(steps:\n(?:.*\n)*?\s+- steps\/01-basics\.yaml\n)/, '$1  - steps/02-more.yaml\n'));
    const { found } = await diagnosticsOf();
    expect(found.map((d) => [d.code, d.file, d.line])).toEqual([
      ['YAML_SYNTAX', stepFile, 10],
      ['MISSING_FIELD', 'steps/02-more.yaml', 5],
      ['UNKNOWN_FIELD', 'steps/02-more.yaml', 7],
    ]);
  });
});
