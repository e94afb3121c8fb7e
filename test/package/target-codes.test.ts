/**
 * The codes the packaging targets raise (catalogue entries with a `target`), each through a
 * real build: test/fixtures/target/<CODE>/ is a course that loads cleanly but breaks one rule
 * of a target, with expected.json beside it (the targets and options to build with, every
 * diagnostic the build must report: code and place). Loader codes have their fixtures in
 * test/fixtures/invalid/ (test/load/invalid-fixtures.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, checkTargets } from '../../src/build.js';
import { catalogue, diagnosticCodes, isTargetCode, type DiagnosticCode } from '../../src/diagnostics/catalogue.js';
import { loadCourse } from '../../src/load/index.js';
import { resolveBuildOptions } from '../../src/options.js';
import type { BuildOptions } from '../../src/package/target.js';
import { resolveTargets } from '../../src/package/targets.js';

const root = fileURLToPath(new URL('../fixtures/target/', import.meta.url));
const minimal = fileURLToPath(new URL('../fixtures/valid/minimal/', import.meta.url));
const folders = fs.readdirSync(root).sort();

interface Expected {
  targets: string[];
  options?: Partial<BuildOptions>;
  diagnostics: { code: string; file: string; line: number; column: number }[];
}

const readExpected = (folder: string) => JSON.parse(fs.readFileSync(path.join(root, folder, 'expected.json'), 'utf8')) as Expected;

/**
 * Codes the loader's own rules make unreachable from YAML today (ids are at most 64
 * characters of letters, digits, `-` and `_`): the target keeps them as a guard, tested here on
 * a loaded course whose model is changed the way a looser id rule would allow.
 */
type LoadedCourse = NonNullable<Awaited<ReturnType<typeof loadCourse>>['course']>;
const guards: Partial<Record<DiagnosticCode, { breakRule: (course: LoadedCourse) => void; at: { line: number; column: number } }>> = {
  // The step id is written at line 2 of the minimal course's step file.
  SCORM12_INVALID_IDENTIFIER: { breakRule: (course) => void (course.steps[0]!.id = 'les bases'), at: { line: 2, column: 1 } },
  // Its first activity starts at line 8: the bookmark is <step id>/<activity id>.
  SCORM12_LOCATION_TOO_LONG: {
    breakRule: (course) => void (course.steps[0]!.activities[0]!.id = 'a'.repeat(250)),
    at: { line: 8, column: 5 },
  },
};

let out: string;
beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-target-codes-'));
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('diagnostics of the packaging targets', () => {
  it.each(folders)('%s: the build reports exactly the expected diagnostics, with file:line:column', async (folder) => {
    const expected = readExpected(folder);
    const outDir = path.join(out, folder);
    const result = await build({ courseDir: path.join(root, folder), targets: expected.targets, options: { ...expected.options, outDir } });
    const places = result.diagnostics.map((d) => ({ code: d.code, file: d.loc?.file, line: d.loc?.line, column: d.loc?.column }));
    expect(places).toEqual(expected.diagnostics);
    for (const d of result.diagnostics) {
      expect(d.hint, d.code).toBeTruthy();
      expect(`${d.message} ${d.hint}`).not.toMatch(/\{[a-z]+\}/i);
    }
    const failed = result.diagnostics.some((d) => d.severity === 'error');
    expect(result.ok).toBe(!failed);
    // An error leaves no zip behind; a warning does not stop the build.
    expect(fs.existsSync(outDir) ? fs.readdirSync(outDir).length : 0).toBe(failed ? 0 : expected.targets.length);
  });

  it.each(Object.entries(guards))('%s (a guard): reported at the place of the offending id', async (code, guard) => {
    const { course } = await loadCourse(minimal);
    guard.breakRule(course!);
    const found = checkTargets(course!, resolveTargets(['scorm12']), resolveBuildOptions({}, course));
    expect(found.map((d) => [d.code, d.loc])).toEqual([[code, { file: 'steps/01-basics.yaml', ...guard.at }]]);
  });

  it('tests every target code of the catalogue, by a fixture or as a guard, and only those', () => {
    const targetCodes = diagnosticCodes.filter(isTargetCode);
    expect(targetCodes.length).toBeGreaterThan(0);
    for (const code of targetCodes) {
      const covered = folders.includes(code) ? readExpected(code).diagnostics.some((d) => d.code === code) : code in guards;
      expect(covered, `test/fixtures/target/${code}/ is missing`).toBe(true);
    }
    for (const folder of folders) expect(folder in catalogue && isTargetCode(folder as DiagnosticCode), folder).toBe(true);
  });
});
