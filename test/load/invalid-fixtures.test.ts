/**
 * One folder per loader diagnostic code under test/fixtures/invalid/<CODE>/, each an invalid
 * course with expected.json beside it (every diagnostic the loader must report: code and
 * place, and the message where the wording is the point, as for YAML mistakes), and more
 * folders for cases worth their own (`yaml-*`: one common YAML mistake each). The codes the
 * packaging targets raise are tested through the build, in test/package/target-codes.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { diagnosticCodes, isTargetCode } from '../../src/diagnostics/catalogue.js';
import { hostileCases } from '../fixtures/hostile/corpus.js';

const root = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));
const folders = fs
  .readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface Expected {
  code: string;
  file: string | null;
  line: number | null;
  column: number | null;
  /** Compared when given. */
  message?: string;
}

function readExpected(folder: string): Expected[] {
  return JSON.parse(fs.readFileSync(path.join(root, folder, 'expected.json'), 'utf8')) as Expected[];
}

describe('invalid fixtures', () => {
  it.each(folders)('%s: reports exactly the expected diagnostics', async (folder) => {
    const { course, diagnostics } = await loadCourse(path.join(root, folder));
    const expected = readExpected(folder);
    const actual = diagnostics.map((d, i) => ({
      code: d.code,
      file: d.loc?.file ?? null,
      line: d.loc?.line ?? null,
      column: d.loc?.column ?? null,
      ...(expected[i]?.message !== undefined && { message: d.message }),
    }));
    expect(actual).toEqual(expected);
    if (diagnostics.some((d) => d.severity === 'error')) expect(course).toBeUndefined();
    else expect(course).toBeDefined();
  });

  it('has a fixture folder for every loader code of the catalogue, reporting that code', () => {
    // Files git cannot hold (50 MB texts, loops of links) are made by the hostile corpus, which the CLI runs.
    const madeByCorpus = new Set(hostileCases.map((c) => c.expected.code));
    for (const code of diagnosticCodes.filter((c) => !isTargetCode(c))) {
      if (!folders.includes(code) && madeByCorpus.has(code)) continue;
      expect(folders, `test/fixtures/invalid/${code}/ is missing`).toContain(code);
      expect(readExpected(code).map((d) => d.code)).toContain(code);
    }
  });

  it('reports problems of several kinds, from several files, in one run', async () => {
    const { diagnostics } = await loadCourse(path.join(root, 'several-problems'));
    const codes = new Set(diagnostics.map((d) => d.code));
    const files = new Set(diagnostics.map((d) => d.loc?.file));
    expect(codes.size).toBeGreaterThanOrEqual(8);
    expect(files).toEqual(new Set(['course.yaml', 'steps/01-first.yaml', 'steps/02-second.yaml']));
    // A bad `attempts` value does not hide the missing correct answer in the same quiz.
    expect(codes).toContain('OUT_OF_RANGE');
    expect(codes).toContain('NO_CORRECT_CHOICE');
  });

  it('writes messages in plain words: no "Error:" prefix, no unfilled placeholder', async () => {
    for (const folder of folders) {
      const { diagnostics } = await loadCourse(path.join(root, folder));
      for (const d of diagnostics) {
        expect(d.message).not.toMatch(/^error/i);
        expect(`${d.message} ${d.hint ?? ''}`).not.toMatch(/\{[a-z]+\}/i);
        expect(d.hint, `${d.code} has a hint`).toBeTruthy();
      }
    }
  });
});
