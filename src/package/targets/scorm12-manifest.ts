/**
 * imsmanifest.xml for SCORM 1.2: one organization, one item, one SCO resource.
 * Element order follows imscp_rootv1p1p2.xsd (checked with xmllint in the tests):
 * manifest → metadata, organizations, resources; item → title, then adlcp:masteryscore.
 */
import type { Course } from '../../model/course.js';
import { ATTR, buildXml, fileHref, toXmlId } from '../manifest-xml.js';
import { MAX_TITLE_LENGTH } from './scorm12-check.js';

export const MANIFEST_FILE = 'imsmanifest.xml';
/** The page the LMS launches. */
export const LAUNCH_FILE = 'index.html';

const NS_IMSCP = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
const NS_ADLCP = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
const NS_IMSMD = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';
const NS_XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface Scorm12ManifestInput {
  course: Course;
  /** Every file of the SCO, as package paths (the manifest and the XSDs excluded). */
  files: string[];
  /**
   * Percent 0–100 to write as `adlcp:masteryscore`, or undefined to leave it out.
   *
   * Moodle: with a mastery score in the manifest and the activity setting "Mastery score
   * overrides status" (`masteryoverride`, on by default in Moodle 4.5), Moodle sets
   * passed/failed from `cmi.core.score.raw` at LMSFinish, whatever status the course sent.
   * That matches the course's own rule (score ≥ passingScore) but takes the decision away
   * from the course; build with `--no-mastery-score` to leave it to the course alone.
   */
  masteryScore?: number;
}

/** Identifiers inside the manifest, derived from the course id only (not the version), so a
 * republished package keeps the same item identifier and LMSs can keep learners' records. */
export function scorm12Identifiers(courseId: string): { manifest: string; organization: string; item: string; resource: string } {
  const base = toXmlId(courseId, 'course-');
  return { manifest: base, organization: `${base}-org`, item: `${base}-sco`, resource: `${base}-res` };
}

export function buildScorm12Manifest(input: Scorm12ManifestInput): string {
  const { course } = input;
  const ids = scorm12Identifiers(course.id);
  const title = clampTitle(course.title);
  const item: Record<string, unknown> = {
    [`${ATTR}identifier`]: ids.item,
    [`${ATTR}identifierref`]: ids.resource,
    [`${ATTR}isvisible`]: 'true',
    title,
  };
  if (input.masteryScore !== undefined) item['adlcp:masteryscore'] = String(input.masteryScore);

  return buildXml({
    manifest: {
      [`${ATTR}identifier`]: ids.manifest,
      [`${ATTR}version`]: course.version,
      [`${ATTR}xmlns`]: NS_IMSCP,
      [`${ATTR}xmlns:adlcp`]: NS_ADLCP,
      [`${ATTR}xmlns:xsi`]: NS_XSI,
      [`${ATTR}xsi:schemaLocation`]: [
        `${NS_IMSCP} imscp_rootv1p1p2.xsd`,
        `${NS_IMSMD} imsmd_rootv1p2p1.xsd`,
        `${NS_ADLCP} adlcp_rootv1p2.xsd`,
      ].join(' '),
      metadata: { schema: 'ADL SCORM', schemaversion: '1.2' },
      organizations: {
        [`${ATTR}default`]: ids.organization,
        organization: { [`${ATTR}identifier`]: ids.organization, title, item },
      },
      resources: { resource: scoResource(ids.resource, input.files, 'adlcp:scormtype') },
    },
  });
}

/**
 * The SCO's resource, launched from index.html, listing its files once each, sorted, as URIs;
 * `scormTypeAttribute` is `adlcp:scormtype` in SCORM 1.2, `adlcp:scormType` in SCORM 2004.
 */
export function scoResource(identifier: string, files: readonly string[], scormTypeAttribute: string): Record<string, unknown> {
  return {
    [`${ATTR}identifier`]: identifier,
    [`${ATTR}type`]: 'webcontent',
    [`${ATTR}${scormTypeAttribute}`]: 'sco',
    [`${ATTR}href`]: LAUNCH_FILE,
    file: [...new Set(files)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((f) => ({ [`${ATTR}href`]: fileHref(f) })),
  };
}

/** Titles longer than the schema allows are cut (the target's check warns about it); SCORM 2004 too. */
export function clampTitle(title: string): string {
  const chars = [...title];
  return chars.length <= MAX_TITLE_LENGTH ? title : chars.slice(0, MAX_TITLE_LENGTH - 1).join('') + '…';
}
