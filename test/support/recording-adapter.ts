/**
 * Browser code: an LmsAdapter for a page without an LMS that records every call of the core as a
 * `[method, value]` pair in an array on `window`, and starts from the page's query string
 * (`state`: the saved state to resume; `mode`: the launch mode, normal by default; `standalone`;
 * `learner`: the learner's name, which seeds shuffled questions, instead of `learnerName`).
 * Used by the browser tests' entry (recording-entry.ts) and the preview script's
 * (scripts/preview-entry.ts).
 */
import type { LaunchMode, LmsAdapter } from '../../src/runtime/adapters/lms-adapter.js';

export interface RecordingAdapterOptions {
  name: string;
  /** The `window` property that holds the calls. */
  callsOn: string;
  /** Also the seed of shuffled questions: a fixed name keeps their order from run to run. */
  learnerName: string;
}

export function recordingAdapter(options: RecordingAdapterOptions): LmsAdapter {
  const calls: [string, unknown][] = [];
  (window as unknown as Record<string, unknown>)[options.callsOn] = calls;
  const query = new URLSearchParams(window.location.search);
  const record = (name: string) => (value?: unknown) => void calls.push([name, value]);
  return {
    name: options.name,
    maxStateLength: 4096,
    standalone: query.has('standalone'),
    start: async () => ({
      savedState: query.get('state'),
      mode: (query.get('mode') ?? 'normal') as LaunchMode,
      learnerName: query.get('learner') ?? options.learnerName,
    }),
    saveState: record('saveState'),
    setLocation: record('setLocation'),
    recordInteraction: record('recordInteraction'),
    recordObjective: record('recordObjective'),
    setProgress: record('setProgress'),
    recordVideoEvent: record('recordVideoEvent'),
    commit: record('commit'),
    finish: record('finish'),
  };
}
