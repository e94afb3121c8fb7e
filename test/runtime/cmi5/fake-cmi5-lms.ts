/**
 * An in-process cmi5 LMS behind `fetch`, for unit tests of the adapter: a one-time fetch URL
 * per launch, an LRS that checks the token and keeps statements (one per id), State documents
 * (LMS.LaunchData written by "the LMS" beforehand) and an Agent Profile. It records what
 * the AU did that it must not: GET on the fetch URL, writes to LMS.LaunchData.
 */
import type { Statement } from '@xapi/xapi';

export const ENDPOINT = 'https://lms.example.org/lrs/';
export const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

export interface FakeLaunch {
  fetchUrl: string;
  sessionId: string;
}

export function fakeCmi5Lms() {
  const statements: Statement[] = [];
  const documents = new Map<string, string>();
  const tokens = new Map<string, string>(); // fetch URL → token, once handed out
  const fetchCalls: { url: string; method: string }[] = [];
  const violations: string[] = [];
  let preferences: string | null = null;
  let launches = 0;

  const stateKey = (params: URLSearchParams) => [params.get('stateId'), params.get('activityId'), params.get('registration')].join('|');

  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    if (url.pathname === '/token') {
      fetchCalls.push({ url: String(input), method });
      if (method !== 'POST') {
        violations.push(`${method} on the fetch URL`);
        return new Response('', { status: 405 });
      }
      if (tokens.has(String(input))) return json({ 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
      const token = btoa(`au-${tokens.size + 1}:secret`);
      tokens.set(String(input), token);
      return json({ 'auth-token': token });
    }
    const auth = new Headers(init?.headers).get('Authorization');
    if (![...tokens.values()].some((t) => auth === `Basic ${t}`)) return new Response('', { status: 401 });
    if (url.pathname === '/lrs/statements' && method === 'POST') {
      for (const statement of JSON.parse(String(init?.body)) as Statement[]) {
        if (!statements.some((s) => s.id === statement.id)) statements.push(statement);
      }
      return json([]);
    }
    if (url.pathname === '/lrs/activities/state') {
      const key = stateKey(url.searchParams);
      if (method === 'PUT' || method === 'POST') {
        if (url.searchParams.get('stateId') === 'LMS.LaunchData') violations.push('AU wrote LMS.LaunchData');
        documents.set(key, String(init?.body));
        return new Response(null, { status: 204 });
      }
      const doc = documents.get(key);
      return doc === undefined ? new Response('', { status: 404 }) : new Response(doc, { status: 200 });
    }
    if (url.pathname === '/lrs/agents/profile') {
      return preferences === null ? new Response('', { status: 404 }) : new Response(preferences, { status: 200 });
    }
    return new Response('', { status: 400 });
  }) as typeof fetch;

  return {
    fetch: fetchImpl,
    statements,
    documents,
    fetchCalls,
    violations,
    setPreferences(value: object) {
      preferences = JSON.stringify(value);
    },
    /** What the LMS does before launching the AU: a new session, its fetch URL and LMS.LaunchData. */
    prepareLaunch(target: { activityId: string; registration: string }, data: Record<string, unknown>): FakeLaunch {
      launches += 1;
      const sessionId = crypto.randomUUID();
      const fetchUrl = `https://lms.example.org/token?launch=${launches}`;
      const { contextTemplate, ...rest } = data as { contextTemplate?: { extensions?: object } };
      const launchData = {
        ...rest,
        contextTemplate: { ...contextTemplate, extensions: { ...contextTemplate?.extensions, [SESSION_EXT]: sessionId } },
      };
      documents.set(['LMS.LaunchData', target.activityId, target.registration].join('|'), JSON.stringify(launchData));
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
