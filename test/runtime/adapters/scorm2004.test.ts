/**
 * The SCORM 2004 adapter against scorm-again's Scorm2004API (a spec-checking LMS): a whole
 * session, every question type in 2004 formats accepted with error 0, the status care, resume,
 * review, hostile values from the LMS, refusals logged and never thrown.
 */
import { Scorm2004API } from 'scorm-again';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { InteractionRecord } from '../../../src/runtime/adapters/lms-adapter.js';
import { createScorm2004Adapter, type Scorm2004Api } from '../../../src/runtime/adapters/scorm2004.js';
import { sharedStateId } from '../../../src/shared/scorm2004-ids.js';
import { manualClock, multipleChoiceAnswer, trueFalseAnswer } from './scorm12-fixtures.js';

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

function newLms(cmi: Record<string, string> = {}): Scorm2004API {
  const lms = new Scorm2004API({ logLevel: 5 });
  if (Object.keys(cmi).length > 0) lms.loadFromFlattenedJSON(cmi, '');
  return lms;
}

interface Call {
  method: string;
  args: string[];
  error: string;
}

/** The LMS with every call recorded, with the error code it left. */
function recording(lms: Scorm2004API): { api: Scorm2004Api; calls: Call[] } {
  const calls: Call[] = [];
  const wrap =
    (method: keyof Scorm2004Api) =>
    (...args: string[]) => {
      const result = (lms[method] as (...a: string[]) => unknown).apply(lms, args);
      if (!/GetLastError|GetErrorString|GetDiagnostic/.test(method)) calls.push({ method, args, error: String(lms.GetLastError()) });
      return result;
    };
  const methods = ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'] as const;
  return { api: Object.fromEntries(methods.map((m) => [m, wrap(m)])) as unknown as Scorm2004Api, calls };
}

const data = (lms: Scorm2004API) => (lms.renderCommitCMI(true) as { cmi: Record<string, any> }).cmi;
const sets = (calls: Call[]) => calls.filter((c) => c.method === 'SetValue');
/** The navigation request the SCO made (the LMS forgets it once it has acted on it at Terminate). */
const navRequest = (calls: Call[]) => sets(calls).filter((c) => c.args[0] === 'adl.nav.request' && c.error === '0').map((c) => c.args[1]);
const options = { courseId: 'valorisez-cooperation', language: 'fr', passingScore: 80 };

function record(overrides: Partial<InteractionRecord>): InteractionRecord {
  return multipleChoiceAnswer({ choices: [], ...overrides });
}

describe('Scorm2004Adapter against scorm-again', () => {
  it('runs a whole session: completion and success apart, scaled score, progress, ISO session time, suspend', async () => {
    const lms = newLms({ 'cmi.learner_name': 'Camille Martin' });
    const { api, calls } = recording(lms);
    const clock = manualClock();
    const adapter = createScorm2004Adapter(api, { ...options, now: clock.now });
    expect(await adapter.start()).toEqual({ savedState: null, mode: 'normal', learnerName: 'Camille Martin' });
    adapter.setLocation('enjeux/enjeux-quiz');
    adapter.saveState('p2:Lenjeux/enjeux-quiz');
    adapter.recordInteraction(multipleChoiceAnswer());
    adapter.recordInteraction(trueFalseAnswer());
    adapter.recordObjective({ id: 'enjeux', scorePercent: 66.666, status: 'failed' });
    adapter.setProgress({ completion: 'incomplete', success: 'failed', scorePercent: 66.666, progress: 0.5 });
    adapter.commit();
    clock.advance(((1 * 60 + 2) * 60 + 3) * 1000 + 450);
    adapter.finish('leave');

    const cmi = data(lms);
    expect(cmi).toMatchObject({
      location: 'enjeux/enjeux-quiz',
      suspend_data: 'p2:Lenjeux/enjeux-quiz',
      completion_status: 'incomplete',
      success_status: 'failed',
      progress_measure: '0.5',
      score: { scaled: '0.66666', raw: '66.666', min: '0', max: '100' },
      session_time: 'PT1H2M3.45S',
      exit: 'suspend',
    });
    expect(cmi.interactions['0']).toMatchObject({
      id: 'enjeux-quiz.ressources',
      type: 'choice',
      learner_response: 'quiz[,]fiche',
      correct_responses: { '0': { pattern: 'video[,]quiz[,]fiche' } },
      result: 'incorrect',
      weighting: '1',
      latency: 'PT12.34S',
      description: '{lang=fr}Que trouvez-vous à chaque étape du parcours ?',
      objectives: { '0': { id: 'enjeux' } },
    });
    expect(cmi.interactions['0'].timestamp).toMatch(/^2024-01-02T\d\d:05:07\.00Z$/);
    expect(cmi.interactions['1']).toMatchObject({ type: 'true-false', learner_response: 'true', correct_responses: { '0': { pattern: 'true' } }, result: 'correct', weighting: '2' });
    expect(cmi.objectives['0']).toMatchObject({ id: 'enjeux', success_status: 'failed', completion_status: 'completed', score: { scaled: '0.66666' } });
    expect(navRequest(calls)).toEqual(['suspendAll']);
    expect(sets(calls).filter((c) => c.error !== '0')).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('writes every question type in the 2004 formats, accepted by the LMS (error 0)', async () => {
    const cases: [Partial<InteractionRecord>, Record<string, string>][] = [
      [{ interactionType: 'matching', response: ['s1.t2', 's2.t1'], correct: ['s1.t1', 's2.t2'] }, { type: 'matching', learner_response: 's1[.]t2[,]s2[.]t1', pattern: 's1[.]t1[,]s2[.]t2' }],
      [{ interactionType: 'sequencing', response: ['c', 'a', 'b'], correct: ['a', 'b', 'c'] }, { type: 'sequencing', learner_response: 'c[,]a[,]b', pattern: 'a[,]b[,]c' }],
      [{ interactionType: 'likert', response: ['p3'], correct: [], result: 'neutral', weight: 0 }, { type: 'likert', learner_response: 'p3', result: 'neutral' }],
      [
        { interactionType: 'fill-in', response: ['Convention', '{trois}'], correct: ['convention', 'deux'], caseSensitive: false },
        { type: 'fill-in', learner_response: '{lang=fr}Convention[,]{lang=fr}(trois}', pattern: '{case_matters=false}{lang=fr}convention[,]{lang=fr}deux' },
      ],
      [{ interactionType: 'fill-in', response: ['Paris'], correct: ['Paris'], caseSensitive: true, result: 'correct' }, { type: 'fill-in', pattern: '{case_matters=true}{lang=fr}Paris' }],
      [{ interactionType: 'numeric', response: ['42.5'], correct: ['35', '45'], result: 'correct' }, { type: 'numeric', learner_response: '42.5', pattern: '35[:]45' }],
      [{ interactionType: 'true-false', response: ['false'], correct: ['true'] }, { type: 'true-false', learner_response: 'false', pattern: 'true' }],
      // Partly right: the points earned of the weighting.
      [{ interactionType: 'choice', response: ['a'], correct: ['a', 'b'], scoreShare: 0.5, weight: 3 }, { type: 'choice', result: '1.5' }],
      // What a format cannot hold goes as `other`, still recorded.
      [{ interactionType: 'sequencing', response: Array.from({ length: 37 }, (_, i) => `o${i}`), correct: ['o0'] }, { type: 'other' }],
      [{ interactionType: 'choice', response: ['une réponse'], correct: ['a'] }, { type: 'other', learner_response: 'une réponse' }],
    ];
    for (const [overrides, expected] of cases) {
      const lms = newLms();
      const { api, calls } = recording(lms);
      const adapter = createScorm2004Adapter(api, options);
      await adapter.start();
      adapter.recordInteraction(record(overrides));
      const interaction = data(lms).interactions['0'];
      const { pattern, ...rest } = expected;
      expect(interaction, JSON.stringify(overrides)).toMatchObject(rest);
      if (pattern) expect(interaction.correct_responses['0'].pattern).toBe(pattern);
      expect(sets(calls).filter((c) => c.error !== '0'), JSON.stringify(overrides)).toEqual([]);
    }
  });

  it('holds the score back until the course decides when the LMS has a scaled passing score, and sends progress 1 only when completed', async () => {
    const lms = newLms({ 'cmi.scaled_passing_score': '0.8', 'cmi.completion_threshold': '1' });
    const { api, calls } = recording(lms);
    const adapter = createScorm2004Adapter(api, options);
    expect((await adapter.start()).masteryScore).toBe(80);
    adapter.setProgress({ completion: 'incomplete', scorePercent: 25, progress: 0.4 });
    expect(data(lms).score.scaled).toBe('');
    // The LMS derives completion from the progress measure and the threshold: they agree with the course.
    expect(lms.GetValue('cmi.completion_status')).toBe('incomplete');
    adapter.setProgress({ completion: 'completed', success: 'passed', scorePercent: 90, progress: 1 });
    expect(data(lms)).toMatchObject({ progress_measure: '1', score: { scaled: '0.9' } });
    expect(lms.GetValue('cmi.completion_status')).toBe('completed');
    expect(lms.GetValue('cmi.success_status')).toBe('passed');
    adapter.finish('leave');
    expect(data(lms).exit).toBe('normal');
    expect(navRequest(calls)).toEqual(['exitAll']);
  });

  it('sends the running score without a scaled passing score, and never moves a status back', async () => {
    const lms = newLms();
    const adapter = createScorm2004Adapter(lms as unknown as Scorm2004Api, options);
    await adapter.start();
    adapter.setProgress({ completion: 'incomplete', scorePercent: 25, progress: 0.4 });
    expect(data(lms).score.scaled).toBe('0.25');
    adapter.setProgress({ completion: 'completed', success: 'passed', scorePercent: 90, progress: 1 });
    adapter.setProgress({ completion: 'incomplete', success: 'failed', scorePercent: 10, progress: 0.2 });
    expect(data(lms)).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
  });

  it('resumes: entry resume gives the saved state and the location', async () => {
    const lms = newLms({ 'cmi.entry': 'resume', 'cmi.suspend_data': 'p2:Lx', 'cmi.location': 'enjeux/enjeux-quiz', 'cmi.completion_status': 'incomplete' });
    const { api, calls } = recording(lms);
    const adapter = createScorm2004Adapter(api, options);
    expect(await adapter.start()).toMatchObject({ savedState: 'p2:Lx', location: 'enjeux/enjeux-quiz', mode: 'normal' });
    adapter.saveState('p2:Lx');
    adapter.setLocation('enjeux/enjeux-quiz');
    // The overview ('') is not sent: scorm-again refuses an empty cmi.location (406).
    adapter.setLocation('');
    // Unchanged values are not sent again, and the status already there is not written again.
    expect(sets(calls)).toEqual([]);
  });

  it('in review, reads and writes nothing the LMS would keep: only Initialize, reads and Terminate', async () => {
    const lms = newLms({ 'cmi.mode': 'review', 'cmi.credit': 'no-credit', 'cmi.entry': 'resume', 'cmi.suspend_data': 'p2:Lx' });
    const { api, calls } = recording(lms);
    const adapter = createScorm2004Adapter(api, options);
    expect(await adapter.start()).toMatchObject({ mode: 'review', savedState: 'p2:Lx' });
    adapter.saveState('p2:Ly');
    adapter.setLocation('a/b');
    adapter.recordInteraction(multipleChoiceAnswer());
    adapter.recordObjective({ id: 'enjeux', status: 'passed', scorePercent: 100 });
    adapter.setProgress({ completion: 'completed', success: 'passed', scorePercent: 100, progress: 1 });
    adapter.commit();
    adapter.finish('leave');
    expect(calls.map((c) => c.method).filter((m) => m !== 'GetValue')).toEqual(['Initialize', 'Terminate']);
  });

  it('checks values read from the LMS: a huge objective count, an oversized suspend_data, a location too long', async () => {
    const huge = 'x'.repeat(70_000);
    const fake = newLms();
    const api: Scorm2004Api = {
      ...(recording(fake).api as Scorm2004Api),
      GetValue: (el: string) =>
        el === 'cmi.objectives._count' || el === 'cmi.interactions._count' ? '999999999999' : el === 'cmi.suspend_data' ? huge : el === 'cmi.location' ? 'y'.repeat(5000) : el === 'cmi.entry' ? 'resume' : fake.GetValue(el),
    };
    const adapter = createScorm2004Adapter(api, options);
    const launch = await adapter.start();
    expect(launch.savedState).toHaveLength(64_000);
    expect(launch.location).toHaveLength(1000);
    const started = Date.now();
    adapter.recordObjective({ id: 'enjeux', status: 'incomplete' });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(warn.mock.calls.some(([m]) => /cmi\.suspend_data: 70000 > 64000 characters, cut/.test(String(m)))).toBe(true);
  });

  it('never sends a value the data model refuses, and logs an LMS refusal with its code without throwing', async () => {
    const lms = newLms();
    const { api, calls } = recording(lms);
    const adapter = createScorm2004Adapter(api, options);
    await adapter.start();
    adapter.saveState('x'.repeat(64_001));
    expect(sets(calls).some((c) => c.args[0] === 'cmi.suspend_data')).toBe(false);
    expect(warn.mock.calls.some(([m]) => /SetValue\(cmi\.suspend_data\) not sent/.test(String(m)))).toBe(true);
    const refusing: Scorm2004Api = { ...api, SetValue: (el, v) => (el === 'cmi.location' ? lms.SetValue('cmi.learner_id', v) : lms.SetValue(el, v)) };
    const second = createScorm2004Adapter(refusing, options);
    await second.start();
    expect(() => second.setLocation('enjeux')).not.toThrow();
    expect(warn.mock.calls.some(([m]) => /SetValue\(cmi\.location, enjeux\) refused: 40\d/.test(String(m)))).toBe(true);
  });

  it('one SCO per step: reports its step, and keeps the course state in the shared adl.data store', async () => {
    const lms = new Scorm2004API({ logLevel: 5, globalStudentPreferences: false } as never);
    // The LMS holds the store the manifest maps (adl.data), already written by another step's SCO.
    lms.loadFromFlattenedJSON({ 'adl.data.0.id': sharedStateId(options.courseId) } as never, '');
    const { api, calls } = recording(lms);
    const first = createScorm2004Adapter(api, { ...options, step: 'enjeux' });
    await first.start();
    first.saveState('p2:shared');
    first.setProgress({ completion: 'completed', success: 'passed', scorePercent: 100, progress: 1 });
    expect(data(lms).completion_status).toBe('incomplete');
    first.recordObjective({ id: 'outils', status: 'completed' });
    expect(data(lms).completion_status).toBe('incomplete');
    first.recordObjective({ id: 'enjeux', status: 'passed', scorePercent: 85 });
    expect(data(lms)).toMatchObject({ completion_status: 'completed', success_status: 'passed', progress_measure: '1', score: { scaled: '0.85' } });
    expect(lms.GetValue('adl.data.0.store')).toBe('p2:shared');
    first.finish('leave');
    expect(navRequest(calls)).toEqual(['suspendAll']);
  });
});
