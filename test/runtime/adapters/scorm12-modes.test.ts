/**
 * Review and browse launches (`cmi.core.lesson_mode`), against scorm-again. SCORM 1.2: in
 * review the learner looks back at a finished attempt, in browse (an LMS's Preview) the
 * learner looks around without credit (`cmi.core.credit=no-credit`). Neither may change what
 * the LMS adds up for the graded attempt: no time (Moodle adds every `session_time` to the
 * attempt's total time), no status beyond `browsed`, no score, answers, objectives or resume
 * data that a later normal launch would pick up.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createScorm12Adapter } from '../../../src/runtime/adapters/scorm12.js';
import type { LmsAdapter } from '../../../src/runtime/adapters/lms-adapter.js';
import { lmsData, newLms, recording, type LmsCall } from './scorm12-lms.js';
import { manualClock, multipleChoiceAnswer } from './scorm12-fixtures.js';

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
});

/** Everything the core does in a busy session: pages, answers, a verdict, 40 minutes, Leave. */
async function busySession(adapter: LmsAdapter, clock: ReturnType<typeof manualClock>): Promise<void> {
  await adapter.start();
  adapter.setLocation('typologie/typologie-quiz');
  adapter.saveState('p2:Ltypologie/typologie-quiz');
  adapter.recordInteraction(multipleChoiceAnswer());
  adapter.recordObjective({ id: 'typologie', scorePercent: 100, status: 'passed' });
  adapter.setProgress({ completion: 'completed', success: 'passed', scorePercent: 100, progress: 1, status: 'passed' });
  adapter.commit();
  clock.advance(40 * 60 * 1000);
  adapter.finish('leave');
}

const setsOf = (calls: LmsCall[]) => calls.filter((c) => c.method === 'LMSSetValue').map((c) => `${c.args[0]}=${c.args[1]}`);
const count = (calls: LmsCall[], method: LmsCall['method']) => calls.filter((c) => c.method === method).length;

describe('Scorm12Adapter in review and browse launches', () => {
  it('review: writes nothing, not even the session time, commits nothing, and still finishes', async () => {
    const lms = newLms({
      'cmi.core.entry': '',
      'cmi.core.lesson_mode': 'review',
      'cmi.core.credit': 'no-credit',
      'cmi.core.lesson_status': 'passed',
      'cmi.core.score.raw': '85',
      'cmi.suspend_data': 'p2:Ltypologie',
    });
    const { api, calls } = recording(lms);
    const clock = manualClock();
    const adapter = createScorm12Adapter(api, { now: clock.now });
    await busySession(adapter, clock);

    expect(setsOf(calls)).toEqual([]);
    expect(count(calls, 'LMSCommit')).toBe(0);
    expect(count(calls, 'LMSFinish')).toBe(1);
    expect(lmsData(lms).core).toMatchObject({ lesson_status: 'passed', score: { raw: '85' }, session_time: '00:00:00' });
  });

  it('browse: marks the attempt browsed, and nothing of the session reaches the LMS', async () => {
    const lms = newLms({ 'cmi.core.entry': 'ab-initio', 'cmi.core.lesson_mode': 'browse', 'cmi.core.credit': 'no-credit' });
    const { api, calls } = recording(lms);
    const clock = manualClock();
    await busySession(createScorm12Adapter(api, { now: clock.now }), clock);

    expect(setsOf(calls)).toEqual(['cmi.core.lesson_status=browsed']);
    const cmi = lmsData(lms);
    expect(cmi.core).toMatchObject({ lesson_status: 'browsed', lesson_location: '', exit: '', session_time: '00:00:00', score: { raw: '' } });
    expect(cmi.suspend_data).toBe('');
    expect(count(calls, 'LMSFinish')).toBe(1);
  });

  it('browse: a later normal launch starts from what the graded attempt held, not from the preview', async () => {
    // A graded session first, left half-way…
    const first = newLms({ 'cmi.core.entry': 'ab-initio', 'cmi.core.lesson_mode': 'normal', 'cmi.core.credit': 'credit' });
    const graded = createScorm12Adapter(first);
    await graded.start();
    graded.setLocation('enjeux');
    graded.saveState('p2:Lenjeux');
    graded.setProgress({ completion: 'incomplete', progress: 0.2, status: 'incomplete' });
    graded.finish('leave');
    const kept = lmsData(first);

    // …then a preview of the same attempt, where the learner goes everywhere…
    const preview = newLms({
      'cmi.core.entry': 'resume',
      'cmi.core.lesson_mode': 'browse',
      'cmi.core.credit': 'no-credit',
      'cmi.core.lesson_status': kept.core.lesson_status,
      'cmi.core.lesson_location': kept.core.lesson_location,
      'cmi.suspend_data': kept.suspend_data,
    });
    const clock = manualClock();
    await busySession(createScorm12Adapter(preview, { now: clock.now }), clock);

    // …and the next graded launch resumes the graded attempt as it was.
    const after = lmsData(preview);
    const relaunch = await createScorm12Adapter(
      newLms({
        'cmi.core.entry': 'resume',
        'cmi.core.lesson_mode': 'normal',
        'cmi.core.credit': 'credit',
        'cmi.core.lesson_status': after.core.lesson_status,
        'cmi.core.lesson_location': after.core.lesson_location,
        'cmi.suspend_data': after.suspend_data,
      }),
    ).start();
    expect(relaunch).toMatchObject({ savedState: 'p2:Lenjeux', location: 'enjeux', mode: 'normal' });
    expect(after.core.lesson_status).toBe('incomplete');
    expect(after.core.score.raw).toBe('');
  });
});
