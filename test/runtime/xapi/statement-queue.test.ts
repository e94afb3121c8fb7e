import type { Statement } from '@xapi/xapi';
import { describe, expect, it, vi } from 'vitest';
import type { SendOutcome } from '../../../src/runtime/xapi/lrs-client.js';
import { StatementQueue, type StatementSender } from '../../../src/runtime/xapi/statement-queue.js';
import { memoryStorage } from '../../../src/runtime/xapi/storage.js';
import { POLL } from '../../support/timeouts.js';

function statement(n: number): Statement {
  return {
    actor: { mbox: 'mailto:learner@example.org' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
    object: { id: `https://example.org/activities/${n}` },
  };
}

/** A sender that answers from a script, then `delivered`; it records every batch it was given. */
function scriptedSender(script: SendOutcome[] = []) {
  const batches: Statement[][] = [];
  const send: StatementSender = async (statements) => {
    batches.push(statements);
    return script.shift() ?? { kind: 'delivered' };
  };
  return { send, batches, delivered: () => batches.flat() };
}

function queueWith(send: StatementSender, storage = memoryStorage()) {
  return new StatementQueue({ storage, key: 'q', send, baseDelayMs: 2, maxDelayMs: 10 });
}

describe('StatementQueue', () => {
  it('stores a statement with a client UUID before any request leaves', () => {
    const storage = memoryStorage();
    const queue = queueWith(() => new Promise<SendOutcome>(() => undefined), storage);
    const id = queue.enqueue(statement(1));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(JSON.parse(storage.getItem('q') ?? '[]')).toEqual([{ ...statement(1), id }]);
    queue.stop();
  });

  it('keeps retrying with back-off until the LRS comes back, then delivers each statement once, in order', async () => {
    const lrs = scriptedSender([{ kind: 'retry', status: 500 }, { kind: 'retry' }, { kind: 'retry', status: 503 }]);
    const queue = queueWith(lrs.send);
    const ids = [1, 2, 3].map((n) => queue.enqueue(statement(n)));
    await vi.waitFor(() => expect(queue.pending()).toEqual([]), POLL);
    expect(lrs.batches).toHaveLength(4);
    const lastBatch = lrs.batches.at(-1) ?? [];
    expect(lastBatch.map((s) => s.id)).toEqual(ids);
  });

  it('counts a 409 for a single statement as delivered', async () => {
    const lrs = scriptedSender([{ kind: 'conflict' }]);
    const rejected = vi.fn();
    const queue = new StatementQueue({ storage: memoryStorage(), key: 'q', send: lrs.send, onRejected: rejected });
    queue.enqueue(statement(1));
    await queue.flush();
    expect(queue.pending()).toEqual([]);
    expect(rejected).not.toHaveBeenCalled();
  });

  it('resends a batch refused with 409 one statement at a time, so the others still arrive', async () => {
    const lrs = scriptedSender([{ kind: 'conflict' }]);
    const storage = memoryStorage();
    // Fill the storage first so the first flush sends one batch of three.
    const ids = [1, 2, 3].map(() => crypto.randomUUID());
    storage.setItem('q', JSON.stringify(ids.map((id, n) => ({ ...statement(n), id }))));
    const queue = queueWith(lrs.send, storage);
    await queue.flush();
    expect(queue.pending()).toEqual([]);
    expect(lrs.batches.map((b) => b.map((s) => s.id))).toEqual([ids, [ids[0]], [ids[1]], [ids[2]]]);
  });

  it('sets aside a statement the LRS refuses as invalid and delivers the rest', async () => {
    const storage = memoryStorage();
    const rejected = vi.fn();
    let calls = 0;
    const send: StatementSender = async (statements) => {
      calls++;
      const bad = statements.some((s) => (s.object as { id: string }).id.endsWith('/2'));
      return bad ? { kind: 'rejected', status: 400 } : { kind: 'delivered' };
    };
    const queue = new StatementQueue({ storage, key: 'q', send, onRejected: rejected });
    storage.setItem('q', JSON.stringify([1, 2, 3].map((n) => ({ ...statement(n), id: `id-${n}` }))));
    await queue.flush();
    expect(queue.pending()).toEqual([]);
    expect(calls).toBe(4);
    expect(rejected).toHaveBeenCalledWith(expect.objectContaining({ id: 'id-2' }), 400);
    expect(JSON.parse(storage.getItem('q:rejected') ?? '[]').map((s: Statement) => s.id)).toEqual(['id-2']);
  });

  it('resends after a reload: a new queue over the same storage delivers what the old one could not', async () => {
    const storage = memoryStorage();
    const down = scriptedSender(Array.from({ length: 50 }, () => ({ kind: 'retry' }) as SendOutcome));
    const before = queueWith(down.send, storage);
    const ids = [1, 2].map((n) => before.enqueue(statement(n)));
    await vi.waitFor(() => expect(down.batches.length).toBeGreaterThan(0), POLL);
    before.stop(); // the page is gone

    const up = scriptedSender();
    const after = queueWith(up.send, storage);
    expect(after.pending().map((s) => s.id)).toEqual(ids);
    await after.flush();
    expect(after.pending()).toEqual([]);
    expect(up.delivered().map((s) => s.id)).toEqual(ids);
  });

  it('on page exit sends pending statements in one keepalive request and keeps them until acknowledged', async () => {
    const storage = memoryStorage();
    const calls: { ids: string[]; keepalive: boolean }[] = [];
    let answer: (o: SendOutcome) => void = () => undefined;
    const send: StatementSender = (statements, { keepalive }) => {
      calls.push({ ids: statements.map((s) => s.id as string), keepalive });
      return new Promise((resolve) => (answer = resolve));
    };
    storage.setItem('q', JSON.stringify([1, 2].map((n) => ({ ...statement(n), id: `id-${n}` }))));
    const queue = new StatementQueue({ storage, key: 'q', send });
    queue.flushOnExit();
    expect(calls).toEqual([{ ids: ['id-1', 'id-2'], keepalive: true }]);
    expect(queue.pending()).toHaveLength(2);
    answer({ kind: 'delivered' });
    await vi.waitFor(() => expect(queue.pending()).toEqual([]), POLL);
  });

  it('never puts a statement in two requests at once: at page exit only what no request carries leaves', async () => {
    const storage = memoryStorage();
    const calls: { ids: string[]; keepalive: boolean }[] = [];
    const answers: ((o: SendOutcome) => void)[] = [];
    const send: StatementSender = (statements, { keepalive }) => {
      calls.push({ ids: statements.map((s) => s.id as string), keepalive });
      return new Promise((resolve) => answers.push(resolve));
    };
    const queue = new StatementQueue({ storage, key: 'q', send });
    const first = queue.enqueue(statement(1));
    await vi.waitFor(() => expect(calls).toHaveLength(1), POLL); // in flight, unanswered
    const last = queue.enqueue(statement(2));
    queue.flushOnExit();
    expect(calls).toEqual([
      { ids: [first], keepalive: true },
      { ids: [last], keepalive: true },
    ]);
    for (const answer of answers) answer({ kind: 'delivered' });
    await vi.waitFor(() => expect(queue.pending()).toEqual([]), POLL);
    await queue.flush();
    expect(calls.flatMap((c) => c.ids)).toEqual([first, last]);
  });

  it('sends a flush and a page exit asked for in the same task as one request', async () => {
    const lrs = scriptedSender();
    const queue = queueWith(lrs.send);
    const ids = [1, 2].map((n) => queue.enqueue(statement(n)));
    void queue.flush();
    queue.flushOnExit();
    await vi.waitFor(() => expect(queue.pending()).toEqual([]), POLL);
    expect(lrs.batches.map((b) => b.map((s) => s.id))).toEqual([ids]);
  });

  it('queues nothing after the session’s last statement (seal)', async () => {
    const lrs = scriptedSender();
    const queue = queueWith(lrs.send);
    const last = queue.enqueue(statement(1));
    queue.seal();
    queue.enqueue(statement(2));
    await queue.flush();
    expect(lrs.delivered().map((s) => s.id)).toEqual([last]);
  });

  it('after a page that went before its request was answered, asks the LRS before sending again', async () => {
    const storage = memoryStorage();
    const never: StatementSender = () => new Promise(() => undefined);
    const closing = queueWith(never, storage);
    const ids = [1, 2, 3].map((n) => closing.enqueue(statement(n)));
    closing.flushOnExit(); // the window's last request: the LRS got it, the page never saw the answer
    void closing.stop();

    const lrs = scriptedSender();
    const asked: string[] = [];
    const next = new StatementQueue({
      storage,
      key: 'q',
      send: lrs.send,
      isStored: async (id) => {
        asked.push(id);
        return id === ids[0] ? true : id === ids[1] ? false : undefined;
      },
    });
    const fresh = next.enqueue(statement(4));
    await next.flush();
    expect(asked.sort()).toEqual([...ids].sort());
    // Held by the LRS: not sent again; absent, or the LRS could not tell: sent.
    expect(lrs.delivered().map((s) => s.id)).toEqual([ids[1], ids[2], fresh]);
    expect(next.pending()).toEqual([]);
    // Asked once: a later page has nothing left to ask about.
    const later = new StatementQueue({
      storage,
      key: 'q',
      send: lrs.send,
      isStored: async (id) => {
        asked.push(id);
        return true;
      },
    });
    later.enqueue(statement(5));
    await later.flush();
    expect(asked).toHaveLength(3);
  });

  it('shares one stored queue between two instances without losing either one’s statements', () => {
    const storage = memoryStorage();
    const never: StatementSender = () => new Promise(() => undefined);
    const a = queueWith(never, storage);
    const b = queueWith(never, storage);
    const idA = a.enqueue(statement(1));
    const idB = b.enqueue(statement(2));
    expect(a.pending().map((s) => s.id)).toEqual([idA, idB]);
    a.stop();
    b.stop();
  });
});
