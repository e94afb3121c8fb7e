/**
 * Activity IRIs for xAPI and cmi5, derived from the author's ids so they stay stable across
 * builds. Pure: imported by the packagers (tincan.xml, cmi5.xml) and by the browser runtime.
 *
 *   courseIri({ id, iri? })            → the author's `iri`, else `https://parcours.invalid/courses/<id>`
 *   stepIri(root, stepId)              → `<root>/steps/<stepId>`
 *   activityIri(root, activityId)      → `<root>/activities/<activityId>` (video, quiz, sheet, tool)
 *   questionIri(root, quizId, qId)     → `<root>/activities/<quizId>/questions/<qId>`
 *
 * `root` is the course IRI, or at runtime the activity id the LMS launched with (the two are
 * equal when the LMS imported tincan.xml), so child ids always hang under what the LMS knows.
 */

/**
 * `.invalid` is reserved (RFC 2606): the default IRI is unique per course id yet claims no real
 * domain. Authors who own a domain set `iri` in course.yaml.
 */
export const DEFAULT_COURSE_IRI_BASE = 'https://parcours.invalid/courses/';

export function courseIri(course: { id: string; iri?: string | undefined }): string {
  return course.iri ?? DEFAULT_COURSE_IRI_BASE + segment(course.id);
}

export function stepIri(root: string, stepId: string): string {
  return `${trimSlash(root)}/steps/${segment(stepId)}`;
}

export function activityIri(root: string, activityId: string): string {
  return `${trimSlash(root)}/activities/${segment(activityId)}`;
}

export function questionIri(root: string, quizId: string, questionId: string): string {
  return `${activityIri(root, quizId)}/questions/${segment(questionId)}`;
}

function segment(id: string): string {
  return encodeURIComponent(id);
}

function trimSlash(iri: string): string {
  return iri.endsWith('/') ? iri.slice(0, -1) : iri;
}
