import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createScorm12Adapter } from '../../../src/runtime/adapters/scorm12.js';
import { lmsData, newLms, recording } from './scorm12-lms.js';
import { manualClock, multipleChoiceAnswer, trueFalseAnswer } from './scorm12-fixtures.js';

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
});

describe('Scorm12Adapter against scorm-again', () => {
  it('runs a whole first session and leaves the LMS holding every value in SCORM 1.2 formats', async () => {
    const lms = newLms({ 'cmi.core.entry': 'ab-initio', 'cmi.core.student_name': 'Martin, Camille' });
    const clock = manualClock();
    const adapter = createScorm12Adapter(lms, { now: clock.now });

    const launch = await adapter.start();
    expect(launch).toEqual({ savedState: null, mode: 'normal', learnerName: 'Camille Martin' });
    expect(lmsData(lms).core.lesson_status).toBe('incomplete');

    adapter.setLocation('enjeux/enjeux-quiz');
    adapter.saveState('p1:Lenjeux/enjeux-quiz|Venjeux-video');
    adapter.recordInteraction(multipleChoiceAnswer());
    adapter.recordInteraction(trueFalseAnswer());
    adapter.recordObjective({ id: 'enjeux', scorePercent: 66.666, status: 'failed' });
    adapter.setProgress({ completion: 'incomplete', success: 'failed', scorePercent: 66.666, progress: 0.5 });
    adapter.commit();
    clock.advance(((1 * 60 + 2) * 60 + 3) * 1000 + 450);
    adapter.finish('leave');

    const cmi = lmsData(lms);
    expect(cmi.core).toMatchObject({
      lesson_location: 'enjeux/enjeux-quiz',
      lesson_status: 'failed',
      score: { raw: '66.67', min: '0', max: '100' },
      session_time: '01:02:03.45',
      exit: 'suspend',
    });
    expect(cmi.suspend_data).toBe('p1:Lenjeux/enjeux-quiz|Venjeux-video');
    expect(cmi.interactions['0']).toMatchObject({
      id: 'enjeux-quiz.ressources',
      type: 'choice',
      student_response: '1,2',
      correct_responses: { '0': { pattern: '0,1,2' } },
      result: 'wrong',
      weighting: '1',
      latency: '00:00:12.34',
      time: '09:05:07',
      objectives: { '0': { id: 'enjeux' } },
    });
    expect(cmi.interactions['1']).toMatchObject({
      id: 'enjeux-quiz.nombre-etapes',
      type: 'true-false',
      student_response: 't',
      correct_responses: { '0': { pattern: 't' } },
      result: 'correct',
      weighting: '2',
    });
    expect(cmi.objectives['0']).toMatchObject({ id: 'enjeux', status: 'failed', score: { raw: '66.67', min: '0', max: '100' } });
    expect(warn).not.toHaveBeenCalled();
  });

  it('never writes `not attempted`, which Moodle refuses', async () => {
    const lms = newLms();
    const { api, calls } = recording(lms);
    const adapter = createScorm12Adapter(api);
    await adapter.start();
    adapter.setProgress({ completion: 'incomplete', progress: 0 });
    adapter.recordObjective({ id: 'enjeux', status: 'incomplete' });
    adapter.finish('pagehide');
    const written = calls.filter((c) => c.method === 'LMSSetValue').map((c) => c.args[1]);
    expect(written).not.toContain('not attempted');
    expect(lmsData(lms).core.lesson_status).toBe('incomplete');
  });

  it('resumes: hands back the saved state, location and mastery score, and keeps the status', async () => {
    const lms = newLms({
      'cmi.core.entry': 'resume',
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.lesson_location': 'typologie',
      'cmi.suspend_data': 'p1:Ltypologie',
      'cmi.student_data.mastery_score': '75',
      'cmi.core.lesson_mode': 'normal',
    });
    const { api, calls } = recording(lms);
    const launch = await createScorm12Adapter(api).start();
    expect(launch).toEqual({ savedState: 'p1:Ltypologie', location: 'typologie', mode: 'normal', masteryScore: 75 });
    expect(calls.filter((c) => c.method === 'LMSSetValue')).toEqual([]);
  });

  it('is lenient with an LMS that keeps data but leaves entry empty, and ignores data on ab-initio', async () => {
    const lenient = await createScorm12Adapter(newLms({ 'cmi.core.entry': '', 'cmi.suspend_data': 'p1:Lenjeux' })).start();
    expect(lenient.savedState).toBe('p1:Lenjeux');
    const fresh = await createScorm12Adapter(newLms({ 'cmi.core.entry': 'ab-initio', 'cmi.suspend_data': 'p1:Lenjeux' })).start();
    expect(fresh.savedState).toBeNull();
  });

  it('never lowers a status the learner reached', async () => {
    const lms = newLms();
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    adapter.setProgress({ completion: 'completed', success: 'passed', scorePercent: 90, progress: 1 });
    adapter.setProgress({ completion: 'incomplete', progress: 0.2 });
    adapter.setProgress({ completion: 'completed', success: 'failed', scorePercent: 40, progress: 1 });
    expect(lmsData(lms).core.lesson_status).toBe('passed');
  });

  it('holds the score back until the course decides when the LMS has a mastery score (it would fail a paused learner)', async () => {
    const lms = newLms({ 'cmi.student_data.mastery_score': '80', 'cmi.core.credit': 'credit', 'cmi.core.lesson_mode': 'normal' });
    const adapter = createScorm12Adapter(lms);
    expect((await adapter.start()).masteryScore).toBe(80);
    adapter.setProgress({ completion: 'incomplete', scorePercent: 50, progress: 0.25 });
    adapter.finish('pagehide');
    expect(lmsData(lms).core).toMatchObject({ lesson_status: 'incomplete', score: { raw: '' } });

    const decided = newLms({ 'cmi.student_data.mastery_score': '80', 'cmi.core.credit': 'credit', 'cmi.core.lesson_mode': 'normal' });
    const b = createScorm12Adapter(decided);
    await b.start();
    b.setProgress({ completion: 'completed', success: 'passed', scorePercent: 85, progress: 1 });
    b.finish('leave');
    expect(lmsData(decided).core).toMatchObject({ lesson_status: 'passed', score: { raw: '85' } });
  });

  it('lets a failed course become passed on a later try', async () => {
    const lms = newLms({ 'cmi.core.entry': 'resume', 'cmi.core.lesson_status': 'failed' });
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    adapter.setProgress({ completion: 'completed', success: 'passed', scorePercent: 85, progress: 1 });
    expect(lmsData(lms).core.lesson_status).toBe('passed');
  });

  it('exits with suspend while something is left to do, and normally once the course is passed', async () => {
    const unfinished = newLms();
    const a = createScorm12Adapter(unfinished);
    await a.start();
    a.setProgress({ completion: 'completed', success: 'failed', scorePercent: 40, progress: 1 });
    a.finish('pagehide');
    expect(lmsData(unfinished).core.exit).toBe('suspend');

    const done = newLms();
    const b = createScorm12Adapter(done);
    await b.start();
    b.setProgress({ completion: 'completed', success: 'passed', scorePercent: 100, progress: 1 });
    b.finish('leave');
    expect(lmsData(done).core.exit).toBe('');
  });

  it('finishes once: a second finish, and calls after it, reach no LMS', async () => {
    const { api, calls } = recording(newLms());
    const adapter = createScorm12Adapter(api);
    await adapter.start();
    adapter.finish('pagehide');
    const count = calls.length;
    adapter.finish('leave');
    adapter.saveState('p1:Lx');
    adapter.setProgress({ completion: 'completed', progress: 1 });
    adapter.commit();
    expect(calls.length).toBe(count);
    expect(calls.filter((c) => c.method === 'LMSFinish')).toHaveLength(1);
    expect(calls.at(-1)).toMatchObject({ method: 'LMSFinish', args: [''], result: 'true' });
  });

  it('passes "" to LMSInitialize, LMSCommit and LMSFinish', async () => {
    const { api, calls } = recording(newLms());
    const adapter = createScorm12Adapter(api);
    await adapter.start();
    adapter.commit();
    adapter.finish('leave');
    for (const call of calls.filter((c) => ['LMSInitialize', 'LMSCommit', 'LMSFinish'].includes(c.method))) {
      expect(call.args).toEqual(['']);
    }
  });

  it('refuses a state over 4,096 characters politely and keeps the previous one', async () => {
    const lms = newLms();
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    adapter.saveState('p1:Lenjeux');
    adapter.saveState('p1:L' + 'x'.repeat(4093));
    expect(lmsData(lms).suspend_data).toBe('p1:Lenjeux');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('4097 characters; SCORM 1.2 keeps 4096'));
    adapter.saveState('p1:L' + 'x'.repeat(4092));
    expect(lmsData(lms).suspend_data).toHaveLength(4096);
  });

  it('keeps a bookmark over 255 characters out of lesson_location', async () => {
    const lms = newLms();
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    adapter.setLocation('enjeux');
    adapter.setLocation('x'.repeat(256));
    expect(lmsData(lms).core.lesson_location).toBe('enjeux');
    expect(warn).toHaveBeenCalledOnce();
  });

  it('updates an objective the LMS already holds instead of adding a second one', async () => {
    const lms = newLms({
      'cmi.core.entry': 'resume',
      'cmi.objectives.0.id': 'enjeux',
      'cmi.objectives.0.status': 'incomplete',
      'cmi.objectives.1.id': 'typologie',
      'cmi.objectives.1.status': 'incomplete',
    });
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    adapter.recordObjective({ id: 'typologie', scorePercent: 100, status: 'passed' });
    adapter.recordObjective({ id: 'objectifs', status: 'completed' });
    adapter.recordObjective({ id: 'typologie', scorePercent: 100, status: 'passed' });
    const objectives = lmsData(lms).objectives;
    expect(Object.keys(objectives)).toEqual(['0', '1', '2']);
    expect(objectives['1']).toMatchObject({ id: 'typologie', status: 'passed', score: { raw: '100' } });
    expect(objectives['2']).toMatchObject({ id: 'objectifs', status: 'completed' });
  });

  it('appends each answer as a new interaction (SCORM 1.2 interactions are a journal)', async () => {
    const lms = newLms();
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    adapter.recordInteraction(trueFalseAnswer({ response: ['false'], result: 'wrong' }));
    adapter.recordInteraction(trueFalseAnswer());
    const interactions = lmsData(lms).interactions;
    expect(interactions['0']).toMatchObject({ student_response: 'f', result: 'wrong' });
    expect(interactions['1']).toMatchObject({ student_response: 't', result: 'correct' });
  });

  it('records nothing in review mode and marks a browse launch as browsed', async () => {
    const review = newLms({ 'cmi.core.lesson_mode': 'review', 'cmi.core.entry': 'resume', 'cmi.core.lesson_status': 'passed' });
    const { api, calls } = recording(review);
    const a = createScorm12Adapter(api);
    expect((await a.start()).mode).toBe('review');
    a.saveState('p1:Lx');
    a.recordInteraction(trueFalseAnswer());
    a.setProgress({ completion: 'incomplete', progress: 0 });
    const tracked = calls.filter((c) => c.method === 'LMSSetValue').map((c) => c.args[0]);
    expect(tracked).toEqual([]);

    const browse = newLms({ 'cmi.core.lesson_mode': 'browse' });
    const b = createScorm12Adapter(browse);
    await b.start();
    b.setProgress({ completion: 'incomplete', progress: 0.1 });
    expect(lmsData(browse).core.lesson_status).toBe('browsed');
  });

  it('skips objectives and interactions on an LMS that does not support them', async () => {
    const lms = newLms();
    const { api, calls } = recording(lms);
    const limited = { ...api, LMSGetValue: (el: string) => (/\._children$/.test(el) && !el.startsWith('cmi.core') ? lms.LMSGetValue('cmi.core.not_an_element') : api.LMSGetValue(el)) };
    const adapter = createScorm12Adapter(limited);
    await adapter.start();
    adapter.recordInteraction(multipleChoiceAnswer());
    adapter.recordObjective({ id: 'enjeux', status: 'completed' });
    adapter.setProgress({ completion: 'completed', progress: 1 });
    const written = calls.filter((c) => c.method === 'LMSSetValue').map((c) => c.args[0]);
    expect(written.some((el) => /interactions|objectives/.test(el!))).toBe(false);
    expect(lmsData(lms).core.lesson_status).toBe('completed');
  });

  it('writes a choice question with more than 36 choices as performance, keeping the answer', async () => {
    const lms = newLms();
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    const choices = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, text: `${i}` }));
    adapter.recordInteraction(multipleChoiceAnswer({ choices, response: ['c38'], correct: ['c39'] }));
    expect(lmsData(lms).interactions['0']).toMatchObject({ type: 'performance', student_response: 'c38', correct_responses: { '0': { pattern: 'c39' } } });
  });

  it('maps choices past the tenth to letters', async () => {
    const lms = newLms();
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    const choices = Array.from({ length: 36 }, (_, i) => ({ id: `c${i}`, text: `${i}` }));
    adapter.recordInteraction(multipleChoiceAnswer({ choices, response: ['c9', 'c10', 'c35'], correct: ['c0'] }));
    expect(lmsData(lms).interactions['0']).toMatchObject({ type: 'choice', student_response: '9,a,z', correct_responses: { '0': { pattern: '0' } } });
  });
});
