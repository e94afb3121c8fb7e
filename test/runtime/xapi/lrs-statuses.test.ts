/**
 * Which LRS answers are final for the statements sent, and what the durable queue does with
 * each: a statement the LMS refuses for good (a cmi5 LMS answering 403 to a statement that
 * breaks its rules) is set aside, kept and reported, and the statements behind it still go
 * out; a credentials problem (401) refuses nothing for good, so every statement waits.
 */
import type { Statement } from '@xapi/xapi';
import { describe, expect, it, vi } from 'vitest';
import { postStatements, type LrsConnection } from '../../../src/runtime/xapi/lrs-client.js';
import { StatementQueue } from '../../../src/runtime/xapi/statement-queue.js';
import { memoryStorage } from '../../../src/runtime/xapi/storage.js';
import { POLL } from '../../support/timeouts.js';

function statement(label: string): Statement {
  return {
    id: crypto.randomUUID(),
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'learner' } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
    object: { objectType: 'Activity', id: `https://example.org/activities/${label}` },
  };
}

/** An LMS answering each POST of statements with `answer(statements)`; it keeps what it answered 200 to. */
function lms(answer: (statements: Statement[]) => number) {
  const stored: Statement[] = [];
  const posts: string[][] = [];
  const fetchImpl = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    const statements = JSON.parse(String(init?.body)) as Statement[];
    posts.push(statements.map(labelOf));
    const status = answer(statements);
    if (status === 200) stored.push(...statements);
    return new Response(status === 200 ? JSON.stringify(statements.map((s) => s.id)) : null, { status });
  }) as typeof fetch;
  const connection: LrsConnection = { endpoint: 'https://lms.example.org/xapi/', auth: 'Basic dG9rZW4=', fetch: fetchImpl };
  return { connection, stored: () => stored.map(labelOf), posts };
}

const labelOf = (s: Statement): string => (s.object as { id: string }).id.split('/').pop()!;

function queueFor(connection: LrsConnection, onRejected = vi.fn()) {
  const storage = memoryStorage();
  const queue = new StatementQueue({
    storage,
    key: 'q',
    send: (statements, { keepalive }) => postStatements(connection, statements, { keepalive }),
    baseDelayMs: 2,
    maxDelayMs: 10,
    onRejected,
  });
  /** Queued before any flush, so the first request carries them all in one batch. */
  const preload = (labels: string[]) => storage.setItem('q', JSON.stringify(labels.map(statement)));
  const setAside = () => (JSON.parse(storage.getItem('q:rejected') ?? '[]') as Statement[]).map(labelOf);
  return { queue, preload, setAside, onRejected };
}

describe('postStatements: what an answer means for the statements sent', () => {
  const outcome = (status: number, count = 1) => postStatements(lms(() => status).connection, Array.from({ length: count }, (_, i) => statement(`s${i}`)));

  it('delivered on 200 and 204, and on 409 for one statement (the LRS has its id)', async () => {
    for (const status of [200, 204]) expect(await outcome(status, 2)).toEqual({ kind: 'delivered' });
    expect(await outcome(409)).toEqual({ kind: 'delivered' });
    expect(await outcome(409, 2)).toEqual({ kind: 'conflict' });
  });

  it('rejected for good on what the request holds: 400, 403, 413 and other client errors', async () => {
    for (const status of [400, 403, 405, 413, 422]) expect(await outcome(status)).toEqual({ kind: 'rejected', status });
  });

  it('retried when nothing is wrong with the statements: 401 (credentials), 404, 408, 429, 5xx, no network', async () => {
    for (const status of [401, 404, 408, 429, 500, 502, 503]) expect(await outcome(status)).toEqual({ kind: 'retry', status });
    const offline: LrsConnection = { endpoint: 'https://lms.example.org/xapi/', auth: '', fetch: () => Promise.reject(new TypeError('Failed to fetch')) };
    expect(await postStatements(offline, [statement('s')])).toEqual({ kind: 'retry' });
  });
});

describe('the queue behind a cmi5 LMS', () => {
  it('sets aside a statement the LMS forbids (403), keeps and reports it, and delivers the others in order', async () => {
    // A cmi5 LMS refuses any request holding a statement that breaks its rules.
    const server = lms((statements) => (statements.some((s) => labelOf(s) === 'second-completed') ? 403 : 200));
    const { queue, preload, setAside, onRejected } = queueFor(server.connection);
    preload(['initialized', 'completed', 'second-completed', 'answered']);
    await queue.flush();
    expect(server.stored()).toEqual(['initialized', 'completed', 'answered']);
    expect(queue.pending()).toEqual([]);
    expect(setAside()).toEqual(['second-completed']);
    expect(onRejected).toHaveBeenCalledTimes(1);
    expect(onRejected).toHaveBeenCalledWith(expect.objectContaining({ object: expect.objectContaining({ id: expect.stringMatching(/second-completed$/) }) }), 403);
    // Nothing stalls behind it: the next statement goes straight out.
    queue.enqueue(statement('terminated'));
    await vi.waitFor(() => expect(server.stored()).toEqual(['initialized', 'completed', 'answered', 'terminated']), POLL);
    queue.stop();
  });

  it('keeps every statement through 401s (a credentials problem) and delivers them once the LMS takes them', async () => {
    let refusals = 3;
    const server = lms(() => (refusals-- > 0 ? 401 : 200));
    const { queue, preload, setAside, onRejected } = queueFor(server.connection);
    preload(['initialized', 'answered']);
    await queue.flush();
    expect(queue.pending().map(labelOf)).toEqual(['initialized', 'answered']);
    await vi.waitFor(() => expect(queue.pending()).toEqual([]), POLL);
    expect(server.stored()).toEqual(['initialized', 'answered']);
    expect(server.posts.slice(0, 3)).toEqual([
      ['initialized', 'answered'],
      ['initialized', 'answered'],
      ['initialized', 'answered'],
    ]);
    expect(setAside()).toEqual([]);
    expect(onRejected).not.toHaveBeenCalled();
    queue.stop();
  });
});
