/**
 * The resume document both xAPI adapters read at launch: a foreign or corrupt document never
 * stops the course, and one failed read does not start the learner from the beginning.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadResumeDocument, parseResumeDocument } from '../../../src/runtime/xapi/resume-document.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('resume document', () => {
  it('reads back what the adapters write', () => {
    const doc = { state: 'p2:Lenjeux', location: 'enjeux/enjeux-quiz', reported: { completed: true, outcome: 'passed:85', steps: { enjeux: 'passed:80' } } };
    expect(parseResumeDocument(JSON.stringify(doc))).toEqual(doc);
  });

  it('reads a missing, corrupt or foreign document as empty, keeping the fields that are sound', () => {
    const empty = { state: null, location: '', reported: {} };
    expect(parseResumeDocument(null)).toEqual(empty);
    expect(parseResumeDocument('{"state": "p2:')).toEqual(empty);
    expect(parseResumeDocument('"just a string"')).toEqual(empty);
    expect(parseResumeDocument(JSON.stringify({ state: 42, location: 'enjeux', reported: 'yes' }))).toEqual({ ...empty, location: 'enjeux' });
  });

  it('tries the State API again before starting the learner from the beginning', async () => {
    vi.useFakeTimers();
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(JSON.stringify({ state: 'p2:', location: 'enjeux' }));
    const loaded = loadResumeDocument({ load }, 'LRS');
    await vi.runAllTimersAsync();
    expect(await loaded).toEqual({ state: 'p2:', location: 'enjeux', reported: {} });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('starts blank after three failed reads, and says so', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const load = vi.fn().mockRejectedValue(new Error('offline'));
    const loaded = loadResumeDocument({ load }, 'LMS');
    await vi.runAllTimersAsync();
    expect(await loaded).toEqual({ state: null, location: '', reported: {} });
    expect(load).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls[0]?.[0]).toContain('from the LMS');
  });
});
