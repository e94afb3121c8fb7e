import { describe, expect, it } from 'vitest';
import { createStandaloneAdapter, type KeyValueStorage } from '../../../src/runtime/adapters/standalone.js';
import { trueFalseAnswer } from './scorm12-fixtures.js';

function mapStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const refusing: KeyValueStorage = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  },
};

describe('StandaloneAdapter', () => {
  it('says it is standalone, so the core can show its notice', () => {
    expect(createStandaloneAdapter({ courseId: 'c', storage: null }).standalone).toBe(true);
  });

  it('resumes state and location from this browser, per course', async () => {
    const storage = mapStorage();
    const first = createStandaloneAdapter({ courseId: 'valorisez-cooperation', storage });
    expect(await first.start()).toEqual({ savedState: null, mode: 'normal' });
    first.saveState('p1:Lenjeux');
    first.setLocation('enjeux');
    first.setProgress({ completion: 'incomplete', progress: 0.25 });
    first.finish('pagehide');

    const again = createStandaloneAdapter({ courseId: 'valorisez-cooperation', storage });
    expect(await again.start()).toEqual({ savedState: 'p1:Lenjeux', location: 'enjeux', mode: 'normal' });
    expect(again.record.progress).toEqual({ completion: 'incomplete', progress: 0.25 });

    const other = createStandaloneAdapter({ courseId: 'autre-cours', storage });
    expect((await other.start()).savedState).toBeNull();
  });

  it('keeps interactions and objectives in memory for a preview', async () => {
    const adapter = createStandaloneAdapter({ courseId: 'c', storage: null });
    await adapter.start();
    adapter.recordInteraction(trueFalseAnswer());
    adapter.recordObjective({ id: 'enjeux', status: 'completed' });
    expect(adapter.record.interactions).toHaveLength(1);
    expect(adapter.record.objectives.enjeux?.status).toBe('completed');
  });

  it('never throws when storage refuses (private browsing, full quota) and keeps the visit in memory', async () => {
    const adapter = createStandaloneAdapter({ courseId: 'c', storage: refusing });
    await expect(adapter.start()).resolves.toEqual({ savedState: null, mode: 'normal' });
    expect(() => {
      adapter.saveState('p1:Lenjeux');
      adapter.setLocation('enjeux');
      adapter.setProgress({ completion: 'completed', progress: 1 });
      adapter.commit();
      adapter.finish('leave');
    }).not.toThrow();
  });

  it('works where no localStorage exists at all (Node, sandboxed frames)', async () => {
    const adapter = createStandaloneAdapter({ courseId: 'c' });
    await expect(adapter.start()).resolves.toMatchObject({ savedState: null });
    expect(() => adapter.saveState('p1:')).not.toThrow();
  });

  it('reads the course id from the page’s embedded data when none is given', async () => {
    const storage = mapStorage();
    const saved = globalThis.document;
    (globalThis as { document?: unknown }).document = {
      getElementById: (id: string) => (id === 'parcours-data' ? { textContent: '{"id":"valorisez-cooperation"}' } : null),
    };
    try {
      const adapter = createStandaloneAdapter({ storage });
      await adapter.start();
      adapter.saveState('p1:Lenjeux');
      expect([...storage.data.keys()]).toEqual(['parcours:valorisez-cooperation:state']);
    } finally {
      (globalThis as { document?: unknown }).document = saved;
    }
  });
});
