/**
 * One learner's xAPI session with one LRS: the reusable core of the TinCan and cmi5 runtimes.
 * Endpoint, auth, actor, registration and activity id in; statements and state out.
 *
 *   const session = new XapiSession({ lrs: { endpoint, auth }, actor, activityId, registration })
 *   session.send(draft)       → statement id: stamped (id, actor, timestamp, registration),
 *                               passed through `decorate` (cmi5: context template), queued durably
 *   session.state             → StateDocument for `stateId` (default `parcours-state`)
 *   session.document(stateId) → any other State document of this activity/agent/registration
 *   await session.flush()     → send what is pending now
 *   session.end(addLast, hurry) → leaving: the State documents, then `addLast()` (it queues the
 *                               session's last statement, e.g. cmi5 `terminated`) after everything
 *                               queued, then no request at all (see end())
 *
 * Storage keys are scoped to the LRS and the learner (not the credentials, which change per
 * launch), so statements left over from an earlier launch go out with the next one.
 */
import type { Agent, Statement } from '@xapi/xapi';
import { agentKey } from './launch.js';
import { postStatements, statementStored, type LrsConnection } from './lrs-client.js';
import { StateDocument } from './state-store.js';
import { StatementQueue } from './statement-queue.js';
import type { StatementDraft } from './statements.js';
import { browserStorage, type KeyValueStorage } from './storage.js';

export const DEFAULT_STATE_ID = 'parcours-state';

export interface XapiSessionOptions {
  lrs: LrsConnection;
  actor: Agent;
  /** The activity statements and state are about (launch `activity_id` / cmi5 `activityId`). */
  activityId: string;
  registration?: string;
  storage?: KeyValueStorage;
  /**
   * Where the statement queue lives, when not in `storage`. cmi5 keeps it per tab
   * (sessionStorage): statements of a session the LMS has closed cannot be delivered later.
   */
  queueStorage?: KeyValueStorage;
  stateId?: string;
  /** Last change to every statement before it is queued, e.g. cmi5's context template. */
  decorate?(statement: Statement): Statement;
  /**
   * The last statement ends the session for the LMS, which then refuses any request (cmi5). Two
   * requests sent together cannot be kept in order, so at page exit the State documents are not
   * PUT beside the last statement: they stay mirrored in this browser and go at the next launch;
   * and none is PUT while the page is hidden (StateDocument's holdWhileHidden).
   */
  endsWithLastStatement?: boolean;
  /** Back-off of the queue and the state document (tests shorten it). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  onRejected?(statement: Statement, status: number): void;
}

export function xapiStorageKey(kind: 'queue' | 'state', parts: (string | undefined)[]): string {
  return `parcours:xapi-${kind}:${parts.map((p) => p ?? '').join('|')}`;
}

export class XapiSession {
  readonly queue: StatementQueue;
  readonly state: StateDocument;
  private readonly options: XapiSessionOptions;
  private readonly storage: KeyValueStorage;
  private readonly documents = new Map<string, StateDocument>();
  private ending: Promise<void> | null = null;
  private addLast: (() => void) | null = null;

  constructor(options: XapiSessionOptions) {
    this.options = options;
    this.storage = options.storage ?? browserStorage();
    const { lrs } = options;
    this.queue = new StatementQueue({
      storage: options.queueStorage ?? this.storage,
      key: xapiStorageKey('queue', [lrs.endpoint, agentKey(options.actor)]),
      send: (statements, { keepalive }) => postStatements(lrs, statements, { keepalive }),
      isStored: (id) => statementStored(lrs, id),
      ...(options.baseDelayMs !== undefined && { baseDelayMs: options.baseDelayMs }),
      ...(options.maxDelayMs !== undefined && { maxDelayMs: options.maxDelayMs }),
      ...(options.onRejected && { onRejected: options.onRejected }),
    });
    this.state = this.document(options.stateId ?? DEFAULT_STATE_ID);
  }

  get actor(): Agent {
    return this.options.actor;
  }

  get activityId(): string {
    return this.options.activityId;
  }

  get registration(): string | undefined {
    return this.options.registration;
  }

  get lrs(): LrsConnection {
    return this.options.lrs;
  }

  document(stateId: string): StateDocument {
    let doc = this.documents.get(stateId);
    if (!doc) {
      const { lrs, actor, activityId, registration } = this.options;
      doc = new StateDocument({
        lrs,
        target: { activityId, agent: actor, ...(registration && { registration }) },
        stateId,
        storage: this.storage,
        key: xapiStorageKey('state', [lrs.endpoint, agentKey(actor), activityId, registration, stateId]),
        ...(this.options.endsWithLastStatement && { holdWhileHidden: true }),
        ...(this.options.baseDelayMs !== undefined && { baseDelayMs: this.options.baseDelayMs }),
        ...(this.options.maxDelayMs !== undefined && { maxDelayMs: this.options.maxDelayMs }),
      });
      this.documents.set(stateId, doc);
    }
    return doc;
  }

  /** Stamps and queues a statement; returns its id at once (it is stored before any request). */
  send(draft: StatementDraft): string {
    const { actor, registration, decorate } = this.options;
    let statement: Statement = {
      ...draft,
      id: draft.id ?? crypto.randomUUID(),
      actor,
      timestamp: draft.timestamp ?? new Date().toISOString(),
    };
    if (registration) statement.context = { ...statement.context, registration };
    if (decorate) statement = decorate(statement);
    return this.queue.enqueue(statement);
  }

  flush(): Promise<void> {
    return Promise.all([this.queue.flush(), ...[...this.documents.values()].map((d) => d.push())]).then(() => undefined);
  }

  /**
   * Ends the session. After the last statement nothing more goes out (a cmi5 LMS refuses any
   * request once `terminated` is recorded, even a State PUT), so the State documents go first.
   * In good order (`hurry` false, the page stays): the PUT under way answered, the documents
   * PUT, then `addLast()` queues the last statement and the queue delivers. When the page is
   * going away (`hurry`, pagehide), nothing can wait for an answer: everything not yet under way
   * leaves at once as keepalive requests, after the documents' PUT unless endsWithLastStatement
   * (a call with `hurry` also hurries an end already under way). Resolves when the last
   * statement's request is answered or awaits a retry.
   */
  end(addLast: () => void, hurry: boolean): Promise<void> {
    const documents = [...this.documents.values()];
    if (!this.ending) {
      this.addLast = addLast;
      this.ending = hurry ? Promise.resolve() : Promise.all(documents.map((d) => d.settle())).then(() => this.queueLast(false));
    }
    if (hurry) {
      if (!this.options.endsWithLastStatement) for (const doc of documents) void doc.push({ keepalive: true });
      void this.queueLast(true);
    }
    return this.ending;
  }

  private queueLast(hurry: boolean): Promise<void> {
    const addLast = this.addLast;
    if (addLast) {
      this.addLast = null;
      addLast();
      this.queue.seal();
      for (const doc of this.documents.values()) doc.seal();
    }
    if (!hurry) return this.queue.flush();
    this.queue.flushOnExit();
    return Promise.resolve();
  }

  stop(): void {
    this.queue.stop();
    for (const doc of this.documents.values()) doc.stop();
  }
}
