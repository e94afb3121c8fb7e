/**
 * Durable statement queue: every statement is written to storage before any request, and
 * removed only once the LRS holds it. So a dropped network, a closed window or a crash loses
 * nothing: the next flush (after a back-off, a reload or the next launch) sends it again.
 * Statements carry a client UUID, so a resend of something the LRS already stored is
 * harmless (the LRS answers 200/204, or 409 which counts as delivered).
 *
 *   const queue = new StatementQueue({ storage, key, send })
 *   queue.enqueue(statement) → id     stored at once, sent soon (batched, in order)
 *   queue.flush()            → Promise sends everything pending; on failure retries later
 *                              with exponential back-off (1 s, 2 s, 4 s … 60 s, jittered)
 *   queue.flushOnExit()      page closing: the same, as keepalive requests started at once
 *   queue.pending()          statements not yet acknowledged
 *   queue.stop()             cancels the retry timer
 *
 * Storage is the only source of truth (read before every change), so two tabs or a new
 * instance after a reload share one queue without overwriting each other's statements.
 */
import type { Statement } from '@xapi/xapi';
import type { SendOutcome } from './lrs-client.js';
import { memoryStorage, type KeyValueStorage } from './storage.js';

export type StatementSender = (statements: Statement[], options: { keepalive: boolean }) => Promise<SendOutcome>;

export interface StatementQueueOptions {
  storage: KeyValueStorage;
  /** Storage key; scope it to the LRS and the learner (see xapiStorageKey). */
  key: string;
  send: StatementSender;
  maxBatch?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * Called when the LRS refuses one statement for good (400, 403, 413…; lrs-client.ts says
   * which statuses): it is set aside (kept under `<key>:rejected`, the last 50), not retried,
   * and the statements behind it go on.
   */
  onRejected?(statement: Statement, status: number): void;
}

/**
 * Chrome caps the bodies of all in-flight keepalive requests at 64 KiB in total; leave room
 * for the State document's own keepalive PUT. What does not fit waits for the next launch.
 */
const KEEPALIVE_BUDGET = 48_000;

export class StatementQueue {
  private storage: KeyValueStorage;
  private readonly key: string;
  private readonly send: StatementSender;
  private readonly maxBatch: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly onRejected: ((statement: Statement, status: number) => void) | undefined;
  private flushing: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private stopped = false;

  constructor(options: StatementQueueOptions) {
    this.storage = options.storage;
    this.key = options.key;
    this.send = options.send;
    this.maxBatch = options.maxBatch ?? 20;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.onRejected = options.onRejected;
  }

  enqueue(statement: Statement): string {
    const stored: Statement = statement.id ? statement : { ...statement, id: crypto.randomUUID() };
    this.write([...this.read(), stored]);
    // While a back-off timer runs, the new statement waits with the others.
    if (!this.timer && !this.flushing) this.schedule(0);
    return stored.id as string;
  }

  pending(): Statement[] {
    return this.read();
  }

  /** Sends everything pending, in order. Resolves when the queue is empty or a retry is scheduled. */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.flushing) return this.flushing;
    this.clearTimer();
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /**
   * Page closing: the same drain, but with keepalive requests (at most 48 KB each, within
   * Chrome's budget), started synchronously so they leave before the page is gone. Statements stay
   * stored until acknowledged, so whatever the browser drops goes out at the next launch.
   */
  flushOnExit(): void {
    if (this.stopped) return;
    if (this.flushing) {
      // A normal request is in flight and may die with the page: send a keepalive copy
      // (the LRS keeps one statement per id, so a duplicate is harmless).
      const batch = this.keepaliveBatch();
      if (batch.length) void this.send(batch, { keepalive: true }).then((o) => o.kind === 'delivered' && this.remove(batch));
      return;
    }
    this.clearTimer();
    this.flushing = this.drain(true).finally(() => {
      this.flushing = null;
    });
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private async drain(keepalive = false): Promise<void> {
    for (;;) {
      const batch = keepalive ? this.keepaliveBatch() : this.read().slice(0, this.maxBatch);
      if (batch.length === 0) {
        this.failures = 0;
        return;
      }
      const ok = await this.deliver(batch, keepalive);
      if (!ok) {
        this.failures += 1;
        this.schedule(this.backoff());
        return;
      }
      this.failures = 0;
    }
  }

  /** False when the LRS could not be reached or asked to wait: the caller backs off. */
  private async deliver(batch: Statement[], keepalive: boolean): Promise<boolean> {
    const outcome = await this.send(batch, { keepalive });
    // A 409 for a single statement means the LRS already has that id: delivered.
    if (outcome.kind === 'delivered' || (outcome.kind === 'conflict' && batch.length === 1)) {
      this.remove(batch);
      return true;
    }
    if (outcome.kind === 'retry') return false;
    if (batch.length > 1) {
      // One statement spoiled the batch (a 409 for an id already stored, bad content, a
      // statement a cmi5 LMS forbids): resend one by one so the others still arrive.
      for (const statement of batch) if (!(await this.deliver([statement], keepalive))) return false;
      return true;
    }
    this.setAside(batch[0] as Statement, outcome.kind === 'rejected' ? outcome.status : 409);
    return true;
  }

  /** The first pending statements that fit in one keepalive body (at least one). */
  private keepaliveBatch(): Statement[] {
    const batch: Statement[] = [];
    let bytes = 2;
    for (const statement of this.read()) {
      bytes += new TextEncoder().encode(JSON.stringify(statement)).length + 1;
      if (batch.length > 0 && bytes > KEEPALIVE_BUDGET) break;
      batch.push(statement);
    }
    return batch;
  }

  private setAside(statement: Statement, status: number): void {
    this.remove([statement]);
    const rejectedKey = this.key + ':rejected';
    try {
      const kept = parseList(this.storage.getItem(rejectedKey)).slice(-49);
      this.storage.setItem(rejectedKey, JSON.stringify([...kept, statement]));
    } catch {
      // Keeping refused statements is a courtesy for debugging; never block the queue on it.
    }
    this.onRejected?.(statement, status);
  }

  private backoff(): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (this.failures - 1));
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private remove(sent: Statement[]): void {
    const ids = new Set(sent.map((s) => s.id));
    this.write(this.read().filter((s) => !ids.has(s.id)));
  }

  private read(): Statement[] {
    return parseList(this.storage.getItem(this.key));
  }

  private write(statements: Statement[]): void {
    const value = JSON.stringify(statements);
    try {
      if (statements.length === 0) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, value);
    } catch {
      // Quota exceeded: keep going in memory so this session still delivers everything.
      this.storage = memoryStorage();
      this.storage.setItem(this.key, value);
    }
  }
}

function parseList(json: string | null): Statement[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as Statement[]) : [];
  } catch {
    return [];
  }
}
