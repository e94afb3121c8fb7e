/**
 * The xAPI identifiers Parcours uses: ADL verbs, activity types, the xAPI Video Profile
 * (https://w3id.org/xapi/video) verbs and extensions. Plain strings, so a bundle only carries
 * what it references.
 */
import type { Verb } from '@xapi/xapi';

const ADL_VERB = 'http://adlnet.gov/expapi/verbs/';
const VIDEO = 'https://w3id.org/xapi/video/';

function verb(id: string, display: string): Verb {
  return { id, display: { 'en-US': display } };
}

export const VERBS = {
  initialized: verb(ADL_VERB + 'initialized', 'initialized'),
  completed: verb(ADL_VERB + 'completed', 'completed'),
  passed: verb(ADL_VERB + 'passed', 'passed'),
  failed: verb(ADL_VERB + 'failed', 'failed'),
  answered: verb(ADL_VERB + 'answered', 'answered'),
  terminated: verb(ADL_VERB + 'terminated', 'terminated'),
  // Video Profile verbs (initialized, completed and terminated are the ADL ones above).
  played: verb(VIDEO + 'verbs/played', 'played'),
  paused: verb(VIDEO + 'verbs/paused', 'paused'),
  seeked: verb(VIDEO + 'verbs/seeked', 'seeked'),
} as const;

export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  module: 'http://adlnet.gov/expapi/activities/module',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  video: VIDEO + 'activity-type/video',
  /** Sheets and tools: something the learner reads or fills in. */
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
} as const;

/** Context category that marks a statement as following the Video Profile. */
export const VIDEO_PROFILE_CATEGORY = VIDEO.slice(0, -1);

export const VIDEO_EXTENSIONS = {
  time: VIDEO + 'extensions/time',
  timeFrom: VIDEO + 'extensions/time-from',
  timeTo: VIDEO + 'extensions/time-to',
  progress: VIDEO + 'extensions/progress',
  playedSegments: VIDEO + 'extensions/played-segments',
  length: VIDEO + 'extensions/length',
  sessionId: VIDEO + 'extensions/session-id',
  completionThreshold: VIDEO + 'extensions/completion-threshold',
} as const;

/** The version header every request carries (xAPI 1.0.3 §3.3). */
export const XAPI_VERSION = '1.0.3';
