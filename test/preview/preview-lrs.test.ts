/**
 * The LRS (and cmi5 LMS) inside `parcours preview --as xapi|cmi5`, over HTTP as the course
 * talks to it: the launch the panel asks for, the statements resource with the xAPI headers and
 * the launch's credentials, the State API (ETag, 204, 404, 412), cmi5's one-time fetch URL and
 * LMS.LaunchData, and refusals (a malformed statement, a cmi5 rule broken) in the feed the
 * panel shows, in the author's words.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewSession } from '../../src/preview/index.js';
import type { FeedEntry } from '../../src/preview/lrs/preview-lrs.js';

const fixture = fileURLToPath(new URL('../fixtures/target/SCORM12_MASTERY_OVERRIDES_STATUS', import.meta.url));
const VERSION = { 'X-Experience-API-Version': '1.0.3' };
let xapi: PreviewSession;
let cmi5: PreviewSession;

beforeAll(async () => {
  [xapi, cmi5] = await Promise.all([startPreview({ courseDir: fixture, port: 0, as: 'xapi' }), startPreview({ courseDir: fixture, port: 0, as: 'cmi5' })]);
});
afterAll(async () => {
  await Promise.all([xapi?.close(), cmi5?.close()]);
});

async function launch(session: PreviewSession, request: object = { attempt: 'same', launchMode: 'Normal' }) {
  const response = await fetch(`${session.url}__parcours/lrs/launch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { url: string; registration: string; sessionId: string; number: number };
  return { ...answer, params: new URL(answer.url, session.url).searchParams };
}

/** The feed as the panel receives it, read until `until` holds (the stream stays open). */
async function feed(session: PreviewSession, until: (entries: FeedEntry[]) => boolean): Promise<FeedEntry[]> {
  const controller = new AbortController();
  const response = await fetch(`${session.url}__parcours/lrs/feed`, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const entries: FeedEntry[] = [];
  let buffer = '';
  while (!until(entries)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const events = buffer.split('\n\n');
    buffer = events.pop()!;
    for (const e of events) if (e.startsWith('data: ')) entries.push(JSON.parse(e.slice(6)) as FeedEntry);
  }
  controller.abort();
  return entries;
}

const statement = (actor: unknown, registration: string, verb: string, extra: object = {}) => ({
  id: randomUUID(),
  actor,
  verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
  object: { id: 'https://parcours.invalid/courses/fixture', objectType: 'Activity' },
  context: { registration },
  ...extra,
});

describe('parcours preview --as xapi: the LRS', () => {
  it('launches the package with TinCan parameters and stores what the launch credentials post', async () => {
    const l = await launch(xapi);
    expect(l.url).toMatch(/^\/course\/index\.html\?/);
    const endpoint = l.params.get('endpoint')!;
    expect(endpoint).toBe(`${xapi.url}__parcours/lrs/xAPI/`);
    expect(l.params.get('activity_id')).toBe('https://parcours.invalid/courses/fixture');
    expect(l.params.get('registration')).toBe(l.registration);
    const actor = JSON.parse(l.params.get('actor')!);
    const auth = l.params.get('auth')!;
    const s = statement(actor, l.registration, 'experienced');

    const post = (headers: Record<string, string>, body: unknown) => fetch(`${endpoint}statements`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await post({ Authorization: auth }, s)).status).toBe(400); // no version header
    expect((await post(VERSION, s)).status).toBe(401);
    expect((await post({ ...VERSION, Authorization: 'Basic nope' }, s)).status).toBe(401);
    const stored = await post({ ...VERSION, Authorization: auth }, [s]);
    expect(stored.status).toBe(200);
    expect(stored.headers.get('x-experience-api-version')).toBe('1.0.3');
    expect(await stored.json()).toEqual([s.id]);
    // Sent again (a retry): accepted, stored once. Another statement with its id: 409.
    expect((await post({ ...VERSION, Authorization: auth }, s)).status).toBe(200);
    expect((await post({ ...VERSION, Authorization: auth }, { ...s, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } })).status).toBe(409);

    const got = await fetch(`${endpoint}statements?statementId=${s.id}`, { headers: { ...VERSION, Authorization: auth } });
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ id: s.id, verb: s.verb, stored: expect.any(String), version: '1.0.3' });
    const put = await fetch(`${endpoint}statements?statementId=${randomUUID()}`, { method: 'PUT', headers: { ...VERSION, Authorization: auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ ...s, id: undefined }) });
    expect(put.status).toBe(204);
  });

  it('refuses a malformed statement with 400 and tells the panel why, in words', async () => {
    const l = await launch(xapi);
    const actor = JSON.parse(l.params.get('actor')!);
    const broken = statement(actor, l.registration, 'scored', { result: { score: { scaled: 1.5 }, success: 'yes' }, timestamp: 'yesterday' });
    const response = await fetch(`${l.params.get('endpoint')}statements`, {
      method: 'POST',
      headers: { ...VERSION, Authorization: l.params.get('auth')!, 'Content-Type': 'application/json' },
      body: JSON.stringify(broken),
    });
    expect(response.status).toBe(400);
    const entries = await feed(xapi, (e) => e.some((x) => x.kind === 'statement' && x.status === 400));
    const refused = entries.find((x) => x.kind === 'statement' && x.status === 400);
    expect(refused).toMatchObject({
      problems: ['result.score.scaled: 1.5 lies outside -1 to 1', 'result.success: "yes" must be true or false', 'timestamp: "yesterday" is not an ISO 8601 date and time'],
    });
  });

  it('keeps State documents with ETags: 204 on write, 404 when absent, 412 on a stale If-Match', async () => {
    const l = await launch(xapi);
    const endpoint = l.params.get('endpoint')!;
    const headers = { ...VERSION, Authorization: l.params.get('auth')! };
    const query = new URLSearchParams({ activityId: l.params.get('activity_id')!, agent: l.params.get('actor')!, registration: l.registration, stateId: 'resume' });
    const url = `${endpoint}activities/state?${query}`;
    expect((await fetch(url, { headers })).status).toBe(404);
    expect((await fetch(url, { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{"a":1}' })).status).toBe(204);
    const got = await fetch(url, { headers });
    expect(got.status).toBe(200);
    const etag = got.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(await got.json()).toEqual({ a: 1 });
    expect((await fetch(url, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': etag }, body: '{"b":2}' })).status).toBe(204);
    expect(await (await fetch(url, { headers })).json()).toEqual({ a: 1, b: 2 });
    expect((await fetch(url, { method: 'PUT', headers: { ...headers, 'If-Match': etag }, body: '{}' })).status).toBe(412);
    // A relaunch (same registration) reads the same document; a new attempt starts without it.
    const again = await launch(xapi);
    expect(again.registration).toBe(l.registration);
    expect((await fetch(url, { headers: { ...VERSION, Authorization: again.params.get('auth')! } })).status).toBe(200);
    const fresh = await launch(xapi, { attempt: 'new', launchMode: 'Normal' });
    expect(fresh.registration).not.toBe(l.registration);
    expect((await fetch(url, { method: 'DELETE', headers })).status).toBe(204);
    expect((await fetch(url, { headers })).status).toBe(404);
  });

  it('stays bounded whatever the course sends: a huge statement is shown cut, State past 32 MB is refused (507), bodies past 1 MB (413)', async () => {
    const l = await launch(xapi);
    const endpoint = l.params.get('endpoint')!;
    const headers = { ...VERSION, Authorization: l.params.get('auth')!, 'Content-Type': 'application/json' };
    const huge = statement(JSON.parse(l.params.get('actor')!), l.registration, 'experienced', { result: { response: 'x'.repeat(900_000) } });
    expect((await fetch(`${endpoint}statements`, { method: 'POST', headers, body: JSON.stringify(huge) })).status).toBe(200);
    const entries = await feed(xapi, (e) => e.some((x) => x.kind === 'statement' && JSON.stringify(x.statement).includes('too large to show whole')));
    expect(JSON.stringify(entries.at(-1)).length).toBeLessThan(2_000);
    expect((await fetch(`${endpoint}statements`, { method: 'POST', headers, body: JSON.stringify({ ...huge, id: randomUUID(), result: { response: 'x'.repeat(1_100_000) } }) })).status).toBe(413);
    const statuses: number[] = [];
    for (let i = 0; i < 34; i++) {
      const query = new URLSearchParams({ activityId: 'https://parcours.invalid/x', agent: l.params.get('actor')!, stateId: `s${i}` });
      statuses.push((await fetch(`${endpoint}activities/state?${query}`, { method: 'PUT', headers, body: 'y'.repeat(1_000_000) })).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 204)).toBe(true);
    expect(statuses.at(-1)).toBe(507);
  });

  it('hands out the learner data as JSON, and refuses a launch request that is not JSON', async () => {
    const data = await fetch(`${xapi.url}__parcours/lrs/data`);
    expect(data.headers.get('content-disposition')).toContain('fixture-learner-data.json');
    const body = (await data.json()) as { statements: unknown[]; state: unknown[]; course: { standard: string } };
    expect(body.course.standard).toBe('xapi');
    expect(body.statements.length).toBeGreaterThan(0);
    // A form post from another site (no preflight) cannot start launches.
    const form = await fetch(`${xapi.url}__parcours/lrs/launch`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
  });
});

describe('parcours preview --as cmi5: the LMS', () => {
  it('writes LMS.LaunchData, hands the token out once, and applies the mastery score and moveOn asked for', async () => {
    const l = await launch(cmi5, { attempt: 'new', launchMode: 'Browse', masteryScore: 0.5, moveOn: 'Completed' });
    expect(l.url).toMatch(/^\/course\/index\.html\?/);
    const fetchUrl = l.params.get('fetch')!;
    expect((await fetch(fetchUrl)).status).toBe(405);
    const first = (await (await fetch(fetchUrl, { method: 'POST' })).json()) as Record<string, string>;
    expect(first['auth-token']).toEqual(expect.any(String));
    expect(await (await fetch(fetchUrl, { method: 'POST' })).json()).toMatchObject({ 'error-code': '1' });
    const query = new URLSearchParams({ activityId: l.params.get('activityId')!, agent: l.params.get('actor')!, registration: l.registration, stateId: 'LMS.LaunchData' });
    const headers = { ...VERSION, Authorization: `Basic ${first['auth-token']}` };
    const launchData = await (await fetch(`${l.params.get('endpoint')}activities/state?${query}`, { headers })).json();
    expect(launchData).toMatchObject({
      launchMode: 'Browse',
      masteryScore: 0.5,
      moveOn: 'Completed',
      returnURL: `${cmi5.url}__parcours/lrs/return`,
      contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': l.sessionId } },
    });
    // The course may not change it (cmi5 10.2.1.0-5).
    expect((await fetch(`${l.params.get('endpoint')}activities/state?${query}`, { method: 'PUT', headers, body: '{}' })).status).toBe(403);
  });

  it('refuses a session that does not start with initialized, and says so in the author’s words', async () => {
    const l = await launch(cmi5, { attempt: 'new', launchMode: 'Normal' });
    const token = ((await (await fetch(l.params.get('fetch')!, { method: 'POST' })).json()) as Record<string, string>)['auth-token'];
    const headers = { ...VERSION, Authorization: `Basic ${token}`, 'Content-Type': 'application/json' };
    const endpoint = l.params.get('endpoint')!;
    const agent = l.params.get('actor')!;
    expect((await fetch(`${endpoint}agents/profile?${new URLSearchParams({ profileId: 'cmi5LearnerPreferences', agent })}`, { headers })).status).toBe(404);
    const completed = statement(JSON.parse(agent), l.registration, 'completed', {
      object: { id: l.params.get('activityId'), objectType: 'Activity' },
      context: {
        registration: l.registration,
        contextActivities: { category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }] },
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': l.sessionId },
      },
    });
    const response = await fetch(`${endpoint}statements`, { method: 'POST', headers, body: JSON.stringify(completed) });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/^9\.3\.0\.0-4/);
    const entries = await feed(cmi5, (e) => e.some((x) => x.kind === 'statement' && x.status === 403));
    const refused = entries.find((x) => x.kind === 'statement' && x.status === 403);
    expect(refused && 'problems' in refused && refused.problems[0]).toMatch(/^The first statement of a session must be “initialized”/);
    // The LMS recorded its own `launched` for each launch.
    expect(entries.some((x) => x.kind === 'statement' && x.by === 'lms' && JSON.stringify(x.statement).includes('verbs/launched'))).toBe(true);
  });

  it('launches the AU the panel chose when the package has one per step, and records the course satisfied once every AU is', async () => {
    const perStep = await startPreview({ courseDir: fileURLToPath(new URL('../fixtures/valid/rules', import.meta.url)), port: 0, as: 'cmi5', build: { cmi5AuPerStep: true } });
    try {
      const page = await (await fetch(perStep.url)).text();
      expect(page).toMatch(/<select name="au"><option value="0">1\. [^<]+<\/option><option value="1">2\. [^<]+<\/option><\/select>/);
      const first = await launch(perStep, { attempt: 'new', launchMode: 'Normal', moveOn: 'NotApplicable' });
      const second = await launch(perStep, { attempt: 'same', launchMode: 'Normal', moveOn: 'NotApplicable', au: 1 });
      expect(second.registration).toBe(first.registration);
      // Each launch opens its own AU (its step), under the activity id the LMS gives that AU.
      expect([first.params.get('step'), second.params.get('step')]).toEqual(['pool', 'practice']);
      expect(first.params.get('activityId')).not.toBe(second.params.get('activityId'));
      expect(second).toMatchObject({ au: 1, auTitle: expect.any(String) });
      const entries = await feed(perStep, (e) => e.filter((x) => x.kind === 'statement' && JSON.stringify(x.statement).includes('verbs/satisfied')).length >= 3);
      const satisfied = entries.flatMap((x) => (x.kind === 'statement' && JSON.stringify(x.statement).includes('verbs/satisfied') ? [(x.statement as { object: { id: string } }).object.id] : []));
      // Each AU (its id in cmi5.xml), then the course.
      expect(satisfied).toHaveLength(3);
      expect(new Set(satisfied).size).toBe(3);
      expect(satisfied[2]).toMatch(/^https?:\/\//);
      // No AU past the last.
      const response = await fetch(`${perStep.url}__parcours/lrs/launch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"au": 2}' });
      expect(response.status).toBe(400);
    } finally {
      await perStep.close();
    }
  });

  it('refuses a launch request with a mastery score outside 0–1', async () => {
    const response = await fetch(`${cmi5.url}__parcours/lrs/launch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"masteryScore": 80}' });
    expect(response.status).toBe(400);
  });
});
