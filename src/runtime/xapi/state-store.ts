/**
 * One State API document (xAPI 1.0.3 §2.3) kept in step with a local mirror, so resume data
 * survives a network drop or a closed window: every change is mirrored to storage first, then
 * PUT; a PUT that fails is retried with back-off, on the next change, and at the next launch.
 *
 *   const doc = new StateDocument({ lrs, target, stateId, storage, key })
 *   await doc.load() → string | null   the document's text (the newer of LRS and unsent mirror)
 *   doc.set(text)                       mirror now, PUT soon
 *   await doc.push()                    PUT now (keepalive on pagehide: doc.push({ keepalive: true }))
 *   await doc.settle()                  the PUT under way answered, then what is still unsent (keepalive)
 *   doc.seal()                          no request any more (a cmi5 session is over: the LMS refuses them)
 *
 * The mirror only wins over the LRS when the LRS still holds what this browser last synced,
 * so progress made on another device is never overwritten by a stale local copy.
 * State PUTs carry no If-Match: the State resource permits that (1.0.3 §3.1), last write wins
 * as with SCORM's suspend_data.
 */
import type { Agent } from '@xapi/xapi';
import { getDocument, putDocument, type LrsConnection } from './lrs-client.js';
import type { KeyValueStorage } from './storage.js';

export interface StateTarget {
  activityId: string;
  agent: Agent;
  registration?: string;
}

export interface StateDocumentOptions {
  lrs: LrsConnection;
  target: StateTarget;
  stateId: string;
  storage: KeyValueStorage;
  /** Storage key of the mirror; scope it to LRS, learner, activity and registration. */
  key: string;
  contentType?: string;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * No PUT while the page is hidden (it may be closing: a cmi5 session's `terminated` goes at
   * pagehide and a PUT still on its way then would reach the LMS after it, refused); the
   * change waits in the mirror until the page shows again, or the next launch.
   */
  holdWhileHidden?: boolean;
}

interface Mirror {
  text: string;
  synced: boolean;
  /** Hash of the text the LRS held when this browser last read or wrote it. */
  base: string | null;
}

export class StateDocument {
  private readonly options: StateDocumentOptions;
  private readonly contentType: string;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private pushing: Promise<void> | null = null;
  private memory: Mirror | null = null;
  private memoryOnly = false;
  private sealed = false;
  private waitingToShow = false;

  constructor(options: StateDocumentOptions) {
    this.options = options;
    this.contentType = options.contentType ?? 'application/json';
  }

  /** Throws when the LRS cannot be read and nothing is mirrored: the caller decides. */
  async load(): Promise<string | null> {
    const mirror = this.readMirror();
    let remote: string | null;
    try {
      const fetched = await getDocument(this.options.lrs, 'activities/state', this.params());
      remote = fetched.status === 200 ? fetched.body : null;
    } catch (error) {
      if (mirror) {
        if (!mirror.synced) this.schedule(0);
        return mirror.text;
      }
      throw error;
    }
    const remoteHash = remote === null ? null : hash(remote);
    if (mirror && !mirror.synced && mirror.base === remoteHash) {
      this.schedule(0);
      return mirror.text;
    }
    if (remote !== null) this.writeMirror({ text: remote, synced: true, base: remoteHash });
    return remote;
  }

  set(text: string): void {
    const mirror = this.readMirror();
    if (mirror && mirror.text === text) return;
    this.writeMirror({ text, synced: false, base: mirror?.base ?? null });
    if (!this.timer) this.schedule(0);
  }

  /** PUTs the mirror if it is unsent. Resolves once done or a retry is scheduled. */
  push(options: { keepalive?: boolean } = {}): Promise<void> {
    if (this.sealed) return Promise.resolve();
    if (!options.keepalive && this.options.holdWhileHidden && typeof document === 'object' && document.visibilityState === 'hidden') {
      if (!this.waitingToShow) {
        this.waitingToShow = true;
        const shown = () => {
          if (document.visibilityState === 'hidden') return;
          document.removeEventListener('visibilitychange', shown);
          this.waitingToShow = false;
          void this.push();
        };
        document.addEventListener('visibilitychange', shown);
      }
      return Promise.resolve();
    }
    if (options.keepalive) {
      // Page closing: do not wait behind a request the browser may cancel.
      return this.putOnce(true).then(() => undefined);
    }
    if (!this.pushing) {
      this.clearTimer();
      this.pushing = this.putOnce(false)
        .then((ok) => {
          if (ok) this.failures = 0;
          else {
            this.failures += 1;
            this.schedule(Math.min(this.options.maxDelayMs ?? 60_000, (this.options.baseDelayMs ?? 1000) * 2 ** (this.failures - 1)));
          }
        })
        .finally(() => {
          this.pushing = null;
        });
    }
    return this.pushing;
  }

  /** Leaving in good order: waits for the PUT under way, then PUTs what it did not carry (keepalive). */
  async settle(): Promise<void> {
    await this.pushing;
    if (!this.sealed) await this.putOnce(true);
  }

  seal(): void {
    this.sealed = true;
    this.clearTimer();
  }

  /** True when nothing is waiting to be sent. */
  get synced(): boolean {
    return this.readMirror()?.synced ?? true;
  }

  stop(): void {
    this.clearTimer();
  }

  private async putOnce(keepalive: boolean): Promise<boolean> {
    const mirror = this.readMirror();
    if (!mirror || mirror.synced) return true;
    const ok = await putDocument(this.options.lrs, 'activities/state', this.params(), mirror.text, this.contentType, { keepalive });
    if (ok) {
      const now = this.readMirror();
      // Only mark synced if nothing changed while the request was in flight.
      if (now && now.text === mirror.text) this.writeMirror({ text: mirror.text, synced: true, base: hash(mirror.text) });
      else if (now) this.writeMirror({ ...now, base: hash(mirror.text) });
    }
    return ok;
  }

  private params(): Record<string, string | undefined> {
    const { target, stateId } = this.options;
    return {
      stateId,
      activityId: target.activityId,
      agent: JSON.stringify(target.agent),
      registration: target.registration,
    };
  }

  private schedule(delayMs: number): void {
    if (this.sealed) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.push();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private readMirror(): Mirror | null {
    if (this.memoryOnly) return this.memory;
    try {
      const json = this.options.storage.getItem(this.options.key);
      return json ? (JSON.parse(json) as Mirror) : null;
    } catch {
      return this.memory;
    }
  }

  private writeMirror(mirror: Mirror): void {
    this.memory = mirror;
    try {
      this.options.storage.setItem(this.options.key, JSON.stringify(mirror));
    } catch {
      // No room for the mirror: the PUT still goes out, only the across-reload guarantee is lost.
      this.memoryOnly = true;
    }
  }
}

/** FNV-1a, 32 bits: enough to tell "the LRS still holds what I wrote" from "someone else wrote". */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}
