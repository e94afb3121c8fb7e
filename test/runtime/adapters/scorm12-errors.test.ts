/**
 * Every SCORM 1.2 error code scorm-again can answer with, met by the adapter mid-session:
 * it is logged with the LMS's error string, nothing throws, and the rest of the session
 * still reaches the LMS.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createScorm12Adapter } from '../../../src/runtime/adapters/scorm12.js';
import type { Scorm12Api } from '../../../src/runtime/adapters/scorm12-api.js';
import {
  forwarding,
  GET_REFUSALS,
  lmsData,
  newLms,
  refusingGet,
  refusingSet,
  SET_REFUSALS,
} from './scorm12-lms.js';
import { multipleChoiceAnswer } from './scorm12-fixtures.js';

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
});

const warnings = (): string[] => warn.mock.calls.map((args) => String(args[0]));

/** A learner's whole session; it must run to the end whatever the LMS answers. */
async function session(api: Scorm12Api): Promise<void> {
  const adapter = createScorm12Adapter(api);
  await adapter.start();
  adapter.setLocation('enjeux/enjeux-quiz');
  adapter.saveState('p1:Lenjeux/enjeux-quiz');
  adapter.recordInteraction(multipleChoiceAnswer());
  adapter.recordObjective({ id: 'enjeux', scorePercent: 50, status: 'failed' });
  adapter.setProgress({ completion: 'completed', success: 'failed', scorePercent: 50, progress: 1 });
  adapter.commit();
  adapter.finish('pagehide');
}

describe('Scorm12Adapter when the LMS refuses', () => {
  for (const code of SET_REFUSALS) {
    it(`logs an LMSSetValue refused with ${code} and the learner goes on`, async () => {
      const lms = newLms();
      await expect(session(refusingSet(lms, /^cmi\.core\.lesson_location$/, code))).resolves.toBeUndefined();
      const errorString = lms.LMSGetErrorString(String(code));
      expect(errorString).not.toBe('');
      expect(warnings()).toContain(
        `[parcours] LMSSetValue(cmi.core.lesson_location, enjeux/enjeux-quiz) refused: ${code} ${errorString}`,
      );
      const cmi = lmsData(lms);
      expect(cmi.core.lesson_location).toBe('');
      expect(cmi.suspend_data).toBe('p1:Lenjeux/enjeux-quiz');
      expect(cmi.core.lesson_status).toBe('failed');
      expect(cmi.core.score.raw).toBe('50');
      expect(cmi.interactions['0'].student_response).toBe('1,2');
      expect(cmi.core.exit).toBe('suspend');
    });
  }

  for (const code of GET_REFUSALS) {
    it(`logs an LMSGetValue failing with ${code} and the learner goes on`, async () => {
      const lms = newLms({ 'cmi.core.entry': 'resume', 'cmi.suspend_data': 'p1:Lenjeux' });
      const adapter = createScorm12Adapter(refusingGet(lms, /^cmi\.core\.lesson_location$/, code));
      const launch = await adapter.start();
      expect(launch.savedState).toBe('p1:Lenjeux');
      expect(launch.location).toBeUndefined();
      expect(warnings()).toContain(`[parcours] LMSGetValue(cmi.core.lesson_location) failed: ${code} ${lms.LMSGetErrorString(String(code))}`);
      adapter.setProgress({ completion: 'completed', progress: 1 });
      adapter.finish('leave');
      expect(lmsData(lms).core.lesson_status).toBe('completed');
    });
  }

  it('goes on when the LMS says it was already initialised (101)', async () => {
    const lms = newLms();
    lms.LMSInitialize('');
    await session(lms);
    expect(warnings()).toContain(`[parcours] LMSInitialize("") failed: 101 ${lms.LMSGetErrorString('101')}`);
    expect(lmsData(lms).core.lesson_status).toBe('failed');
    expect(lmsData(lms).suspend_data).toBe('p1:Lenjeux/enjeux-quiz');
  });

  it('survives an LMS that never initialises (301 on every call)', async () => {
    const lms = newLms();
    const api = { ...forwarding(lms), LMSInitialize: () => 'false' };
    await expect(session(api)).resolves.toBeUndefined();
    const notInitialized = `301 ${lms.LMSGetErrorString('301')}`;
    expect(warnings().some((w) => w.startsWith('[parcours] LMSSetValue(cmi.suspend_data,') && w.endsWith(notInitialized))).toBe(true);
    expect(warnings()).toContain(`[parcours] LMSCommit("") failed: ${notInitialized}`);
  });

  it('survives an LMS whose interaction count is wrong (201 on the interaction)', async () => {
    const lms = newLms();
    const api = { ...forwarding(lms), LMSGetValue: (el: string) => (el === 'cmi.interactions._count' ? '7' : lms.LMSGetValue(el)) };
    await session(api);
    expect(warnings()).toContain(`[parcours] LMSSetValue(cmi.interactions.7.id, enjeux-quiz.ressources) refused: 201 ${lms.LMSGetErrorString('201')}`);
    // The interaction is abandoned at its id, not sprayed with further refusals.
    expect(warnings().filter((w) => w.includes('cmi.interactions.7'))).toHaveLength(1);
    expect(lmsData(lms).core.lesson_status).toBe('failed');
  });

  it('survives an LMS whose every call throws', async () => {
    const throwing = new Proxy({} as Scorm12Api, {
      get: () => () => {
        throw new Error('LMS gone');
      },
    });
    await expect(session(throwing)).resolves.toBeUndefined();
    expect(warnings().some((w) => w.includes('threw: LMS gone'))).toBe(true);
  });

  it('treats an LMS that answers with booleans and numbers as a string-speaking one', async () => {
    const lms = newLms();
    const api: Scorm12Api = {
      ...forwarding(lms),
      LMSInitialize: (p) => lms.LMSInitialize(p) === 'true',
      LMSSetValue: (el, v) => lms.LMSSetValue(el, v) === 'true',
      LMSGetLastError: () => Number(lms.LMSGetLastError()),
    };
    await session(api);
    expect(warn).not.toHaveBeenCalled();
    expect(lmsData(lms).core.lesson_status).toBe('failed');
  });
});
