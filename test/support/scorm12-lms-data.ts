/**
 * The CMI data an LMS hands a SCORM 1.2 SCO at launch, as Moodle does it: learner
 * identity on a first launch; on a relaunch, what it stored from the last session.
 */

export const LEARNER = { id: 'learner-42', name: 'Martin, Camille' } as const;

export function firstLaunchCmi(masteryScore?: number): Record<string, string> {
  return {
    'cmi.core.student_id': LEARNER.id,
    'cmi.core.student_name': LEARNER.name,
    'cmi.core.entry': 'ab-initio',
    'cmi.core.credit': 'credit',
    'cmi.core.lesson_mode': 'normal',
    ...(masteryScore === undefined ? {} : { 'cmi.student_data.mastery_score': String(masteryScore) }),
  };
}

/**
 * The data of a relaunch, from the last commit of the previous session: what the LMS
 * kept (location, status, score, suspend data, objectives) and `entry=resume` when the
 * SCO left with `exit=suspend`. Interactions are write-only in SCORM 1.2, so none come back.
 */
export function resumeCmiFrom(lastCommit: Record<string, string>): Record<string, string> {
  const kept = Object.entries(lastCommit).filter(
    ([key, value]) =>
      typeof value === 'string' &&
      value !== '' &&
      (key === 'cmi.suspend_data' ||
        key === 'cmi.core.lesson_location' ||
        key === 'cmi.core.lesson_status' ||
        key.startsWith('cmi.core.score.') ||
        key.startsWith('cmi.objectives.') ||
        key === 'cmi.student_data.mastery_score'),
  );
  return {
    'cmi.core.student_id': LEARNER.id,
    'cmi.core.student_name': LEARNER.name,
    'cmi.core.credit': 'credit',
    'cmi.core.lesson_mode': 'normal',
    ...Object.fromEntries(kept),
    'cmi.core.entry': lastCommit['cmi.core.exit'] === 'suspend' ? 'resume' : '',
  };
}
