/**
 * The four SCORM 1.2 XSDs that go beside imsmanifest.xml at the zip root (ADL's packages,
 * Rustici's samples and Adapt's spoor all ship them; some LMS import tools validate with them).
 * Kept in this repository under schema/xsd/scorm12/ (provenance in schema/xsd/SOURCES.md); the
 * tests validate manifests against the same files.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../../render/package-root.js';
import type { PackageFile } from '../target.js';

export const SCORM12_SCHEMA_FILES = ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'] as const;

export function scorm12SchemaDir(): string {
  return path.join(packageRoot(), 'schema', 'xsd', 'scorm12');
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
