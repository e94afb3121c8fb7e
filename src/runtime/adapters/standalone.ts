/**
 * The adapter used when no LMS is found (a package opened from disk, a preview): progress
 * is kept in this browser's localStorage, per course, so a reload resumes. Storage may be
 * missing or refuse writes (private browsing, sandboxed frames, a full quota): then
 * everything stays in memory for the visit, and nothing throws.
 * Browser code: no Node imports.
 */
import type {
  InteractionRecord,
  LaunchInfo,
  LmsAdapter,
  ObjectiveRecord,
  ProgressRecord,
} from './lms-adapter.js';

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

export class StandaloneAdapter implements LmsAdapter {
  readonly name = 'standalone';
  /** localStorage holds megabytes; this only keeps one runaway state from filling it. */
  readonly maxStateLength = 64_000;
  readonly standalone = true;
  readonly record: StandaloneRecord = { interactions: [], objectives: {}, progress: null };

  private readonly storage: KeyValueStorage | null;
  private readonly memory = new Map<string, string>();
  private keyPrefix = '';
  private readonly courseId: string | undefined;

  constructor(options: StandaloneAdapterOptions = {}) {
    this.courseId = options.courseId;
    this.storage = options.storage === undefined ? browserStorage() : options.storage;
  }

  async start(): Promise<LaunchInfo> {
    this.keyPrefix = `parcours:${this.courseId ?? embeddedCourseId() ?? pagePath()}:`;
    const progress = this.read('progress');
    if (progress) this.record.progress = parseJson<ProgressRecord>(progress);
    const info: LaunchInfo = { savedState: this.read('state'), mode: 'normal' };
    const location = this.read('location');
    if (location) info.location = location;
    return info;
  }

  saveState(state: string): void {
    this.write('state', state);
  }

  setLocation(location: string): void {
    this.write('location', location);
  }

  recordInteraction(interaction: InteractionRecord): void {
    this.record.interactions.push(interaction);
    if (this.record.interactions.length > MAX_INTERACTIONS) this.record.interactions.shift();
  }

  recordObjective(objective: ObjectiveRecord): void {
    this.record.objectives[objective.id] = objective;
  }

  setProgress(progress: ProgressRecord): void {
    this.record.progress = progress;
    this.write('progress', JSON.stringify(progress));
  }

  /** Every write already went to storage. */
  commit(): void {}

  finish(_reason: 'leave' | 'pagehide'): void {}

  private read(name: string): string | null {
    const key = this.keyPrefix + name;
    try {
      const stored = this.storage?.getItem(key);
      if (stored !== null && stored !== undefined) return stored;
    } catch {
      // Storage refused: fall back to what this visit kept.
    }
    return this.memory.get(key) ?? null;
  }

  private write(name: string, value: string): void {
    const key = this.keyPrefix + name;
    this.memory.set(key, value);
    try {
      this.storage?.setItem(key, value);
    } catch {
      // Quota or privacy settings: the memory copy keeps this visit going.
    }
  }
}

/** `window.localStorage`, or null where reading the property itself throws (sandboxed frames). */
function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The course id from `<script type="application/json" id="parcours-data">`. */
function embeddedCourseId(): string | undefined {
  try {
    const text = globalThis.document?.getElementById('parcours-data')?.textContent;
    const data: unknown = text ? JSON.parse(text) : undefined;
    const id = (data as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}

function pagePath(): string {
  try {
    return globalThis.location?.pathname ?? 'course';
  } catch {
    return 'course';
  }
}

function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
