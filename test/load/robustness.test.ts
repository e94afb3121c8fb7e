/**
 * Whatever an author writes, the loader answers with diagnostics, never a crash: random
 * values are put at random places of a valid course and the result must be coherent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { diagnosticCodes } from '../../src/diagnostics/catalogue.js';

const minimal = fileURLToPath(new URL('../fixtures/valid/minimal/', import.meta.url));
const stepFile = 'steps/01-basics.yaml';
const original = parse(fs.readFileSync(path.join(minimal, stepFile), 'utf8')) as unknown;

/** Every path to a value inside `value`. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const children =
    Array.isArray(value) ? value.map((v, i) => [i, v] as const)
    : value && typeof value === 'object' ? Object.entries(value)
    : [];
  return [prefix, ...children.flatMap(([key, child]) => paths(child, [...prefix, key]))];
}

function replaceAt(value: unknown, at: (string | number)[], replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let holder = copy;
  for (const segment of at.slice(0, -1)) holder = holder[segment] as Record<string | number, unknown>;
  holder[at[at.length - 1]!] = replacement;
  return copy;
}

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-robust-'));
  fs.cpSync(minimal, work, { recursive: true });
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('loadCourse robustness', () => {
  it('reports catalogued diagnostics with places for any value anywhere in a step', async () => {
    const allPaths = paths(original);
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('', 'files/missing.pdf', '../x.pdf', 'video', 'quiz', 'single-choice', null, -1, 1.5, 'Bad Id'),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allPaths), value, async (at, replacement) => {
        fs.writeFileSync(path.join(work, stepFile), stringify(replaceAt(original, at, replacement)));
        const { course, diagnostics } = await loadCourse(work);
        for (const d of diagnostics) {
          expect(diagnosticCodes).toContain(d.code);
          expect(d.loc?.file).toMatch(/\.(yaml|md)$/);
          expect(d.loc!.line).toBeGreaterThanOrEqual(1);
          expect(d.loc!.column).toBeGreaterThanOrEqual(1);
        }
        expect(course === undefined).toBe(diagnostics.some((d) => d.severity === 'error'));
      }),
      { numRuns: 300 },
    );
  });
});
