/**
 * An in-process cmi5 LMS behind `fetch`, for unit tests of the adapter: a one-time fetch URL per
 * launch, an LRS that checks the token and keeps every statement it accepts, State documents
 * (LMS.LaunchData written by "the LMS" beforehand) and an Agent Profile. It refuses what ADL's
 * CATAPULT refuses (src/preview/lrs/cmi5-rules.ts: 403 with the requirement id), and records
 * each refusal, so a test asserts `refusals` is empty; `accepted` counts how many times each
 * statement id was stored (a CATAPULT-like LMS does not fold a resend into the first copy).
 *
 *   const lms = fakeCmi5Lms()
 *   const launch = lms.prepareLaunch({ activityId, registration, actor }, launchData)
 *   lms.hold() → release()   statement requests wait until released (a request in flight)
 *   lms.answerNext(503)      the next statement request is answered so, nothing stored
 */
import { isDeepStrictEqual } from 'node:util';
import type { Statement } from '@xapi/xapi';
import {
  checkStatements,
  newCmi5Registration,
  newCmi5Session,
  preferencesRead,
  refuseRequest,
  refusalText,
  type Cmi5Refusal,
  type Cmi5RegistrationRules,
  type Cmi5SessionRules,
} from '../../../src/preview/lrs/cmi5-rules.js';

export const ENDPOINT = 'https://lms.example.org/lrs/';
export const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

export interface FakeLaunch {
  fetchUrl: string;
  sessionId: string;
}

interface LaunchRecord {
  session: Cmi5SessionRules;
  registration: Cmi5RegistrationRules;
  token: string | null;
}

export function fakeCmi5Lms() {
  const statements: Statement[] = [];
  const accepted = new Map<string, number>();
  const documents = new Map<string, string>();
  const launches = new Map<string, LaunchRecord>(); // fetch URL → launch
  const registrations = new Map<string, Cmi5RegistrationRules>();
  const fetchCalls: { url: string; method: string }[] = [];
  const statementRequests: { ids: string[]; keepalive: boolean; status: number }[] = [];
  const violations: string[] = [];
  const refusals: Cmi5Refusal[] = [];
  const statementQueries: string[] = [];
  let preferences: string | null = null;
  let gate: Promise<void> | null = null;
  const scripted: number[] = [];

  const stateKey = (params: URLSearchParams) => [params.get('stateId'), params.get('activityId'), params.get('registration')].join('|');
  const refuse = (r: Cmi5Refusal) => {
    refusals.push(r);
    return new Response(refusalText(r), { status: 403 });
  };

  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    if (url.pathname === '/token') {
      fetchCalls.push({ url: String(input), method });
      if (method !== 'POST') {
        violations.push(`${method} on the fetch URL`);
        return new Response('', { status: 405 });
      }
      const launch = launches.get(String(input));
      if (!launch) return json({ 'error-code': '2', 'error-text': 'Unknown launch.' });
      if (launch.token) return json({ 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
      launch.token = btoa(`au-${crypto.randomUUID()}:secret`);
      return json({ 'auth-token': launch.token });
    }
    const auth = new Headers(init?.headers).get('Authorization');
    const launch = [...launches.values()].find((l) => l.token && auth === `Basic ${l.token}`);
    if (!launch) return new Response('', { status: 401 });
    const resource = url.pathname.replace('/lrs/', '');
    const refused = refuseRequest(launch.session, {
      resource,
      method,
      agent: url.searchParams.get('agent'),
      stateId: url.searchParams.get('stateId'),
    });
    if (refused) return refuse(refused);
    if (resource === 'statements' && method === 'POST') {
      const batch = JSON.parse(String(init?.body)) as Statement[];
      const request = { ids: batch.map((s) => s.id as string), keepalive: !!init?.keepalive, status: 0 };
      statementRequests.push(request);
      if (gate) await gate;
      const status = scripted.shift();
      if (status !== undefined) {
        request.status = status;
        return new Response('', { status });
      }
      // Checked on arrival, as CATAPULT does: a held request is checked once released.
      const checked = checkStatements(launch.session, launch.registration, batch);
      if ('refusal' in checked) {
        request.status = 403;
        return refuse(checked.refusal);
      }
      checked.accept();
      for (const statement of batch) {
        accepted.set(statement.id as string, (accepted.get(statement.id as string) ?? 0) + 1);
        statements.push(statement);
      }
      request.status = 200;
      return json(batch.map((s) => s.id));
    }
    if (resource === 'statements' && method === 'GET' && !url.searchParams.has('statementId')) {
      // A statement query (xAPI 1.0.3 §2.1.3): the filters the AU uses, agent by its whole object.
      const filter = url.searchParams;
      const agent = filter.get('agent');
      const found = statements.filter(
        (s) =>
          (!filter.has('verb') || s.verb.id === filter.get('verb')) &&
          (!filter.has('activity') || (s.object as { id?: string }).id === filter.get('activity')) &&
          (!filter.has('registration') || s.context?.registration === filter.get('registration')) &&
          (!agent || isDeepStrictEqual(s.actor, JSON.parse(agent))),
      );
      statementQueries.push(String(input));
      return json({ statements: found.slice(0, Number(filter.get('limit')) || undefined), more: '' });
    }
    if (resource === 'activities/state') {
      const key = stateKey(url.searchParams);
      if (method === 'PUT' || method === 'POST') {
        documents.set(key, String(init?.body));
        return new Response(null, { status: 204 });
      }
      const doc = documents.get(key);
      return doc === undefined ? new Response('', { status: 404 }) : new Response(doc, { status: 200 });
    }
    if (resource === 'agents/profile') {
      preferencesRead(launch.session);
      return preferences === null ? new Response('', { status: 404 }) : new Response(preferences, { status: 200 });
    }
    return new Response('', { status: 400 });
  }) as typeof fetch;

  return {
    fetch: fetchImpl,
    /** Every statement stored, in arrival order (a resend stored again appears twice). */
    statements,
    /** Statement id → how many times it was stored. */
    accepted,
    /** What the LMS refused, with the cmi5 requirement id. */
    refusals,
    statementRequests,
    /** GET statements queries, as URLs. */
    statementQueries,
    documents,
    fetchCalls,
    violations,
    setPreferences(value: object) {
      preferences = JSON.stringify(value);
    },
    /** Statement requests wait (in flight) until the returned function is called. */
    hold(): () => void {
      let release = () => undefined as void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
    /** The next statement requests are answered with these statuses, storing nothing. */
    answerNext(...statuses: number[]) {
      scripted.push(...statuses);
    },
    /** What the LMS does before launching the AU: a new session, its fetch URL and LMS.LaunchData. */
    prepareLaunch(target: { activityId: string; registration: string; actor: object }, data: Record<string, unknown>): FakeLaunch {
      const sessionId = crypto.randomUUID();
      const fetchUrl = `https://lms.example.org/token?launch=${launches.size + 1}`;
      const { contextTemplate, ...rest } = data as { contextTemplate?: { extensions?: object } };
      const launchData = {
        ...rest,
        contextTemplate: { ...contextTemplate, extensions: { ...contextTemplate?.extensions, [SESSION_EXT]: sessionId } },
      };
      documents.set(['LMS.LaunchData', target.activityId, target.registration].join('|'), JSON.stringify(launchData));
      const registrationKey = `${target.registration}|${target.activityId}`;
      const registration = registrations.get(registrationKey) ?? newCmi5Registration();
      registrations.set(registrationKey, registration);
      const mastery = typeof data['masteryScore'] === 'number' ? data['masteryScore'] : undefined;
      const session = newCmi5Session({
        actor: target.actor,
        registration: target.registration,
        sessionId,
        auActivityId: target.activityId,
        launchMode: (data['launchMode'] as Cmi5SessionRules['launchMode'] | undefined) ?? 'Normal',
        ...(mastery !== undefined && { masteryScore: mastery }),
      });
      launches.set(fetchUrl, { session, registration, token: null });
      return { fetchUrl, sessionId };
    },
    readState(target: { activityId: string; registration: string }, stateId: string): string | undefined {
      return documents.get([stateId, target.activityId, target.registration].join('|'));
    },
  };
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}
