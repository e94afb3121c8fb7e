/**
 * SCORM 1.2: the course as one SCO (index.html), described by imsmanifest.xml, with the
 * four ADL/IMS schemas beside it at the zip root.
 */
import type { Course } from '../../model/course.js';
import type { PackageFile, Target } from '../target.js';
import { checkScorm12 } from './scorm12-check.js';
import { buildScorm12Manifest, MANIFEST_FILE } from './scorm12-manifest.js';
import { scorm12SchemaFiles } from './scorm12-schemas.js';

export const scorm12: Target = {
  name: 'scorm12',
  description: 'SCORM 1.2 package (imsmanifest.xml), for Moodle and most LMSs',
  runtimeEntry: 'scorm12.ts',
  /** `cmi.suspend_data` is CMIString4096. */
  maxStateLength: 4096,

  check(course, diagnostics, options) {
    checkScorm12(course, diagnostics, options);
  },

  async package(course, pages, options) {
    const schemas = await scorm12SchemaFiles();
    const manifest = buildScorm12Manifest({
      course,
      // Only the SCO's own files: imsmanifest.xml and the XSDs describe the package, they are
      // not files the SCO uses, and neither ADL's nor Rustici's sample packages list them.
      files: pages.map((f) => f.path),
      masteryScore: options.masteryScore ? masteryScoreOf(course) : undefined,
    });
    const files: PackageFile[] = [...pages, ...schemas, { path: MANIFEST_FILE, kind: 'data', data: Buffer.from(manifest, 'utf8') }];
    return files;
  },
};

/**
 * The course passing score as `adlcp:masteryscore`, or undefined for a course without a quiz:
 * such a course never reports a score, so a mastery score would mean nothing to the LMS.
 */
function masteryScoreOf(course: Course): number | undefined {
  const graded = course.steps.some((s) => s.activities.some((a) => a.kind === 'quiz'));
  return graded ? course.passingScore : undefined;
}
