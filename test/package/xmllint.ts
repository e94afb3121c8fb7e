/** Validates XML with xmllint against the schemas in ../shared/schemas (beside the repo clone). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const scorm12Schema = path.resolve(repoRoot, '../shared/schemas/scorm12/scorm12-all.xsd');

export interface XmllintResult {
  status: number | null;
  output: string;
}

export function xmllint(xml: string, schema = scorm12Schema): XmllintResult {
  // The official schemas are not in this repository: CI lays shared/ beside the clone.
  if (!existsSync(schema)) throw new Error(`schema ${schema} not found: clone the repo beside the project's shared/ folder`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parcours-xmllint-'));
  try {
    const file = path.join(dir, 'imsmanifest.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
    if (run.error) throw run.error; // xmllint missing: fail loudly, never skip
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
