/**
 * Durable statement queue: every statement is written to storage before any request, and
 * removed only once the LRS holds it. So a dropped network, a closed window or a crash loses
 * nothing: the next flush (after a back-off, a reload or the next launch) sends it again.
 *
 * A statement is in one request at a time: while a request waits for its answer, what it
 * carries is not sent again (a cmi5 LMS refuses a second copy of `terminated`, and counts a
 * resend as a new statement). It goes again only when the answer says the LRS did not keep it
 * (or no answer came). Every request is `keepalive`, so one under way when the page goes still
 * arrives; one at a time, in order, except at page exit (flushOnExit), which sends at once
 * whatever no request carries yet. The ids a request carries are kept in storage until its
 * answer comes: a page that went before (a closed window's last request) leaves them behind,
 * and the next queue asks the LRS (`isStored`) before sending those again, so a statement the
 * LRS already holds is not sent twice.
 *
 *   const queue = new StatementQueue({ storage, key, send })
 *   queue.enqueue(statement) → id     stored at once, sent soon (batched, in order)
 *   queue.flush()            → Promise sends everything pending; on failure retries later
 *                              with exponential back-off (1 s, 2 s, 4 s … 60 s, jittered)
 *   queue.flushOnExit()      page closing: what no request carries, in one request started now
 *   queue.seal()             the session's last statement is queued: nothing is queued after it
 *   queue.pending()          statements not yet acknowledged
 *   queue.stop()             cancels the retry timer and any further request; resolves once the
 *                            requests under way are answered
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
  /** Whether the LRS holds a statement (statementStored); undefined when it cannot tell. */
  isStored?(id: string): Promise<boolean | undefined>;
}

/**
 * Chrome caps the bodies of all in-flight keepalive requests at 64 KiB in total: a request
 * under way, the one page exit adds and the State document's PUT must fit together.
 */
const REQUEST_BUDGET = 24_000;

export class StatementQueue {
  private storage: KeyValueStorage;
  private readonly key: string;
  private readonly send: StatementSender;
  private readonly maxBatch: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly onRejected: ((statement: Statement, status: number) => void) | undefined;
  private readonly isStored: ((id: string) => Promise<boolean | undefined>) | undefined;
  /** Ids an earlier page sent without seeing the answer: asked about before they go again. */
  private unsure: Set<string>;
  private draining: Promise<void> | null = null;
  /** Ids of the statements a request carries, awaiting its answer. */
  private readonly inFlight = new Set<string>();
  private readonly requests = new Set<Promise<boolean>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private stopped = false;
  private sealed = false;

  constructor(options: StatementQueueOptions) {
    this.storage = options.storage;
    this.key = options.key;
    this.send = options.send;
    this.maxBatch = options.maxBatch ?? 20;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.onRejected = options.onRejected;
    this.isStored = options.isStored;
    this.unsure = new Set(this.sentIds());
  }

  /** Returns the statement's id; after seal() the statement is dropped. */
  enqueue(statement: Statement): string {
    const stored: Statement = statement.id ? statement : { ...statement, id: crypto.randomUUID() };
    if (this.sealed) return stored.id as string;
    this.write([...this.read(), stored]);
    // While a back-off timer runs, the new statement waits with the others.
    if (!this.timer && !this.draining) this.schedule(0);
    return stored.id as string;
  }

  pending(): Statement[] {
    return this.read();
  }

  /** Sends everything pending, in order. Resolves when the queue is empty or a retry is scheduled. */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.clearTimer();
    return (this.draining ??= this.drain());
  }

  /**
   * Page closing: what no request carries yet, in one request started synchronously, so it
   * leaves before the page is gone (a flush() asked for in the same task has not sent yet: it
   * waits a microtask, so everything goes in this one request). Statements stay stored until
   * acknowledged: whatever the browser drops goes out at the next launch.
   */
  flushOnExit(): void {
    if (this.stopped) return;
    this.clearTimer();
    const batch = this.nextBatch();
    if (batch.length) void this.deliver(batch).then((ok) => void (ok && this.nextBatch().length > 0 && this.flush()));
  }

  seal(): void {
    this.sealed = true;
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    return Promise.all(this.requests).then(() => undefined);
  }

  private async drain(): Promise<void> {
    try {
      await null;
      await this.askAboutUnsure();
      while (!this.stopped && !this.timer) {
        // One request at a time, in order: wait for the one under way (page exit's, or a split).
        if (this.requests.size) {
          await Promise.all(this.requests);
          continue;
        }
        const batch = this.nextBatch();
        if (batch.length === 0 || !(await this.deliver(batch))) return;
      }
    } finally {
      // Cleared as the loop decides to stop, not a microtask later: a statement queued from
      // then on starts a new drain rather than joining one that has already finished.
      this.draining = null;
    }
  }

  /** One request (or, after a refused batch, one per statement); false when it must be retried later. */
  private deliver(batch: Statement[]): Promise<boolean> {
    const ids = batch.map((s) => s.id as string);
    for (const id of ids) this.inFlight.add(id);
    this.writeSentIds([...this.sentIds(), ...ids]);
    const request: Promise<boolean> = this.attempt(batch).then((ok) => {
      for (const id of ids) this.inFlight.delete(id);
      this.writeSentIds(this.sentIds().filter((id) => !ids.includes(id)));
      this.requests.delete(request);
      if (ok) this.failures = 0;
      else {
        this.failures += 1;
        this.schedule(this.backoff());
      }
      return ok;
    });
    this.requests.add(request);
    return request;
  }

  private async attempt(batch: Statement[]): Promise<boolean> {
    if (this.stopped) return true;
    const outcome = await this.send(batch, { keepalive: true });
    // A 409 for a single statement means the LRS already has that id: delivered.
    if (outcome.kind === 'delivered' || (outcome.kind === 'conflict' && batch.length === 1)) {
      this.remove(batch);
      return true;
    }
    if (outcome.kind === 'retry') return false;
    if (batch.length > 1) {
      // One statement spoiled the batch (a 409 for an id already stored, bad content, a
      // statement a cmi5 LMS forbids): the LRS kept none of it; one by one, the others arrive.
      for (const statement of batch) if (!(await this.attempt([statement]))) return false;
      return true;
    }
    this.setAside(batch[0] as Statement, outcome.kind === 'rejected' ? outcome.status : 409);
    return true;
  }

  /** The statements an earlier page sent without seeing the answer: those the LRS holds are done. */
  private async askAboutUnsure(): Promise<void> {
    const unsure = this.read().filter((s) => this.unsure.has(s.id as string));
    this.unsure = new Set();
    if (!unsure.length || !this.isStored) return;
    const stored = await Promise.all(unsure.map((s) => this.isStored!(s.id as string)));
    this.remove(unsure.filter((_, i) => stored[i] === true));
    this.writeSentIds(this.sentIds().filter((id) => !unsure.some((s) => s.id === id)));
  }

  private sentIds(): string[] {
    return parseList(this.storage.getItem(this.key + ':sent')) as unknown as string[];
  }

  private writeSentIds(ids: string[]): void {
    try {
      if (ids.length) this.storage.setItem(this.key + ':sent', JSON.stringify(ids));
      else this.storage.removeItem(this.key + ':sent');
    } catch {
      // Without room for it, a statement may at worst reach the LRS twice (it keeps one per id).
    }
  }

  /** The first pending statements no request carries, within one request's budget (at least one). */
  private nextBatch(): Statement[] {
    const batch: Statement[] = [];
    let bytes = 2;
    for (const statement of this.read()) {
      if (this.inFlight.has(statement.id as string)) continue;
      bytes += new TextEncoder().encode(JSON.stringify(statement)).length + 1;
      if (batch.length > 0 && (bytes > REQUEST_BUDGET || batch.length >= this.maxBatch)) break;
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
