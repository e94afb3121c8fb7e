/**
 * Names a SCORM 2004 package and its runtime must agree on (one SCO per step): the shared data
 * store holding the course's learner state (`adl.data`), and each step's global objective.
 */

/** The `adl.data` store the step SCOs keep the course's learner state in. */
export function sharedStateId(courseId: string): string {
  return `urn:parcours:${encodeURIComponent(courseId)}:state`;
}

/** The global objective a step's SCO writes its result to. */
export function globalObjectiveId(courseId: string, stepId: string): string {
  return `urn:parcours:${encodeURIComponent(courseId)}:${encodeURIComponent(stepId)}`;
}
