/**
 * The SCORM 1.2 adapter writes the single status the core words from `reportStatusAs`
 * (ProgressRecord.status) into `cmi.core.lesson_status`, against scorm-again; with a mastery
 * score it holds score.raw back while that status is `incomplete`.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createScorm12Adapter } from '../../../src/runtime/adapters/scorm12.js';
import type { ProgressRecord } from '../../../src/runtime/adapters/lms-adapter.js';
import { lmsData, newLms } from './scorm12-lms.js';

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
});

const normal = { 'cmi.core.credit': 'credit', 'cmi.core.lesson_mode': 'normal' };

describe('Scorm12Adapter and reportStatusAs', () => {
  it.each([
    ['completed', { completion: 'completed', success: 'passed', scorePercent: 90, progress: 1, status: 'completed' }],
    ['incomplete', { completion: 'completed', success: 'failed', scorePercent: 20, progress: 1, status: 'incomplete' }],
    ['failed', { completion: 'incomplete', success: 'failed', scorePercent: 20, progress: 0.5, status: 'failed' }],
    ['passed', { completion: 'completed', success: 'passed', scorePercent: 90, progress: 1, status: 'passed' }],
  ] as [string, ProgressRecord][])('writes lesson_status %s as the core words it, and the score', async (expected, progress) => {
    const lms = newLms(normal);
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    adapter.setProgress(progress);
    adapter.finish('leave');
    expect(lmsData(lms).core).toMatchObject({ lesson_status: expected, score: { raw: String(progress.scorePercent) } });
  });

  it('with a mastery score, holds score.raw back while the status stays incomplete, even once the course failed', async () => {
    const lms = newLms({ ...normal, 'cmi.student_data.mastery_score': '60' });
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    // passed/incomplete: a failed course stays incomplete; a score below the mastery score would make the LMS fail it.
    adapter.setProgress({ completion: 'completed', success: 'failed', scorePercent: 20, progress: 1, status: 'incomplete' });
    adapter.finish('leave');
    expect(lmsData(lms).core).toMatchObject({ lesson_status: 'incomplete', score: { raw: '' } });
  });

  it('with a mastery score, holds score.raw back while a passed learner has not completed the course', async () => {
    const lms = newLms({ ...normal, 'cmi.student_data.mastery_score': '60' });
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    adapter.setProgress({ completion: 'incomplete', success: 'passed', scorePercent: 90, progress: 0.5, status: 'incomplete' });
    expect(lmsData(lms).core).toMatchObject({ lesson_status: 'incomplete', score: { raw: '' } });
    adapter.setProgress({ completion: 'completed', success: 'passed', scorePercent: 90, progress: 1, status: 'passed' });
    adapter.finish('leave');
    expect(lmsData(lms).core).toMatchObject({ lesson_status: 'passed', score: { raw: '90' } });
  });
});
