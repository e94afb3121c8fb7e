/**
 * `_count` values come from the LMS and are not trusted (issue 8 item 15): a huge
 * `cmi.objectives._count` once made the adapter read every slot, blocking the page for
 * minutes. Scans stop at a cap; a count that is not a plain number counts as 0.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createScorm12Adapter, MAX_SCANNED_SLOTS } from '../../../src/runtime/adapters/scorm12.js';
import type { Scorm12Api } from '../../../src/runtime/adapters/scorm12-api.js';
import { forwarding, lmsData, newLms, recording } from './scorm12-lms.js';
import { multipleChoiceAnswer } from './scorm12-fixtures.js';

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
});

/** The LMS answers `value` for every `_count` matching `element`, everything else as scorm-again does. */
function lyingCount(api: Scorm12Api, element: RegExp, value: string): Scorm12Api {
  return { ...forwarding(api), LMSGetValue: (el) => (element.test(el) ? value : api.LMSGetValue(el)) };
}

describe('Scorm12Adapter and the counts the LMS gives', () => {
  // (A count of 10^20 once spun for hours; 200,000 shows the cap while keeping the run short without it.)
  it('reads at most a capped number of objective slots, whatever _count says', async () => {
    const count = '200000';
    const lms = newLms();
    const { api, calls } = recording(lms);
    const adapter = createScorm12Adapter(lyingCount(api, /^cmi\.objectives\._count$/, count));
    await adapter.start();
    adapter.recordObjective({ id: 'enjeux', status: 'completed' });
    adapter.recordObjective({ id: 'typologie', status: 'incomplete' });
    const slotReads = calls.filter((c) => c.method === 'LMSGetValue' && /^cmi\.objectives\.\d+\.id$/.test(c.args[0]!));
    expect(slotReads.length).toBeLessThanOrEqual(MAX_SCANNED_SLOTS);
    expect(MAX_SCANNED_SLOTS).toBeLessThanOrEqual(1000);
  });

  it.each(['abc', '-3', '', '12abc', '0x10', '1e9', ' 7'])('takes an objectives _count of "%s" as 0 and still records the objective', async (count) => {
    const lms = newLms();
    const adapter = createScorm12Adapter(lyingCount(lms, /^cmi\.objectives\._count$/, count));
    await adapter.start();
    adapter.recordObjective({ id: 'enjeux', scorePercent: 75, status: 'passed' });
    expect(lmsData(lms).objectives['0']).toMatchObject({ id: 'enjeux', status: 'passed', score: { raw: '75' } });
  });

  it('appends interactions after its own when the interactions _count is unusable', async () => {
    const lms = newLms();
    const adapter = createScorm12Adapter(lyingCount(lms, /^cmi\.interactions\._count$/, 'lots'));
    await adapter.start();
    adapter.recordInteraction(multipleChoiceAnswer());
    adapter.recordInteraction(multipleChoiceAnswer({ response: ['video'] }));
    expect(Object.keys(lmsData(lms).interactions)).toEqual(['0', '1']);
  });
});
