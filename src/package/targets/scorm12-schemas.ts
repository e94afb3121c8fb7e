/**
 * The four SCORM 1.2 XSDs that go beside imsmanifest.xml at the zip root (scorm-schemas.ts),
 * from schema/xsd/scorm12/.
 */
import type { PackageFile } from '../target.js';
import { schemaDir, schemaFiles } from './scorm-schemas.js';

export const SCORM12_SCHEMA_FILES = ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'] as const;

export function scorm12SchemaDir(): string {
  return schemaDir('scorm12');
}

export function scorm12SchemaFiles(): Promise<PackageFile[]> {
  return schemaFiles('scorm12', SCORM12_SCHEMA_FILES);
}
