/**
 * The verify codes are documented (docs/verify.md lists each with its severity) and never
 * reuse a course diagnostic's code, so a tool matching on a code knows which command said it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { catalogue } from '../../src/diagnostics/catalogue.js';
import { verifyCatalogue } from '../../src/verify/index.js';

test('docs/verify.md lists every code with its severity, and no other', async () => {
  const docs = await readFile(path.join(import.meta.dirname, '../../docs/verify.md'), 'utf8');
  const rows = new Map([...docs.matchAll(/^\| `([A-Z0-9_]+)` \| (error|warning|info) \|/gm)].map((m) => [m[1]!, m[2]!]));
  expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(Object.entries(verifyCatalogue).map(([code, entry]) => [code, entry.severity])));
});

test('no verify code is also a course diagnostic code', () => {
  expect(Object.keys(verifyCatalogue).filter((code) => Object.hasOwn(catalogue, code))).toEqual([]);
});
