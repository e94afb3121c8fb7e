/**
 * The official XSDs a SCORM package carries beside imsmanifest.xml (ADL's packages, Rustici's
 * samples and Adapt's spoor all ship them; some LMS import tools validate with them). Kept in this
 * repository under schema/xsd/<folder>/ (provenance in schema/xsd/SOURCES.md); the tests validate
 * manifests against the same files.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../../render/package-root.js';
import type { PackageFile } from '../target.js';

export function schemaDir(folder: string): string {
  return path.join(packageRoot(), 'schema', 'xsd', folder);
}

/** The files `names` of schema/xsd/<folder>/ (paths relative to it, `/`-separated) at the same paths in the package. */
export async function schemaFiles(folder: string, names: readonly string[]): Promise<PackageFile[]> {
  const dir = schemaDir(folder);
  return Promise.all(
    names.map(async (name): Promise<PackageFile> => {
      const absPath = path.join(dir, ...name.split('/'));
      return { path: name, kind: 'file', absPath, size: (await stat(absPath)).size };
    }),
  );
}

/** Every schema file of schema/xsd/<folder>/ (`.xsd`, `.dtd`, sub-folders included) but those in `except`, sorted. */
export async function allSchemaNames(folder: string, except: readonly string[] = []): Promise<string[]> {
  const names = await readdir(schemaDir(folder), { recursive: true, encoding: 'utf8' });
  return names
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => /\.(xsd|dtd)$/.test(name) && !except.includes(name))
    .sort();
}
