/**
 * What this tab remembers of one cmi5 launch, so a reload continues the same session (cmi5
 * best practice #17): the auth token (the fetch URL is one-time), when the session started,
 * which cmi5 defined verbs were sent, and the last statement timestamp. Kept in
 * sessionStorage, keyed by registration and AU activity id; a record made for another fetch
 * URL belongs to an earlier launch in this tab and is replaced.
 *
 *   const records = new SessionRecords(tabStorage(), launch)
 *   records.read() → Cmi5SessionRecord | null   (null: first page of this launch)
 *   records.write(record)
 */
import { usableStorage, type KeyValueStorage } from '../xapi/storage.js';
import type { Cmi5Launch } from './launch.js';
import type { Cmi5Verb } from './rules.js';

export interface Cmi5SessionRecord {
  fetchUrl: string;
  token: string;
  /** Epoch ms when the session started: durations survive a reload. */
  startedAt: number;
  sent: Cmi5Verb[];
  /** Epoch ms of the last statement, so timestamps only go forward (order is by timestamp, §9.3). */
  lastTimestamp: number;
}

export function sessionRecordKey(launch: Pick<Cmi5Launch, 'registration' | 'activityId'>): string {
  return `parcours:cmi5-session:${launch.registration}|${launch.activityId}`;
}

export class SessionRecords {
  private readonly key: string;

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly launch: Pick<Cmi5Launch, 'registration' | 'activityId' | 'fetchUrl'>,
  ) {
    this.key = sessionRecordKey(launch);
  }

  read(): Cmi5SessionRecord | null {
    try {
      const value = JSON.parse(this.storage.getItem(this.key) ?? 'null') as Cmi5SessionRecord | null;
      if (!value || value.fetchUrl !== this.launch.fetchUrl || typeof value.token !== 'string') return null;
      return { ...value, sent: Array.isArray(value.sent) ? value.sent : [], lastTimestamp: Number(value.lastTimestamp) || 0 };
    } catch {
      return null;
    }
  }

  write(record: Cmi5SessionRecord): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(record));
    } catch {
      // Without storage a reload cannot continue the session; the current page still works.
    }
  }
}

/** sessionStorage when the browser lets us use it (sandboxed frames may not), else memory. */
export function tabStorage(): KeyValueStorage {
  return usableStorage(() => globalThis.sessionStorage);
}
