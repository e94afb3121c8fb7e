/**
 * The adapter used when no LMS is found (a package opened from disk, a preview): progress
 * is kept in this browser's localStorage, per course, so a reload resumes. Storage may be
 * missing or refuse writes (private browsing, sandboxed frames, a full quota): then
 * everything stays in memory for the visit, and nothing throws.
 * Browser code: no Node imports.
 */
import { record as emptyRecord } from '../../shared/records.js';
import { attempt } from '../core/attempt.js';
import type { InteractionRecord, LmsAdapter, ObjectiveRecord, ProgressRecord } from './lms-adapter.js';

/** The part of `Storage` used here, so tests can pass a Map-backed one. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface StandaloneAdapterOptions {
  /** Course id for the storage keys; read from the page's embedded course data when absent. */
  courseId?: string;
  /** Storage to use; `window.localStorage` when absent; null for memory only. */
  storage?: KeyValueStorage | null;
}

/** What a preview may want to look at (e.g. from the console): the session as recorded. */
export interface StandaloneRecord {
  interactions: InteractionRecord[];
  objectives: Record<string, ObjectiveRecord>;
  progress: ProgressRecord | null;
}

/** Most interactions kept in memory: a long preview session must not grow without bound. */
const MAX_INTERACTIONS = 500;

export function createStandaloneAdapter(options: StandaloneAdapterOptions = {}): LmsAdapter & { record: StandaloneRecord } {
  // `window.localStorage` itself throws in sandboxed frames.
  const storage = options.storage === undefined ? attempt(() => localStorage) : options.storage;
  const memory = new Map<string, string>();
  const record: StandaloneRecord = { interactions: [], objectives: emptyRecord(), progress: null };
  let keyPrefix = '';

  const read = (name: string): string | null =>
    // Storage refused: what this visit kept stands in.
    attempt(() => storage?.getItem(keyPrefix + name)) ?? memory.get(keyPrefix + name) ?? null;
  const write = (name: string, value: string) => {
    memory.set(keyPrefix + name, value);
    // Quota or privacy settings: the memory copy keeps this visit going.
    attempt(() => storage?.setItem(keyPrefix + name, value));
  };

  return {
    name: 'standalone',
    /** localStorage holds megabytes; this only keeps one runaway state from filling it. */
    maxStateLength: 64_000,
    standalone: true,
    record,

    async start() {
      keyPrefix = `parcours:${options.courseId ?? embeddedCourseId() ?? attempt(() => location.pathname) ?? 'course'}:`;
      const progress = read('progress');
      if (progress) record.progress = attempt(() => JSON.parse(progress) as ProgressRecord) ?? null;
      const savedLocation = read('location');
      return { savedState: read('state'), mode: 'normal', ...(savedLocation ? { location: savedLocation } : {}) };
    },
    saveState: (state) => write('state', state),
    setLocation: (location) => write('location', location),
    recordInteraction(interaction) {
      if (record.interactions.push(interaction) > MAX_INTERACTIONS) record.interactions.shift();
    },
    recordObjective(objective) {
      record.objectives[objective.id] = objective;
    },
    setProgress(progress) {
      record.progress = progress;
      write('progress', JSON.stringify(progress));
    },
    /** Every write already went to storage. */
    commit() {},
    finish() {},
  };
}

/** The course id from `<script type="application/json" id="parcours-data">`. */
function embeddedCourseId(): string | undefined {
  const id: unknown = attempt(() => JSON.parse(document.getElementById('parcours-data')!.textContent!).id);
  return typeof id === 'string' && id ? id : undefined;
}
