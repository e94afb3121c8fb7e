/**
 * SCORM 2004 4th Edition: the course as one SCO (index.html) by default, or one SCO per step
 * under simple sequencing (`scorm2004ScoPerStep`), described by imsmanifest.xml, with the
 * 4th Edition schemas beside it at the zip root (scorm2004-manifest.ts says who decides the status).
 */
import type { Course } from '../../model/course.js';
import type { PackageFile, Target } from '../target.js';
import { allSchemaNames, schemaFiles } from './scorm-schemas.js';
import { buildScorm2004Manifest, MANIFEST_FILE } from './scorm2004-manifest.js';

/** `cmi.suspend_data` (and `adl.data.n.store`) is characterstring SPM 64000. */
export const SCORM2004_MAX_STATE_LENGTH = 64_000;
/** The schema folder's driver, written for the tests (schema/xsd/SOURCES.md): not shipped. */
const TEST_DRIVER = 'scorm2004-all.xsd';

export const scorm2004: Target = {
  name: 'scorm2004',
  description: 'SCORM 2004 4th Edition package (imsmanifest.xml): separate completion and success, 64,000 characters of state',
  runtimeEntry: 'scorm2004.ts',
  maxStateLength: SCORM2004_MAX_STATE_LENGTH,

  // No check of its own: SCORM 2004's limits are wider than the loader's rules and SCORM 1.2's
  // (identifiers of 4,000 characters, a 1,000-character bookmark, no length on titles or versions).

  async package(course: Course, pages: PackageFile[], options) {
    const schemas = await schemaFiles('scorm2004-4th', await allSchemaNames('scorm2004-4th', [TEST_DRIVER]));
    const manifest = buildScorm2004Manifest({
      course,
      // Only the SCO's own files, as for SCORM 1.2.
      files: pages.map((f) => f.path),
      masteryScore: options.masteryScore,
      scoPerStep: options.scorm2004ScoPerStep ?? false,
    });
    return [...pages, ...schemas, { path: MANIFEST_FILE, kind: 'data', data: Buffer.from(manifest, 'utf8') }];
  },
};
