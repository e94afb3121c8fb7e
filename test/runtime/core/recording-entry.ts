/**
 * Runtime entry for the core's browser tests: an adapter that records every call in
 * `window.lmsCalls` and resumes from the `state` query parameter, in the launch mode of the
 * `mode` parameter (normal by default).
 */
import type { LaunchMode, LmsAdapter } from '../../../src/runtime/adapters/lms-adapter.js';
import { startCourse } from '../../../src/runtime/core/app.js';

const calls: [string, unknown][] = [];
(window as unknown as { lmsCalls: unknown }).lmsCalls = calls;
const query = new URLSearchParams(window.location.search);
const record = (name: string) => (value?: unknown) => void calls.push([name, value]);

const adapter: LmsAdapter = {
  name: 'recording',
  maxStateLength: 4096,
  standalone: query.has('standalone'),
  start: async () => ({ savedState: query.get('state'), mode: (query.get('mode') ?? 'normal') as LaunchMode, learnerName: 'Test, Learner' }),
  saveState: record('saveState'),
  setLocation: record('setLocation'),
  recordInteraction: record('recordInteraction'),
  recordObjective: record('recordObjective'),
  setProgress: record('setProgress'),
  recordVideoEvent: record('recordVideoEvent'),
  commit: record('commit'),
  finish: record('finish'),
};
void startCourse(adapter);
