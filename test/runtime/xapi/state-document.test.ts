/**
 * Resume data through the State API: the test State server follows xAPI 1.0.3 (checked here
 * first), and StateDocument keeps the learner's state through network drops and reloads.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LrsConnection } from '../../../src/runtime/xapi/lrs-client.js';
import { StateDocument, type StateTarget } from '../../../src/runtime/xapi/state-store.js';
import { memoryStorage, type KeyValueStorage } from '../../../src/runtime/xapi/storage.js';
import { startLrsProxy, type LrsProxy } from '../../support/lrs-proxy.js';
import { etagOf, startStateServer, type StateServer } from '../../support/state-server.js';
import { POLL } from '../../support/timeouts.js';

let state: StateServer;
let front: LrsProxy;
let lrs: LrsConnection;

beforeAll(async () => {
  state = await startStateServer();
  // No LRS behind: only the State resource is used here.
  front = await startLrsProxy({ lrsPort: 9, state });
  lrs = { endpoint: front.endpoint, auth: front.newCredentials() };
});

afterAll(async () => {
  await front?.close();
  await state?.close();
});

const agent = { objectType: 'Agent' as const, mbox: 'mailto:apprenant@example.org' };
const V = { 'X-Experience-API-Version': '1.0.3' };

function stateUrl(params: Record<string, string>): string {
  return `${state.url}?${new URLSearchParams(params).toString()}`;
}

describe('test State server (xAPI 1.0.3 State resource)', () => {
  const base = { activityId: 'https://parcours.invalid/courses/spec', agent: JSON.stringify(agent) };

  it('stores with PUT (204), returns the document with a quoted SHA-1 ETag, 404 when absent', async () => {
    const url = stateUrl({ ...base, stateId: 'doc' });
    expect((await fetch(url, { headers: V })).status).toBe(404);
    const put = await fetch(url, { method: 'PUT', headers: { ...V, 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(put.status).toBe(204);
    const got = await fetch(url, { headers: V });
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('hello');
    expect(got.headers.get('ETag')).toBe(etagOf(Buffer.from('hello')));
    // The State resource permits PUT without concurrency headers over an existing document.
    expect((await fetch(url, { method: 'PUT', headers: V, body: 'again' })).status).toBe(204);
  });

  it('honours If-Match and If-None-Match with 412 and leaves the document alone', async () => {
    const url = stateUrl({ ...base, stateId: 'etag' });
    await fetch(url, { method: 'PUT', headers: V, body: 'v1' });
    const stale = await fetch(url, { method: 'PUT', headers: { ...V, 'If-Match': etagOf(Buffer.from('v0')) }, body: 'v2' });
    expect(stale.status).toBe(412);
    expect((await fetch(url, { method: 'PUT', headers: { ...V, 'If-None-Match': '*' }, body: 'v2' })).status).toBe(412);
    const fresh = await fetch(url, { method: 'PUT', headers: { ...V, 'If-Match': etagOf(Buffer.from('v1')) }, body: 'v2' });
    expect(fresh.status).toBe(204);
    expect(await (await fetch(url, { headers: V })).text()).toBe('v2');
  });

  it('merges top-level JSON properties on POST, and refuses to merge anything but JSON objects', async () => {
    const url = stateUrl({ ...base, stateId: 'merge' });
    const json = { ...V, 'Content-Type': 'application/json' };
    expect((await fetch(url, { method: 'POST', headers: json, body: '{"x":"foo","y":"bar"}' })).status).toBe(204);
    expect((await fetch(url, { method: 'POST', headers: json, body: '{"x":"bash","z":"faz"}' })).status).toBe(204);
    expect(await (await fetch(url, { headers: V })).json()).toEqual({ x: 'bash', y: 'bar', z: 'faz' });
    expect((await fetch(url, { method: 'POST', headers: { ...V, 'Content-Type': 'text/plain' }, body: 'no' })).status).toBe(400);
  });

  it('lists state ids without stateId, deletes one or all, and rejects unknown parameters and a missing version', async () => {
    const scope = { ...base, activityId: 'https://parcours.invalid/courses/list' };
    await fetch(stateUrl({ ...scope, stateId: 'one' }), { method: 'PUT', headers: V, body: '1' });
    await fetch(stateUrl({ ...scope, stateId: 'two' }), { method: 'PUT', headers: V, body: '2' });
    expect(await (await fetch(stateUrl(scope), { headers: V })).json()).toEqual(['one', 'two']);
    expect((await fetch(stateUrl({ ...scope, stateId: 'one' }), { method: 'DELETE', headers: V })).status).toBe(204);
    expect(await (await fetch(stateUrl(scope), { headers: V })).json()).toEqual(['two']);
    expect((await fetch(stateUrl(scope), { method: 'DELETE', headers: V })).status).toBe(204);
    expect(await (await fetch(stateUrl(scope), { headers: V })).json()).toEqual([]);
    expect((await fetch(stateUrl({ ...scope, stateid: 'x' }), { headers: V })).status).toBe(400);
    expect((await fetch(stateUrl({ ...scope, stateId: 'two' }))).status).toBe(400);
  });

  it('keeps registrations apart', async () => {
    const r1 = '0f9a5c1e-3d5b-4c2a-9f0e-1a2b3c4d5e6f';
    const r2 = '1f9a5c1e-3d5b-4c2a-9f0e-1a2b3c4d5e6f';
    await fetch(stateUrl({ ...base, registration: r1, stateId: 'reg' }), { method: 'PUT', headers: V, body: 'first' });
    expect((await fetch(stateUrl({ ...base, registration: r2, stateId: 'reg' }), { headers: V })).status).toBe(404);
    expect((await fetch(stateUrl({ ...base, registration: 'not-a-uuid', stateId: 'reg' }), { headers: V })).status).toBe(400);
  });
});

describe('StateDocument', () => {
  let n = 0;
  function doc(storage: KeyValueStorage, target?: Partial<StateTarget>) {
    const full: StateTarget = { activityId: `https://parcours.invalid/courses/doc-${n}`, agent, ...target };
    return new StateDocument({ lrs, target: full, stateId: 'parcours-state', storage, key: 'mirror', baseDelayMs: 10, maxDelayMs: 50 });
  }
  const read = (activityId: string) => state.read({ activityId, agent, stateId: 'parcours-state' });

  it('starts empty, then saves and reads back what was set', async () => {
    n++;
    const storage = memoryStorage();
    const first = doc(storage);
    expect(await first.load()).toBeNull();
    first.set('{"state":"abc"}');
    await vi.waitFor(() => expect(first.synced).toBe(true), POLL);
    expect(read(`https://parcours.invalid/courses/doc-${n}`)).toBe('{"state":"abc"}');
    expect(await doc(memoryStorage()).load()).toBe('{"state":"abc"}');
  });

  it('keeps a change made while offline and sends it when the network is back', async () => {
    n++;
    const storage = memoryStorage();
    const d = doc(storage);
    await d.load();
    front.setMode('offline');
    d.set('offline change');
    await vi.waitFor(() => expect(front.log.some((r) => r.path.endsWith('/state') && r.status === 0)).toBe(true), POLL);
    expect(d.synced).toBe(false);
    front.setMode('online');
    await vi.waitFor(() => expect(d.synced).toBe(true), POLL);
    expect(read(`https://parcours.invalid/courses/doc-${n}`)).toBe('offline change');
    d.stop();
  });

  it('after a reload, prefers the unsent local change over the older copy on the LRS', async () => {
    n++;
    const storage = memoryStorage();
    const before = doc(storage);
    await before.load();
    before.set('v1');
    await vi.waitFor(() => expect(before.synced).toBe(true), POLL);
    front.setMode({ status: 503 });
    before.set('v2');
    await before.push();
    before.stop();
    front.setMode('online');
    const after = doc(storage);
    expect(await after.load()).toBe('v2');
    await vi.waitFor(() => expect(read(`https://parcours.invalid/courses/doc-${n}`)).toBe('v2'), POLL);
    after.stop();
  });

  it('prefers progress saved from another device over a stale unsent local copy', async () => {
    n++;
    const storage = memoryStorage();
    const here = doc(storage);
    await here.load();
    here.set('v1');
    await vi.waitFor(() => expect(here.synced).toBe(true), POLL);
    front.setMode({ status: 503 });
    here.set('local v2');
    await here.push();
    here.stop();
    front.setMode('online');
    const elsewhere = doc(memoryStorage());
    await elsewhere.load();
    elsewhere.set('other device v3');
    await elsewhere.push();
    expect(await doc(storage).load()).toBe('other device v3');
  });
});
