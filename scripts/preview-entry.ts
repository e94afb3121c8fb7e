/**
 * Runtime entry for looking at a rendered course without an LMS: an in-memory adapter that
 * records every call in `window.parcoursCalls` (for scripts/preview-course.ts).
 */
import type { LmsAdapter } from '../src/runtime/adapters/lms-adapter.js';
import { startCourse } from '../src/runtime/core/app.js';

const calls: [string, unknown][] = [];
(window as unknown as { parcoursCalls: unknown }).parcoursCalls = calls;
const saved = new URLSearchParams(window.location.search).get('state');
const record = (name: string) => (value?: unknown) => void calls.push([name, value]);

const adapter: LmsAdapter = {
  name: 'preview',
  maxStateLength: 4096,
  standalone: new URLSearchParams(window.location.search).has('standalone'),
  start: async () => ({ savedState: saved, mode: 'normal', learnerName: 'Preview' }),
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
