/**
 * The resume document both xAPI adapters read at launch: its whole shape is checked, a document
 * of any other shape is unusable as a whole (kept as the LMS holds it, never half-used), and one
 * failed read does not start the learner from the beginning.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadResumeDocument, parseResumeDocument } from '../../../src/runtime/xapi/resume-document.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('resume document', () => {
  it('reads back what the adapters write', () => {
    const doc = { state: 'p2:Lenjeux', location: 'enjeux/enjeux-quiz', reported: { completed: true, failed: false, outcome: 'passed:85', steps: { enjeux: 'passed:80' } } };
    expect(parseResumeDocument(JSON.stringify(doc))).toEqual(doc);
    expect(parseResumeDocument(JSON.stringify({ state: null, location: '', reported: {} }))).toEqual({ state: null, location: '', reported: {} });
  });

  it('reads no document as an empty one', () => {
    expect(parseResumeDocument(null)).toEqual({ state: null, location: '', reported: {} });
    expect(parseResumeDocument('')).toEqual({ state: null, location: '', reported: {} });
  });

  it('finds any other shape unusable as a whole, wherever the fault is', () => {
    const sound = { state: 'p2:', location: 'enjeux', reported: { completed: true, steps: { enjeux: 'completed' } } };
    const spoiled = [
      '{"state": "p2:',
      '"just a string"',
      '[]',
      'null',
      JSON.stringify({ ...sound, state: 42 }),
      JSON.stringify({ ...sound, location: ['enjeux'] }),
      JSON.stringify({ ...sound, reported: 'yes' }),
      JSON.stringify({ ...sound, reported: { steps: 'enjeux' } }),
      JSON.stringify({ ...sound, reported: { steps: ['completed'] } }),
      JSON.stringify({ ...sound, reported: { steps: { enjeux: 1 } } }),
      JSON.stringify({ ...sound, reported: { completed: 'true' } }),
      JSON.stringify({ ...sound, reported: { outcome: 85 } }),
    ];
    for (const text of spoiled) expect(parseResumeDocument(text), text).toBeNull();
  });

  it('reads step ids named after object properties as plain keys', () => {
    const doc = parseResumeDocument('{"state":null,"location":"","reported":{"steps":{"__proto__":"completed","constructor":"passed:90"}}}');
    expect(Object.keys(doc?.reported.steps ?? {})).toEqual(['__proto__', 'constructor']);
    expect(doc?.reported.steps?.['__proto__']).toBe('completed');
    expect(doc?.reported.steps?.['toString']).toBeUndefined();
  });

  it('hands back the text of an unusable document with an empty one, and says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const text = JSON.stringify({ state: 'p2:', location: '', reported: { steps: 'enjeux' } });
    expect(await loadResumeDocument({ load: async () => text }, 'LMS')).toEqual({ doc: { state: null, location: '', reported: {} }, unreadable: text, lost: true });
    expect(warn.mock.calls[0]?.[0]).toContain('not a resume document');
  });

  it('tries the State API again before starting the learner from the beginning', async () => {
    vi.useFakeTimers();
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(JSON.stringify({ state: 'p2:', location: 'enjeux' }));
    const loaded = loadResumeDocument({ load }, 'LRS');
    await vi.runAllTimersAsync();
    expect(await loaded).toEqual({ doc: { state: 'p2:', location: 'enjeux', reported: {} }, unreadable: null });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('starts blank after three failed reads, and says so', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const load = vi.fn().mockRejectedValue(new Error('offline'));
    const loaded = loadResumeDocument({ load }, 'LMS');
    await vi.runAllTimersAsync();
    expect(await loaded).toEqual({ doc: { state: null, location: '', reported: {} }, unreadable: null, lost: true });
    expect(load).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls[0]?.[0]).toContain('from the LMS');
  });
});
