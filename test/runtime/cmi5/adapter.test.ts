/**
 * The cmi5 adapter against an in-process cmi5 LMS (fake-cmi5-lms.ts, refusing what CATAPULT
 * refuses): the launch sequence, the statements of a session and their context, a second
 * session of the same registration, Browse mode, the LMS's mastery score, launch problems, one
 * AU per step. Every statement passes @learninglocker/xapi-validation. How sessions end
 * (Leave, pagehide, reload, refusals and retries) is in session-end.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { LaunchInfo } from '../../../src/runtime/adapters/lms-adapter.js';
import { memoryStorage } from '../../../src/runtime/xapi/storage.js';
import { courseIri } from '../../../src/shared/iri.js';
import { validateStatement } from '../../support/xapi-validation.js';
import { actor, categories, checkLmsAfterEach, CMI5, course, interaction, objectId, PUBLISHER_AU, RETURN_URL, setting, verb, videoEvent } from './cmi5-setting.js';

checkLmsAfterEach();

describe('cmi5 adapter: a session in Normal mode', () => {
  it('fetches the token once (POST), reads LMS.LaunchData, and sends initialized first', async () => {
    const t = setting();
    const { sessionId, open } = t.launch();
    const info = await open().start();
    expect(info).toMatchObject({ savedState: null, mode: 'normal', learnerName: 'Camille Martin', masteryScore: 80 });
    await t.waitFor(() => expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized']));
    expect(t.lms.fetchCalls.map((c) => c.method)).toEqual(['POST']);
    expect(t.lms.violations).toEqual([]);
    expect(t.errors).toEqual([]);
  });

  it('sends the session’s statements in order, with the context template, categories, results and durations', async () => {
    const t = setting();
    const { sessionId, open } = t.launch();
    const adapter = open();
    await adapter.start();
    adapter.recordVideoEvent?.(videoEvent('played'));
    adapter.recordVideoEvent?.(videoEvent('paused'));
    adapter.recordInteraction(interaction());
    adapter.recordObjective({ id: 'enjeux', status: 'passed', scorePercent: 100 });
    adapter.setProgress({ completion: 'incomplete', success: 'passed', scorePercent: 85, progress: 0.5 });
    adapter.recordObjective({ id: 'typologie', status: 'completed' });
    adapter.setProgress({ completion: 'completed', success: 'passed', scorePercent: 85, progress: 1 });
    adapter.setProgress({ completion: 'completed', success: 'passed', scorePercent: 90, progress: 1 });
    adapter.commit();
    adapter.finish('leave');
    await t.waitFor(() => expect(t.navigations).toEqual([RETURN_URL]));

    const statements = t.ofSession(sessionId).sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)));
    expect(statements).toHaveLength(t.lms.statements.length);
    expect(new Set(statements.map((s) => s.timestamp)).size).toBe(statements.length);
    expect(verb(statements[0]!)).toBe('initialized');
    expect(verb(statements.at(-1)!)).toBe('terminated');
    expect(objectId(statements.at(-1)!)).toBe(t.activityId);

    const defined = t.definedOf(sessionId);
    expect(defined.map(verb)).toEqual(['initialized', 'passed', 'completed', 'terminated']);
    for (const s of statements) {
      expect(validateStatement(s)).toEqual([]);
      expect(s.context?.registration).toBe(t.registration);
      expect(s.context?.contextActivities?.grouping?.[0]?.id).toBe(PUBLISHER_AU);
      expect(s.actor).toEqual(actor);
    }
    for (const s of defined) {
      expect(objectId(s)).toBe(t.activityId);
      const moveOn = categories(s).includes(CMI5 + 'context/categories/moveon');
      expect(moveOn).toBe(s.result?.completion !== undefined || s.result?.success !== undefined);
    }
    const [, passed, completed, terminated] = defined;
    expect(passed?.result).toMatchObject({ success: true, score: { scaled: 0.85, raw: 85, min: 0, max: 100 }, duration: expect.stringMatching(/^PT/) });
    expect(passed?.result?.extensions?.[CMI5 + 'result/extensions/progress']).toBe(50);
    expect(passed?.context?.extensions?.[CMI5 + 'context/extensions/masteryscore']).toBe(0.8);
    expect(completed?.result).toEqual({ completion: true, duration: expect.stringMatching(/^PT/) });
    // Completed was reported: no progress on terminated.
    expect(terminated?.result).toEqual({ duration: expect.stringMatching(/^PT/) });

    // "cmi5 allowed": answers, step outcomes, video, all between initialized and terminated, without the cmi5 category.
    const allowed = statements.filter((s) => !defined.includes(s));
    expect(allowed.map(verb)).toEqual(expect.arrayContaining(['answered', 'completed', 'passed', 'played', 'paused', 'terminated']));
    for (const s of allowed) {
      expect(categories(s)).not.toContain(CMI5 + 'context/categories/cmi5');
      expect(categories(s)).not.toContain(CMI5 + 'context/categories/moveon');
      // Named under the course's own IRI, never under the AU id the LMS assigned at import.
      const ids = [objectId(s), ...Object.values(s.context?.contextActivities ?? {}).flat().map((a) => a.id)].filter((id) => id !== PUBLISHER_AU);
      for (const id of ids) expect(id.startsWith(courseIri(course) + '/') || id === courseIri(course) || id.startsWith('https://w3id.org/xapi/'), id).toBe(true);
    }
    expect(allowed.map(objectId)).toEqual(expect.arrayContaining([`${courseIri(course)}/steps/enjeux`, `${courseIri(course)}/activities/enjeux-quiz/questions/q1`, `${courseIri(course)}/activities/enjeux-video`]));
    expect(JSON.stringify(allowed)).not.toContain(t.activityId);
    expect(t.lms.violations).toEqual([]);
  });

  it('puts progress on terminated while the course is not completed', async () => {
    const t = setting();
    const { sessionId, open } = t.launch({ returnURL: undefined });
    const adapter = open();
    await adapter.start();
    adapter.setProgress({ completion: 'incomplete', progress: 0.25 });
    adapter.finish('leave');
    await t.waitFor(() => expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized', 'terminated']));
    expect(t.definedOf(sessionId)[1]?.result?.extensions?.[CMI5 + 'result/extensions/progress']).toBe(25);
    expect(t.navigations).toEqual([]);
  });
});

describe('cmi5 adapter: the launch actor', () => {
  it('uses the actor exactly as the launch gave it, in every statement and request (no objectType added)', async () => {
    const given = { name: 'Camille Martin', account: { homePage: 'https://lms.example.org', name: 'cmartin' } };
    const t = setting({ actor: given });
    const { sessionId, open } = t.launch();
    const adapter = open();
    await adapter.start();
    adapter.recordInteraction(interaction());
    adapter.saveState('p2:x');
    adapter.finish('leave');
    await t.waitFor(() => expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized', 'terminated']));
    // The LMS compares actors and agent parameters exactly (403 8.1.3.0-3 otherwise): nothing refused.
    expect(t.errors).toEqual([]);
    for (const s of t.ofSession(sessionId)) expect(JSON.stringify(s.actor)).toBe(JSON.stringify(given));
  });
});

describe('cmi5 adapter: the sessions of one registration', () => {
  it('reports completed and passed once per registration, and no failed after passed', async () => {
    const t = setting();
    const one = t.launch();
    const first = one.open();
    await first.start();
    first.setProgress({ completion: 'completed', success: 'passed', scorePercent: 85, progress: 1 });
    first.finish('leave');
    await t.waitFor(() => expect(t.definedOf(one.sessionId).map(verb)).toEqual(['initialized', 'completed', 'passed', 'terminated']));

    // Another day, another browser: only the State document remembers.
    const two = t.launch({}, { storage: memoryStorage(), tab: memoryStorage() });
    const second = two.open();
    await second.start();
    second.setProgress({ completion: 'completed', success: 'passed', scorePercent: 95, progress: 1 });
    second.setProgress({ completion: 'completed', success: 'failed', scorePercent: 50, progress: 1 });
    second.finish('leave');
    await t.waitFor(() => expect(t.definedOf(two.sessionId).map(verb)).toEqual(['initialized', 'terminated']));
  });

  it('asks the LRS what the registration reported when the resume document cannot be read: no second completed or passed', async () => {
    const t = setting();
    const one = t.launch();
    const first = one.open();
    await first.start();
    first.setProgress({ completion: 'completed', success: 'passed', scorePercent: 85, progress: 1 });
    first.finish('leave');
    await t.waitFor(() => expect(t.definedOf(one.sessionId).map(verb)).toEqual(['initialized', 'completed', 'passed', 'terminated']));
    // Damaged in the LMS (another tool, a migration): not a resume document; and another browser, so no mirror.
    const stateKey = ['parcours-state', t.activityId, t.registration].join('|');
    t.lms.documents.set(stateKey, '{"state": 42}');

    const two = t.launch({}, { storage: memoryStorage(), tab: memoryStorage() });
    const second = two.open();
    const info = await second.start();
    expect(info.savedState).toBe('{"state": 42}');
    // The learner starts again and finishes: the LMS already holds completed and passed.
    second.saveState('new progress');
    second.setProgress({ completion: 'completed', success: 'passed', scorePercent: 95, progress: 1 });
    second.finish('leave');
    await t.waitFor(() => expect(t.definedOf(two.sessionId).map(verb)).toEqual(['initialized', 'terminated']));
    expect(t.lms.statementQueries).toHaveLength(3);
    expect(JSON.parse(t.lms.readState(t, 'parcours-state')!).reported).toMatchObject({ completed: true, passed: true });
  });

  it('reports failed once for a finished, failed registration: a relaunch without new answers sends nothing', async () => {
    const t = setting();
    const one = t.launch();
    const first = one.open();
    await first.start();
    first.recordInteraction({ ...interaction(), result: 'wrong', scoreShare: 0 });
    first.setProgress({ completion: 'completed', success: 'failed', scorePercent: 40, progress: 1 });
    first.finish('leave');
    await t.waitFor(() => expect(t.definedOf(one.sessionId).map(verb)).toEqual(['initialized', 'completed', 'failed', 'terminated']));

    // A Normal relaunch: the core reports the same finished, failed course at start.
    const two = t.launch({}, { storage: memoryStorage(), tab: memoryStorage() });
    const second = two.open();
    await second.start();
    second.setProgress({ completion: 'completed', success: 'failed', scorePercent: 40, progress: 1 });
    second.finish('leave');
    await t.waitFor(() => expect(t.definedOf(two.sessionId).map(verb)).toEqual(['initialized', 'terminated']));

    // A session where the learner answers again (a quiz the course lets them retake): judged anew.
    const three = t.launch();
    const third = three.open();
    await third.start();
    third.recordInteraction({ ...interaction(), result: 'wrong', scoreShare: 0 });
    third.setProgress({ completion: 'completed', success: 'failed', scorePercent: 60, progress: 1 });
    third.finish('leave');
    await t.waitFor(() => expect(t.definedOf(three.sessionId).map(verb)).toEqual(['initialized', 'failed', 'terminated']));
  });

  it('reports a failed step AU once too', async () => {
    const t = setting({ step: 'enjeux' });
    const one = t.launch();
    const first = one.open();
    await first.start();
    first.recordObjective({ id: 'enjeux', status: 'failed', scorePercent: 50 });
    first.finish('leave');
    await t.waitFor(() => expect(t.definedOf(one.sessionId).map(verb)).toEqual(['initialized', 'completed', 'failed', 'terminated']));
    const two = t.launch();
    const second = two.open();
    await second.start();
    second.recordInteraction({ ...interaction(), objectiveId: 'typologie' }); // another step: not this AU's attempt
    second.recordObjective({ id: 'enjeux', status: 'failed', scorePercent: 50 });
    second.finish('leave');
    await t.waitFor(() => expect(t.definedOf(two.sessionId).map(verb)).toEqual(['initialized', 'terminated']));
  });
});

describe('cmi5 adapter: Browse and Review', () => {
  it.each(['Browse', 'Review'])('%s sends only initialized and terminated, and leaves the saved state alone', async (launchMode) => {
    const t = setting();
    const { sessionId, open } = t.launch({ launchMode });
    const adapter = open();
    expect((await adapter.start()).mode).toBe(launchMode.toLowerCase());
    adapter.recordVideoEvent?.(videoEvent('played'));
    adapter.recordInteraction(interaction());
    adapter.recordObjective({ id: 'enjeux', status: 'passed', scorePercent: 100 });
    adapter.saveState('browsed');
    adapter.setProgress({ completion: 'completed', success: 'passed', scorePercent: 100, progress: 1 });
    adapter.commit();
    adapter.finish('leave');
    await t.waitFor(() => expect(t.navigations).toEqual([RETURN_URL]));
    expect(t.ofSession(sessionId).map(verb)).toEqual(['initialized', 'terminated']);
    expect(t.lms.readState({ activityId: t.activityId, registration: t.registration }, 'parcours-state')).toBeUndefined();
  });
});

describe('cmi5 adapter: mastery score from LMS.LaunchData', () => {
  it('hands the LMS’s mastery score to the core and judges by it', async () => {
    const t = setting();
    const { sessionId, open } = t.launch({ masteryScore: 0.9 });
    const adapter = open();
    expect((await adapter.start()).masteryScore).toBe(90);
    // 85 % would pass the course's 80 %, not the LMS's 90 %: a passed here is refused…
    adapter.setProgress({ completion: 'incomplete', success: 'passed', scorePercent: 85, progress: 0.5 });
    // …and the core, told 90, reports failed once the course is finished.
    adapter.setProgress({ completion: 'completed', success: 'failed', scorePercent: 85, progress: 1 });
    adapter.finish('leave');
    await t.waitFor(() => expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized', 'completed', 'failed', 'terminated']));
    const failed = t.definedOf(sessionId)[2];
    expect(failed?.result).toMatchObject({ success: false, score: { scaled: 0.85, raw: 85 } });
    expect(failed?.context?.extensions?.[CMI5 + 'context/extensions/masteryscore']).toBe(0.9);
  });

  it('uses the course passing score when the LMS gives none, and then adds no masteryscore extension', async () => {
    const t = setting();
    const { sessionId, open } = t.launch({ masteryScore: undefined });
    const adapter = open();
    expect((await adapter.start()).masteryScore).toBeUndefined();
    adapter.setProgress({ completion: 'incomplete', success: 'passed', scorePercent: 80, progress: 0.5 });
    adapter.finish('leave');
    await t.waitFor(() => expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized', 'passed', 'terminated']));
    expect(t.definedOf(sessionId)[1]?.context?.extensions?.[CMI5 + 'context/extensions/masteryscore']).toBeUndefined();
  });
});

describe('cmi5 adapter: launch problems', () => {
  it('tells the learner when the fetch URL was already used, and stays silent', async () => {
    const t = setting();
    const { params } = t.launch();
    await t.lms.fetch(params.fetchUrl, { method: 'POST' }); // someone used the one-time URL before us
    const adapter = t.open(params);
    expect(await adapter.start()).toEqual({ savedState: null, mode: 'normal' });
    adapter.setProgress({ completion: 'completed', success: 'passed', scorePercent: 100, progress: 1 });
    adapter.finish('leave');
    expect(t.errors.map((e) => e.problem)).toEqual(['fetch-refused']);
    expect(t.lms.statements).toEqual([]);
  });

  it('tells the learner when the LMS wrote no LMS.LaunchData', async () => {
    const t = setting();
    const { params } = t.launch();
    t.lms.documents.clear();
    await t.open(params).start();
    expect(t.errors.map((e) => e.problem)).toEqual(['launch-data-missing']);
    expect(t.lms.statements).toEqual([]);
  });

  it('says the LMS refused the launch data, with its answer, when it does (here: an actor it does not know)', async () => {
    const t = setting();
    const { params } = t.launch();
    const stranger = { name: 'Someone Else', account: { homePage: 'https://lms.example.org', name: 'other' } };
    await t.open({ ...params, actor: stranger as typeof params.actor }).start();
    expect(t.errors.map((e) => [e.problem, e.status])).toEqual([['launch-data-refused', 403]]);
    expect(t.lms.statements).toEqual([]);
    // LaunchData and the learner preferences, asked together, both refused.
    expect(new Set(t.lms.refusals.map((r) => r.requirement))).toEqual(new Set(['8.1.3.0-3']));
    t.lms.refusals.length = 0; // expected here; the check after each test wants none
  });

  it('reads the learner’s language preference', async () => {
    const t = setting();
    t.lms.setPreferences({ languagePreference: 'en-GB,fr-FR', audioPreference: 'on' });
    expect((await t.launch().open().start()).language).toBe('en');
  });
});

describe('cmi5 adapter: one AU per step', () => {
  it('opens its step and reports the step as the AU: completed, passed on the step’s quizzes', async () => {
    const t = setting({ step: 'enjeux' });
    const { sessionId, open } = t.launch();
    const adapter = open();
    const info = await adapter.start();
    expect(info.location).toBe('enjeux');
    expect(info.masteryScore).toBeUndefined();
    adapter.setProgress({ completion: 'incomplete', success: 'failed', scorePercent: 10, progress: 0.1 }); // the course: not this AU
    adapter.recordObjective({ id: 'typologie', status: 'completed' }); // another step: allowed statement
    adapter.recordObjective({ id: 'enjeux', status: 'passed', scorePercent: 100 });
    adapter.finish('leave');
    await t.waitFor(() => expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized', 'completed', 'passed', 'terminated']));
    const defined = t.definedOf(sessionId);
    expect(defined.every((s) => objectId(s) === t.activityId)).toBe(true);
    expect((defined[0]?.object as { definition?: { type?: string } }).definition?.type).toBe('http://adlnet.gov/expapi/activities/module');
    expect(defined[2]?.result?.score).toEqual({ scaled: 1, raw: 100, min: 0, max: 100 });
    expect(t.ofSession(sessionId).filter((s) => objectId(s).endsWith('/steps/typologie')).map(verb)).toEqual(['completed']);
  });

  it('fails the step only once it is finished below the mastery score', async () => {
    const t = setting({ step: 'enjeux' });
    const { sessionId, open } = t.launch();
    const adapter = open();
    await adapter.start();
    adapter.recordObjective({ id: 'enjeux', status: 'incomplete', scorePercent: 50 });
    adapter.recordObjective({ id: 'enjeux', status: 'failed', scorePercent: 60 });
    adapter.finish('leave');
    await t.waitFor(() => expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized', 'completed', 'failed', 'terminated']));
  });
});
