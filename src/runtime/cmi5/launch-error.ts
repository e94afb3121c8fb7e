/**
 * What can stop a cmi5 launch before the course is tracked. Each kind has a learner message
 * (messages.ts); `detail` is for the console and for the LMS's support staff.
 */
export type Cmi5LaunchProblem =
  /** The launch URL lacks a cmi5 parameter, or one is malformed (§8.1). */
  | 'invalid-launch'
  /** The fetch URL answered with an error (§8.2.3): already used, expired, or refused. */
  | 'fetch-refused'
  /** The fetch URL could not be reached, or answered something else than a token. */
  | 'fetch-failed'
  /** The LMS refused to hand out `LMS.LaunchData` (401, 403: e.g. CATAPULT's 8.1.3.0-3, actor mismatch). */
  | 'launch-data-refused'
  /** The LMS wrote no `LMS.LaunchData` for this launch (404). */
  | 'launch-data-missing'
  /** `LMS.LaunchData` is there but unusable (§10): not JSON, no context template. */
  | 'launch-data-invalid'
  /** `LMS.LaunchData` could not be read: network down, server errors, after retries. */
  | 'launch-data-unreachable'
  /** This launch's session already ended (`terminated` was sent): the page was reopened. */
  | 'session-ended';

export class Cmi5LaunchError extends Error {
  constructor(
    readonly problem: Cmi5LaunchProblem,
    detail: string,
    /** The HTTP status the LMS answered, when that is what went wrong (shown to the learner). */
    readonly status?: number,
  ) {
    super(detail);
    this.name = 'Cmi5LaunchError';
  }
}
