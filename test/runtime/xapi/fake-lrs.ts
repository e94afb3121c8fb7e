/**
 * An in-process stand-in for `fetch` against an LRS, for unit tests of the adapter: it keeps
 * every statement POSTed (200; one per id) and one State document per URL (PUT 204, GET 200/404).
 *
 *   const lrs = fakeLrsFetch()
 *   const adapter = xapiAdapterOn(lrs, course, { actor, activityId })   a TinCan launch against it
 */
import type { Statement } from '@xapi/xapi';
import type { LmsAdapter } from '../../../src/runtime/adapters/lms-adapter.js';
import { createXapiAdapter } from '../../../src/runtime/adapters/xapi.js';
import type { TinCanLaunch } from '../../../src/runtime/xapi/launch.js';
import { memoryStorage } from '../../../src/runtime/xapi/storage.js';
import type { RuntimeCourse } from '../../../src/shared/course-data.js';

export function fakeLrsFetch() {
  const statements: Statement[] = [];
  /** Ids posted again with a different statement: a real LRS answers 409 and keeps the first. */
  const conflicts: string[] = [];
  const documents = new Map<string, string>();
  let posts = 0;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    if (url.pathname.endsWith('/statements') && method === 'POST') {
      // Like a real LRS, one statement per id: a resend is acknowledged, not stored again, and
      // another statement under a used id is refused (409) and counted as a conflict.
      let conflict = false;
      for (const statement of JSON.parse(String(init?.body)) as Statement[]) {
        posts += 1;
        const stored = statements.find((s) => s.id === statement.id);
        if (!stored) statements.push(statement);
        else if (JSON.stringify(stored) !== JSON.stringify(statement)) {
          conflict = true;
          conflicts.push(statement.id!);
        }
      }
      return new Response(conflict ? '' : '[]', { status: conflict ? 409 : 200 });
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
  return { fetch: fetchImpl, statements, conflicts, documents, posts: () => posts };
}

/** The TinCan adapter launched against the fake LRS, with a fresh browser storage (as another page would). */
export function xapiAdapterOn(lrs: { fetch: typeof fetch }, course: RuntimeCourse, launch: Pick<TinCanLaunch, 'actor'> & Partial<TinCanLaunch>): LmsAdapter {
  return createXapiAdapter({
    course,
    launch: { endpoint: 'https://lrs.example.org/xAPI/', auth: 'Basic dGVzdDp0ZXN0', ...launch },
    storage: memoryStorage(),
    fetch: lrs.fetch,
  });
}
