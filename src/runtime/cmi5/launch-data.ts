/**
 * What the LMS tells the AU before its first statement (§10, §11):
 *   readLaunchData(lrs, launch)        → LaunchData from the `LMS.LaunchData` State document
 *                                        (read only: the AU must never change it)
 *   readLanguagePreference(lrs, actor) → 'fr' | 'en' | undefined, from the Agent Profile
 *                                        `cmi5LearnerPreferences` (absent is normal)
 *   parseLaunchData(text)              → LaunchData; throws Cmi5LaunchError('launch-data-invalid')
 * readLaunchData throws Cmi5LaunchError 'launch-data-refused' (401/403, with the status),
 * 'launch-data-missing' (404), 'launch-data-invalid', or 'launch-data-unreachable' (after retries).
 */
import type { Agent, Context } from '@xapi/xapi';
import { getDocument, LrsStatusError, type LrsConnection } from '../xapi/lrs-client.js';
import type { Cmi5Launch } from './launch.js';
import { Cmi5LaunchError } from './launch-error.js';
import type { Cmi5LaunchMode } from './rules.js';
import { LAUNCH_DATA_STATE_ID, LEARNER_PREFERENCES_PROFILE_ID } from './vocabulary.js';

export interface LaunchData {
  /** Merged into every statement; its values win over the AU's (§10). */
  contextTemplate: Context;
  launchMode: Cmi5LaunchMode;
  /** 0–1, overrides the course's passing score. */
  masteryScore?: number;
  moveOn?: string;
  /** Where to send the learner once the session is terminated. */
  returnURL?: string;
  launchParameters?: string;
}

const MODES: readonly Cmi5LaunchMode[] = ['Normal', 'Browse', 'Review'];

export function parseLaunchData(text: string): LaunchData {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Cmi5LaunchError('launch-data-invalid', 'LMS.LaunchData is not JSON');
  }
  const template = value && typeof value === 'object' ? value['contextTemplate'] : undefined;
  if (!template || typeof template !== 'object' || Array.isArray(template)) {
    throw new Cmi5LaunchError('launch-data-invalid', 'LMS.LaunchData has no contextTemplate');
  }
  const mode = value['launchMode'];
  const data: LaunchData = {
    contextTemplate: template as Context,
    // The LMS must give one; read an unknown value as Normal rather than refuse to run.
    launchMode: MODES.includes(mode as Cmi5LaunchMode) ? (mode as Cmi5LaunchMode) : 'Normal',
  };
  const mastery = Number(value['masteryScore']);
  if (value['masteryScore'] !== undefined && value['masteryScore'] !== null && mastery >= 0 && mastery <= 1) {
    data.masteryScore = mastery;
  }
  for (const key of ['moveOn', 'returnURL', 'launchParameters'] as const) {
    const field = value[key];
    if (typeof field === 'string' && field) data[key] = field;
  }
  return data;
}

export async function readLaunchData(lrs: LrsConnection, launch: Cmi5Launch): Promise<LaunchData> {
  const params = {
    stateId: LAUNCH_DATA_STATE_ID,
    activityId: launch.activityId,
    agent: JSON.stringify(launch.actor),
    registration: launch.registration,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const fetched = await getDocument(lrs, 'activities/state', params);
      if (fetched.status === 404) throw new Cmi5LaunchError('launch-data-missing', 'the LMS wrote no LMS.LaunchData document');
      return parseLaunchData(fetched.body);
    } catch (error) {
      if (error instanceof Cmi5LaunchError) throw error;
      const status = error instanceof LrsStatusError ? error.status : undefined;
      // Refused: asking again gets the same answer.
      if (status === 401 || status === 403) throw new Cmi5LaunchError('launch-data-refused', `the LMS refused LMS.LaunchData (${String(error)})`, status);
      if (attempt >= 2) throw new Cmi5LaunchError('launch-data-unreachable', `LMS.LaunchData could not be read (${String(error)})`, status);
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
    }
  }
}

/** The first of the learner's languages the course interface speaks; never throws. */
export async function readLanguagePreference(lrs: LrsConnection, actor: Agent): Promise<'fr' | 'en' | undefined> {
  try {
    const fetched = await getDocument(lrs, 'agents/profile', {
      profileId: LEARNER_PREFERENCES_PROFILE_ID,
      agent: JSON.stringify(actor),
    });
    if (fetched.status !== 200) return undefined;
    const preference = (JSON.parse(fetched.body) as { languagePreference?: unknown }).languagePreference;
    if (typeof preference !== 'string') return undefined;
    for (const tag of preference.split(',')) {
      const primary = tag.trim().split('-')[0]?.toLowerCase();
      if (primary === 'fr' || primary === 'en') return primary;
    }
  } catch {
    // No preferences, or an LMS that does not serve them: the course language stays.
  }
  return undefined;
}
