/**
 * The cmi5 identifiers the AU uses (cmi5 spec, quartz: §9.6.2 categories, §9.6.3 context
 * extensions, §9.5.5 result extensions, §10 state id, §11 agent profile id).
 */
const CMI5 = 'https://w3id.org/xapi/cmi5/';

export const CMI5_CATEGORY = CMI5 + 'context/categories/cmi5';
export const MOVEON_CATEGORY = CMI5 + 'context/categories/moveon';

export const CMI5_EXTENSIONS = {
  sessionId: CMI5 + 'context/extensions/sessionid',
  masteryScore: CMI5 + 'context/extensions/masteryscore',
  progress: CMI5 + 'result/extensions/progress',
} as const;

export const LAUNCH_DATA_STATE_ID = 'LMS.LaunchData';
export const LEARNER_PREFERENCES_PROFILE_ID = 'cmi5LearnerPreferences';
