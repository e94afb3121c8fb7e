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
  /** `LMS.LaunchData` is missing or unreadable (§10): no context template, no session id. */
  | 'launch-data'
  /** This launch's session already ended (`terminated` was sent): the page was reopened. */
  | 'session-ended';

export class Cmi5LaunchError extends Error {
  constructor(
    readonly problem: Cmi5LaunchProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'Cmi5LaunchError';
  }
}
