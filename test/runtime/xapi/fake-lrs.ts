/**
 * An in-process stand-in for `fetch` against an LRS, for unit tests of the adapter: it keeps
 * every statement POSTed (200; one per id) and one State document per URL (PUT 204, GET 200/404).
 */
import type { Statement } from '@xapi/xapi';

export function fakeLrsFetch() {
  const statements: Statement[] = [];
  const documents = new Map<string, string>();
  let posts = 0;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    if (url.pathname.endsWith('/statements') && method === 'POST') {
      // Like a real LRS, one statement per id: a resend is acknowledged, not stored again.
      for (const statement of JSON.parse(String(init?.body)) as Statement[]) {
        posts += 1;
        if (!statements.some((s) => s.id === statement.id)) statements.push(statement);
      }
      return new Response('[]', { status: 200 });
    }
    if (url.pathname.endsWith('/activities/state')) {
      const key = url.search;
      if (method === 'PUT') {
        documents.set(key, String(init?.body));
        return new Response(null, { status: 204 });
      }
      const doc = documents.get(key);
      return doc === undefined ? new Response('', { status: 404 }) : new Response(doc, { status: 200 });
    }
    return new Response('', { status: 400 });
  }) as typeof fetch;
  return { fetch: fetchImpl, statements, documents, posts: () => posts };
}
