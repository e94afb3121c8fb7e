/**
 * The durable queue against a real LRS (@learninglocker/xapi-statements) behind a front that
 * requires credentials and can refuse, drop the network, or lose the LRS process: every
 * statement arrives exactly once, counted where duplicates show (the front counts every 2xx
 * answer per statement id; the LRS itself would fold a resend into the first copy).
 */
import type { Statement } from '@xapi/xapi';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { postStatements, type LrsConnection } from '../../../src/runtime/xapi/lrs-client.js';
import { StatementQueue } from '../../../src/runtime/xapi/statement-queue.js';
import { memoryStorage } from '../../../src/runtime/xapi/storage.js';
import { startLrs, TEST_LRS_AUTH, type RunningLrs } from '../../support/lrs.js';
import { startLrsProxy, type LrsProxy } from '../../support/lrs-proxy.js';
import { startStateServer, type StateServer } from '../../support/state-server.js';
import { POLL } from '../../support/timeouts.js';

let lrs: RunningLrs;
let state: StateServer;
let front: LrsProxy;
let connection: LrsConnection;

beforeAll(async () => {
  [lrs, state] = await Promise.all([startLrs(), startStateServer()]);
  front = await startLrsProxy({ lrsPort: lrs.port, state });
  connection = { endpoint: front.endpoint, auth: front.newCredentials() };
});

afterEach(() => front.setMode('online'));

afterAll(async () => {
  await front?.close();
  await Promise.all([lrs?.stop(), state?.close()]);
});

function statement(label: string): Statement {
  return {
    actor: { objectType: 'Agent', name: 'Apprenant', mbox: 'mailto:apprenant@example.org' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: `https://parcours.invalid/tests/${encodeURIComponent(label)}` },
    timestamp: new Date().toISOString(),
  };
}

function newQueue(storage = memoryStorage()) {
  return new StatementQueue({
    storage,
    key: 'queue',
    send: (statements, { keepalive }) => postStatements(connection, statements, { keepalive }),
    baseDelayMs: 20,
    maxDelayMs: 200,
  });
}

/** How many times the LRS accepted each statement (2xx), counted at the front. */
function acceptedCounts(ids: string[]): Record<string, number> {
  return Object.fromEntries(ids.map((id) => [id, front.accepted.get(id) ?? 0]));
}

async function storedIds(from: RunningLrs = lrs): Promise<Set<string | undefined>> {
  return new Set((await from.statements()).map((s) => s.id));
}

const once = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 1]));

describe('delivery to a real LRS', () => {
  it('stores statements the LRS refused with 503 once it accepts again, each exactly once', async () => {
    const queue = newQueue();
    front.setMode({ status: 503 });
    const ids = ['a', 'b', 'c', 'd', 'e'].map((l) => queue.enqueue(statement(`refused-${l}`)));
    await vi.waitFor(() => expect(front.log.filter((r) => r.path === '/xAPI/statements' && r.status === 503).length).toBeGreaterThan(1), POLL);
    expect(acceptedCounts(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 0])));
    front.setMode('online');
    await vi.waitFor(() => expect(queue.pending()).toEqual([]), POLL);
    expect(acceptedCounts(ids)).toEqual(once(ids));
    queue.stop();
  });

  it('survives a dropped network and a reload: a new queue over the same storage finishes the job', async () => {
    const storage = memoryStorage();
    const first = newQueue(storage);
    front.setMode('offline');
    const ids = [1, 2, 3].map((n) => first.enqueue(statement(`offline-${n}`)));
    await vi.waitFor(() => expect(front.log.filter((r) => r.path === '/xAPI/statements' && r.status === 0).length).toBeGreaterThan(0), POLL);
    // The page is gone: a request it had under way has failed by the time the network is back.
    await first.stop();
    front.setMode('online');
    const second = newQueue(storage);
    await second.flush();
    expect(second.pending()).toEqual([]);
    expect(acceptedCounts(ids)).toEqual(once(ids));
  });

  it('counts as delivered a statement whose id the LRS already stored (409 Conflict)', async () => {
    const original = { ...statement('conflict'), id: crypto.randomUUID() };
    expect(await postStatements(connection, [original])).toEqual({ kind: 'delivered' });
    // Same id, different content: the LRS must refuse to overwrite and answers 409.
    const clash = { ...statement('conflict-other'), id: original.id };
    const response = await fetch(`${connection.endpoint}statements`, {
      method: 'POST',
      headers: { 'X-Experience-API-Version': '1.0.3', Authorization: connection.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify([clash]),
    });
    expect(response.status).toBe(409);
    const queue = newQueue();
    queue.enqueue(clash);
    const fresh = queue.enqueue(statement('after-conflict'));
    await queue.flush();
    expect(queue.pending()).toEqual([]);
    expect(acceptedCounts([original.id, fresh])).toEqual(once([original.id, fresh]));
  });

  it('delivers to a restarted LRS what was queued while the LRS process was down', async () => {
    const queue = newQueue();
    const before = queue.enqueue(statement('before-restart'));
    await queue.flush();
    await lrs.stop();
    const during = [1, 2].map((n) => queue.enqueue(statement(`while-down-${n}`)));
    await vi.waitFor(() => expect(front.log.filter((r) => r.status === 502).length).toBeGreaterThan(0), POLL);
    lrs = await startLrs();
    front.setUpstream(lrs.port);
    await vi.waitFor(() => expect(queue.pending()).toEqual([]), POLL);
    expect(acceptedCounts([before, ...during])).toEqual(once([before, ...during]));
    const stored = await storedIds();
    expect(during.every((id) => stored.has(id))).toBe(true);
    queue.stop();
  });
});

describe('the LRS requires the launch’s credentials', () => {
  it('refuses other credentials, or none, with 401: nothing is stored, the statements stay queued', async () => {
    for (const auth of ['Basic ' + Buffer.from('intruder:guess').toString('base64'), TEST_LRS_AUTH, '']) {
      const storage = memoryStorage();
      const queue = new StatementQueue({
        storage,
        key: 'queue',
        send: (statements) => postStatements({ endpoint: front.endpoint, auth }, statements),
        baseDelayMs: 20,
        maxDelayMs: 200,
      });
      const refusedBefore = front.log.filter((r) => r.status === 401).length;
      const id = queue.enqueue(statement(`no-credentials-${auth.length}`));
      await vi.waitFor(() => expect(front.log.filter((r) => r.status === 401).length).toBeGreaterThan(refusedBefore), POLL);
      queue.stop();
      expect(queue.pending().map((s) => s.id)).toEqual([id]);
      expect(acceptedCounts([id])).toEqual({ [id]: 0 });
      expect((await storedIds()).has(id)).toBe(false);
      // The next launch brings valid credentials: what was kept goes out then, once.
      const next = new StatementQueue({ storage, key: 'queue', send: (statements) => postStatements(connection, statements) });
      await next.flush();
      expect(acceptedCounts([id])).toEqual(once([id]));
    }
  });
});
