/**
 * A resume document the LRS holds in another shape (here `reported.steps` a string, which made
 * every step completion throw): both adapters start blank, hand the document's text to the core
 * as the saved state (the core says it cannot be read and holds its own writes), report step
 * outcomes without throwing, and write nothing over the document until the core writes again
 * (the learner acted). Then the document is theirs, in its proper shape.
 */
import { describe, expect, it, vi } from 'vitest';
import { createXapiAdapter } from '../../../src/runtime/adapters/xapi.js';
import { memoryStorage } from '../../../src/runtime/xapi/storage.js';
import { sampleRuntimeCourse } from '../../support/runtime-course.js';
import { POLL } from '../../support/timeouts.js';
import { checkLmsAfterEach, setting } from '../cmi5/cmi5-setting.js';
import { fakeLrsFetch } from './fake-lrs.js';

checkLmsAfterEach();

const course = sampleRuntimeCourse();
const actor = { name: 'Camille Martin', mbox: 'mailto:camille@example.org' };
const spoiled = JSON.stringify({ state: 'p2:Lenjeux', location: 'enjeux', reported: { steps: 'enjeux' } });

function tinCan(lrs: ReturnType<typeof fakeLrsFetch>) {
  return createXapiAdapter({
    course,
    launch: { endpoint: 'https://lrs.example.org/xAPI/', auth: 'Basic dGVzdDp0ZXN0', actor, registration: '6a1f0f3e-8b5a-4b9e-9a55-1c0d2f0a5b11' },
    storage: memoryStorage(),
    fetch: lrs.fetch,
    baseDelayMs: 5,
  });
}

describe('an unusable resume document', () => {
  it('TinCan: handed to the core as it is, step outcomes reported, not written over until the core writes', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const lrs = fakeLrsFetch();
    // Where the adapter keeps its document: found by writing one first.
    const first = tinCan(lrs);
    await first.start();
    first.saveState('p2:');
    first.commit();
    await vi.waitFor(() => expect(lrs.documents.size).toBe(1), POLL);
    const [key] = [...lrs.documents.keys()];
    lrs.documents.set(key!, spoiled);

    const adapter = tinCan(lrs);
    const info = await adapter.start();
    expect(info.savedState).toBe(spoiled);
    expect(info.location).toBeUndefined();
    expect(() => adapter.recordObjective({ id: 'enjeux', status: 'completed' })).not.toThrow();
    adapter.commit(); // a checkpoint of the core before the learner did anything
    await vi.waitFor(() => expect(lrs.statements.some((s) => (s.object as { id: string }).id.endsWith('/steps/enjeux'))).toBe(true), POLL);
    expect(lrs.documents.get(key!)).toBe(spoiled);

    adapter.saveState('p2:Vnew');
    adapter.commit();
    await vi.waitFor(() => expect(JSON.parse(lrs.documents.get(key!) ?? '{}')).toMatchObject({ state: 'p2:Vnew', reported: { steps: { enjeux: 'completed' } } }), POLL);
  });

  it('cmi5: the same, and nothing written over it at the end of a session where the learner did nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const t = setting();
    const key = ['parcours-state', t.activityId, t.registration].join('|');
    t.lms.documents.set(key, spoiled);
    const first = t.launch().open();
    expect((await first.start()).savedState).toBe(spoiled);
    expect(() => first.recordObjective({ id: 'typologie', status: 'completed' })).not.toThrow();
    first.commit();
    first.finish('leave');
    await t.waitFor(() => expect(t.navigations).toHaveLength(1));
    expect(t.lms.documents.get(key)).toBe(spoiled);

    const second = t.launch().open();
    expect((await second.start()).savedState).toBe(spoiled);
    second.setLocation('enjeux/enjeux-quiz');
    second.saveState('p2:Vnew');
    second.commit();
    await t.waitFor(() => expect(JSON.parse(t.lms.documents.get(key) ?? '{}')).toMatchObject({ state: 'p2:Vnew', location: 'enjeux/enjeux-quiz' }));
  });
});
