/**
 * xAPI with TinCan launch: the pages plus `tincan.xml` at the zip root, describing one
 * launchable activity (the course). The LMS imports tincan.xml and launches index.html with
 * `endpoint`, `auth`, `actor`, `registration` and `activity_id` in the query string
 * (RusticiSoftware/launch, lms_lrs.md); nothing about any LRS is written into the package.
 */
import type { Course } from '../../model/course.js';
import { courseIri } from '../../shared/iri.js';
import { STATE_DOCUMENT_MAX_LENGTH } from '../../shared/learner-state.js';
import { checkCourseIri } from '../course-iri-check.js';
import { ATTR, buildXml } from '../manifest-xml.js';
import type { PackageFile, Target } from '../target.js';

export const TINCAN_FILE = 'tincan.xml';
export const TINCAN_NAMESPACE = 'http://projecttincan.com/tincan.xsd';
export const COURSE_ACTIVITY_TYPE = 'http://adlnet.gov/expapi/activities/course';
/** The page the LMS launches (rendered by src/render). */
const LAUNCH_FILE = 'index.html';

export const xapi: Target = {
  name: 'xapi',
  description: 'xAPI package with TinCan launch (tincan.xml), for an LRS-backed LMS',
  runtimeEntry: 'xapi.ts',
  /** A State API document holds the state. */
  maxStateLength: STATE_DOCUMENT_MAX_LENGTH,

  check(course, diagnostics) {
    checkCourseIri(course, diagnostics);
  },

  async package(course, pages) {
    const manifest: PackageFile = { path: TINCAN_FILE, kind: 'data', data: Buffer.from(buildTinCanXml(course), 'utf8') };
    return [...pages, manifest];
  },
};

export function buildTinCanXml(course: Course): string {
  const lang = course.language;
  const activity: Record<string, unknown> = {
    [`${ATTR}id`]: courseIri(course),
    [`${ATTR}type`]: COURSE_ACTIVITY_TYPE,
    name: { [`${ATTR}lang`]: lang, '#text': course.title },
  };
  if (course.description.trim()) activity['description'] = { [`${ATTR}lang`]: lang, '#text': course.description.trim() };
  activity['launch'] = { [`${ATTR}lang`]: lang, '#text': LAUNCH_FILE };
  return buildXml({
    tincan: {
      [`${ATTR}xmlns`]: TINCAN_NAMESPACE,
      activities: { activity },
    },
  });
}
