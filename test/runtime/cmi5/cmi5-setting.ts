/**
 * One cmi5 LMS (fake-cmi5-lms.ts, refusing what CATAPULT refuses), one learner, one
 * registration, for the adapter tests: `launch()` plays the LMS launching the AU, `open()` the
 * browser opening the launch URL (a new page: a reload opens again with the same tab storage).
 *
 *   checkLmsAfterEach()     every test ends with nothing refused and no statement stored twice
 *   const t = setting({ step?, actor? })
 *   const { sessionId, open } = t.launch({ launchMode: 'Browse' })
 *   const adapter = open(); await adapter.start(); … adapter.finish('leave')
 *   t.definedOf(sessionId) → the cmi5 defined statements of that session, in arrival order
 */
import type { Statement } from '@xapi/xapi';
import { afterEach, expect, vi } from 'vitest';
import { createCmi5Adapter } from '../../../src/runtime/adapters/cmi5.js';
import type { InteractionRecord, LmsAdapter, VideoEvent } from '../../../src/runtime/adapters/lms-adapter.js';
import type { Cmi5Launch } from '../../../src/runtime/cmi5/launch.js';
import type { Cmi5LaunchError } from '../../../src/runtime/cmi5/launch-error.js';
import { memoryStorage, type KeyValueStorage } from '../../../src/runtime/xapi/storage.js';
import type { RuntimeCourse } from '../../../src/shared/course-data.js';
import { singleChoiceAnswer } from '../../support/answers.js';
import { sampleRuntimeCourse } from '../../support/runtime-course.js';
import { POLL } from '../../support/timeouts.js';
import { ENDPOINT, fakeCmi5Lms, SESSION_EXT } from './fake-cmi5-lms.js';

export const course = sampleRuntimeCourse();

export const CMI5 = 'https://w3id.org/xapi/cmi5/';
export const PUBLISHER_AU = 'https://parcours.invalid/courses/valorisez-cooperation/au';
export const RETURN_URL = 'https://lms.example.org/course/12?back=1';
export const actor = { objectType: 'Agent' as const, name: 'Camille Martin', account: { homePage: 'https://lms.example.org', name: 'cmartin' } };

export const verb = (s: Statement) => s.verb.id.split('/').pop();
export const objectId = (s: Statement) => (s.object as { id: string }).id;
export const categories = (s: Statement) => (s.context?.contextActivities?.category ?? []).map((a) => a.id);

/** A right answer to the first quiz, given now. */
export const interaction = (): InteractionRecord => singleChoiceAnswer();

export function videoEvent(verbName: VideoEvent['verb']): VideoEvent {
  return { activityId: 'enjeux-video', verb: verbName, time: 10, length: 48, progress: 0.2, segments: [[0, 10]], threshold: 0.9 };
}

export interface Browser {
  storage: KeyValueStorage;
  tab: KeyValueStorage;
}

const lmss: ReturnType<typeof fakeCmi5Lms>[] = [];

/** Whatever a test does, the LMS refused nothing (as CATAPULT would, with a requirement id) and stored no statement twice. */
export function checkLmsAfterEach(): void {
  afterEach(() => {
    for (const lms of lmss.splice(0)) {
      expect(lms.refusals).toEqual([]);
      expect([...lms.accepted].filter(([, n]) => n !== 1)).toEqual([]);
    }
  });
}

export function setting(options: { step?: string; actor?: object; course?: RuntimeCourse; pageUrl?: string } = {}) {
  const lms = fakeCmi5Lms();
  lmss.push(lms);
  const launchActor = options.actor ?? actor;
  const registration = crypto.randomUUID();
  const activityId = `https://lms.example.org/au/${options.step ?? 'course'}-${registration.slice(0, 8)}`;
  const browser: Browser = { storage: memoryStorage(), tab: memoryStorage() };
  const errors: Cmi5LaunchError[] = [];
  const navigations: string[] = [];
  /** How many statements the LMS had stored when the AU went to returnURL, per navigation. */
  const storedAtNavigation: number[] = [];

  function launch(data: Record<string, unknown> = {}, tab = browser) {
    const prepared = lms.prepareLaunch(
      { activityId, registration, actor: launchActor },
      { launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.8, returnURL: RETURN_URL, contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: PUBLISHER_AU }] } }, ...data },
    );
    const params: Cmi5Launch = { endpoint: ENDPOINT, fetchUrl: prepared.fetchUrl, actor: launchActor as Cmi5Launch['actor'], registration, activityId, ...(options.step && { step: options.step }) };
    return { ...prepared, params, open: () => open(params, tab) };
  }

  function open(params: Cmi5Launch, tab = browser): LmsAdapter {
    return createCmi5Adapter({
      course: options.course ?? course,
      launch: params,
      storage: tab.storage,
      tabStorage: tab.tab,
      fetch: lms.fetch,
      baseDelayMs: 5,
      ...(options.pageUrl && { pageUrl: options.pageUrl }),
      onLaunchError: (error) => errors.push(error),
      navigate: (url) => {
        navigations.push(url);
        storedAtNavigation.push(lms.statements.length);
      },
    });
  }

  const ofSession = (sessionId: string) => lms.statements.filter((s) => s.context?.extensions?.[SESSION_EXT] === sessionId);
  const definedOf = (sessionId: string) => ofSession(sessionId).filter((s) => categories(s).includes(CMI5 + 'context/categories/cmi5'));
  const waitFor = (check: () => void) => vi.waitFor(check, POLL);
  return { lms, registration, activityId, browser, errors, navigations, storedAtNavigation, launch, open, ofSession, definedOf, waitFor };
}
