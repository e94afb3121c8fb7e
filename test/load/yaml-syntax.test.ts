/**
 * A YAML mistake is reported once, at the line to change, in an author's words (what is
 * wrong, how to fix it), and nothing else of that file is checked (a half-read file would
 * only yield misleading errors); the other files are still checked fully. One fixture per
 * common mistake lives in test/fixtures/invalid/yaml-* (run by invalid-fixtures.test.ts);
 * these tests break the sample step in place.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';

const minimal = fileURLToPath(new URL('../fixtures/valid/minimal/', import.meta.url));
const invalid = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));
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

async function diagnosticsOf(dir = work) {
  const { course, diagnostics } = await loadCourse(dir);
  return { course, found: diagnostics.map((d) => ({ code: d.code, file: d.loc?.file, line: d.loc?.line, column: d.loc?.column, message: d.message, hint: d.hint })) };
}

/** The yaml library's own words, which mean nothing to an author. */
const PARSER_WORDS = /compact mapping|implicit|indicator|block sequence|block scalar|flow (map|seq|collection)|scalar|token|node end|map key|collection/i;

describe('YAML mistakes', () => {
  it.each([
    // Line 10 is `    title: Watch this first`, line 9 `    id: basics-video`.
    ['a field indented one space short', 10, '   title: Watch this first', 'YAML_INDENTATION', 4, /indented 3 spaces: less than `id:` on line 9 \(4\)/],
    ['a field indented one space too far', 10, '     title: Watch this first', 'YAML_INDENTATION', 6, /indented more than `id:` on line 9 \(5 spaces, not 4\), so YAML reads it as part of the value of `id`/],
    ['a tab for indentation', 10, '\ttitle: Watch this first', 'YAML_INDENTATION', 1, /indented with a tab/],
    ['a value with an unquoted ": "', 10, '    title: Watch: this first', 'YAML_SYNTAX', 12, /value of `title` contains `: `/],
    ['an unclosed quote (reported at the quote, not at the end of the file)', 10, '    title: "Watch this first', 'YAML_SYNTAX', 12, /`"` opens a text that is never closed/],
    ['a stray line of text', 11, '  oops', 'YAML_SYNTAX', 3, /no `field:` in front of its text/],
    ['double quotes inside a double-quoted text (reported at the quote that ends it)', 10, '    title: "Say "hello" now"', 'YAML_SYNTAX', 17, /This `"` ends the value of `title`, which starts with a double quote/],
    ['a bracket after a quote inside a double-quoted text', 10, '    title: "The "[draft]" version"', 'YAML_SYNTAX', 17, /This `"` ends the value of `title`, which starts with a double quote/],
    ['an unclosed list (reported at its bracket)', 10, '    title: [Watch this first', 'YAML_SYNTAX', 12, /`\[` starts a list written on one line, which is never closed/],
  ])('%s: exactly one error, at the line to change, saying what is wrong', async (_, line, text, code, column, message) => {
    breakLine(line, text);
    const { course, found } = await diagnosticsOf();
    expect(found).toEqual([{ code, file: stepFile, line, column, message: expect.stringMatching(message), hint: expect.any(String) }]);
    expect(found[0]!.message).not.toMatch(PARSER_WORDS);
    expect(course).toBeUndefined();
  });

  it('says how to fix each mistake, in plain words, in every yaml-* fixture', async () => {
    // The limits' codes (YAML_TOO_DEEP, YAML_TOO_MANY_ALIASES) are about hostile files, not mistakes.
    const folders = fs.readdirSync(invalid).filter((name) => /^(yaml-|YAML_SYNTAX$|YAML_INDENTATION$)/.test(name));
    expect(folders.length).toBeGreaterThanOrEqual(15);
    for (const folder of folders) {
      const { found } = await diagnosticsOf(path.join(invalid, folder));
      expect(found, folder).toHaveLength(1);
      const { message, hint } = found[0]!;
      expect(`${message} ${hint}`, folder).not.toMatch(PARSER_WORDS);
      // The hint says what to do, with the author's own line or a column to use.
      expect(hint, folder).toMatch(/^(Indent|Items of one list|Fields of one mapping|Put |Write |Close |End |Keep |Inside |Replace )/);
    }
  });

  it('reports every duplicate field (they do not hide one another)', async () => {
    fs.writeFileSync(path.join(work, stepFile), original.replace('title: The basics\n', 'title: The basics\ntitle: Again\nid: again\n'));
    const { found } = await diagnosticsOf();
    expect(found.map((d) => [d.code, d.line, d.message])).toEqual([
      ['YAML_SYNTAX', 4, '`title` is written twice in the same mapping (first on line 3)'],
      ['YAML_SYNTAX', 5, '`id` is written twice in the same mapping (first on line 2)'],
    ]);
  });

  it('leaves valid YAML alone: list-like lines inside a block of text, a text folded over two lines', async () => {
    const text = original
      .replace('introduction: |\n  Welcome to **the basics**.\n', 'introduction: |\n  Welcome to **the basics**.\n\n  - a Markdown list\n    - nested under it\n')
      .replace('title: Watch this first', 'title: Watch this\n      first');
    fs.writeFileSync(path.join(work, stepFile), text);
    const { course, found } = await diagnosticsOf();
    expect(found).toEqual([]);
    expect(course?.steps[0]?.activities[0]?.title).toBe('Watch this first');
  });

  it('still checks the other files fully', async () => {
    breakLine(10, '   title: Watch this first');
    fs.writeFileSync(path.join(work, 'steps/02-more.yaml'), 'id: more\ntitle: More\nduration: 5 min\nactivities:\n  - kind: sheet\n    id: more-sheet\n    titel: A sheet\n    body: Text.\n');
    const course = fs.readFileSync(path.join(work, 'course.yaml'), 'utf8');
    fs.writeFileSync(path.join(work, 'course.yaml'), course.replace(/(steps:\n(?:.*\n)*?\s+- steps\/01-basics\.yaml\n)/, '$1  - steps/02-more.yaml\n'));
    const { found } = await diagnosticsOf();
    expect(found.map((d) => [d.code, d.file, d.line])).toEqual([
      ['YAML_INDENTATION', stepFile, 10],
      ['UNKNOWN_FIELD', 'steps/02-more.yaml', 7],
    ]);
  });
});
