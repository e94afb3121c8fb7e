/**
 * The smallest LRS client the runtime needs, over `fetch` (no axios: @xapi/xapi inlines it,
 * which alone would cost half the runtime's size budget; its types are used instead).
 *
 *   postStatements(lrs, statements, { keepalive }) → SendOutcome (never throws)
 *   statementStored(lrs, id)                        → true / false / undefined (cannot tell)
 *   getDocument(lrs, resource, params)             → { status: 200, body, contentType, etag } | { status: 404 }
 *   putDocument(lrs, resource, params, body, type, options) → boolean (true when stored)
 *
 * `keepalive: true` lets a request outlive the page (pagehide); sendBeacon cannot carry the
 * Authorization header, so it is never used. Resources are paths under the endpoint:
 * `activities/state`, `agents/profile`, `activities/profile`.
 */
import type { Statement } from '@xapi/xapi';
import { XAPI_VERSION } from './vocabulary.js';

export interface LrsConnection {
  /** Ends with `/`. */
  endpoint: string;
  /** Authorization header value; '' sends none. */
  auth: string;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/**
 * delivered: the LRS holds every statement (200/204, or 409 for one statement whose id it has).
 * conflict: 409 on a batch; which statement clashed is unknown, so the caller resends one by one.
 * rejected: the LRS refused what the request holds (see `TRANSIENT_CLIENT_ERRORS` for the
 *   4xx that are not about it): resending the same statements cannot help. On a batch the
 *   caller resends one by one, so only the statements at fault are set aside.
 * retry: anything that may pass later (network down, 5xx, and the transient 4xx).
 */
export type SendOutcome =
  | { kind: 'delivered' }
  | { kind: 'conflict' }
  | { kind: 'rejected'; status: number }
  | { kind: 'retry'; status?: number };

/**
 * The 4xx answers that say nothing against the statements themselves, so they stay queued
 * (xAPI 1.0.3 Part Three §3.2 gives the codes' meanings):
 * - 401: the credentials are missing, wrong or expired (a TinCan launch's `auth`, a cmi5
 *   session's token, which the LMS limits to the session, cmi5 §8.2). Every statement would
 *   get the same answer, and setting them all aside would throw good statements away: kept
 *   in storage, a TinCan queue goes out at the next launch with new credentials. A cmi5
 *   queue lives as long as the tab, so there retrying is mostly hopeless, but harmless: the
 *   back-off soon comes down to one request a minute, and the page works on without it.
 * - 404 (no statements resource at this endpoint: the LMS's configuration), 408 and 429 (come
 *   back later).
 * Any other 4xx is about what the request holds, and retrying it would stall every statement
 * queued behind it: 400 (malformed), 413 (too large) and 403, "unauthorized for the given
 * credentials" — this statement may not be written, as when a cmi5 LMS rejects a statement
 * that breaks the cmi5 rules (cmi5 §6.3, §9.3: a second `completed`, anything after
 * `terminated`...). Should the credentials forbid every statement, they are all set aside
 * (and logged) rather than retried against an LMS that will never take them.
 */
const TRANSIENT_CLIENT_ERRORS = [401, 404, 408, 429];

export function lrsHeaders(lrs: LrsConnection, contentType?: string): Record<string, string> {
  const headers: Record<string, string> = { 'X-Experience-API-Version': XAPI_VERSION };
  if (lrs.auth) headers['Authorization'] = lrs.auth;
  if (contentType) headers['Content-Type'] = contentType;
  return headers;
}

export async function postStatements(
  lrs: LrsConnection,
  statements: Statement[],
  options: { keepalive?: boolean } = {},
): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await (lrs.fetch ?? fetch)(lrs.endpoint + 'statements', {
      method: 'POST',
      headers: lrsHeaders(lrs, 'application/json'),
      body: JSON.stringify(statements),
      keepalive: options.keepalive ?? false,
    });
  } catch {
    return { kind: 'retry' };
  }
  const status = response.status;
  // The body is not needed; drain it so the connection can be reused.
  void response.text().catch(() => undefined);
  if (status === 200 || status === 204) return { kind: 'delivered' };
  if (status === 409) return statements.length === 1 ? { kind: 'delivered' } : { kind: 'conflict' };
  if (status >= 400 && status < 500 && !TRANSIENT_CLIENT_ERRORS.includes(status)) return { kind: 'rejected', status };
  return { kind: 'retry', status };
}

/** Whether the LRS holds statement `id`: GET statements?statementId (200 / 404); undefined for any other answer. */
export async function statementStored(lrs: LrsConnection, id: string): Promise<boolean | undefined> {
  try {
    const response = await (lrs.fetch ?? fetch)(`${lrs.endpoint}statements?statementId=${encodeURIComponent(id)}`, { headers: lrsHeaders(lrs) });
    void response.text().catch(() => undefined);
    return response.status === 200 ? true : response.status === 404 ? false : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the LRS holds a statement matching `filter` (GET statements, limit 1: agent, verb,
 * activity, registration); undefined when it does not say (refused, offline, not a StatementResult).
 */
export async function statementExists(lrs: LrsConnection, filter: DocumentParams): Promise<boolean | undefined> {
  try {
    const response = await (lrs.fetch ?? fetch)(`${lrs.endpoint}statements?${new URLSearchParams({ ...filter, limit: '1' } as Record<string, string>)}`, { headers: lrsHeaders(lrs) });
    const found = response.status === 200 ? ((await response.json()) as { statements?: unknown } | null)?.statements : undefined;
    return Array.isArray(found) ? found.length > 0 : undefined;
  } catch {
    return undefined;
  }
}

export type DocumentResource = 'activities/state' | 'agents/profile' | 'activities/profile';

export type DocumentParams = Record<string, string | undefined>;

export type FetchedDocument =
  | { status: 200; body: string; contentType: string; etag: string | null }
  | { status: 404 };

/**
 * Throws on a network error or an unexpected status (an LrsStatusError then, with the status),
 * so callers can tell "absent" from "unknown" from "refused".
 */
export async function getDocument(
  lrs: LrsConnection,
  resource: DocumentResource,
  params: DocumentParams,
): Promise<FetchedDocument> {
  const response = await (lrs.fetch ?? fetch)(documentUrl(lrs, resource, params), {
    method: 'GET',
    headers: lrsHeaders(lrs),
  });
  const body = await response.text();
  if (response.status === 404) return { status: 404 };
  if (response.status !== 200) throw new LrsStatusError(response.status, `LRS answered ${response.status} to GET ${resource}`);
  return {
    status: 200,
    body,
    contentType: response.headers.get('Content-Type') ?? '',
    etag: response.headers.get('ETag'),
  };
}

export class LrsStatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface PutOptions {
  keepalive?: boolean;
  ifMatch?: string;
  ifNoneMatch?: '*';
  method?: 'PUT' | 'POST';
}

/** Resolves true on 204 (stored), false on any refusal; never throws. */
export async function putDocument(
  lrs: LrsConnection,
  resource: DocumentResource,
  params: DocumentParams,
  body: string,
  contentType: string,
  options: PutOptions = {},
): Promise<boolean> {
  const headers = lrsHeaders(lrs, contentType);
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  if (options.ifNoneMatch) headers['If-None-Match'] = options.ifNoneMatch;
  try {
    const response = await (lrs.fetch ?? fetch)(documentUrl(lrs, resource, params), {
      method: options.method ?? 'PUT',
      headers,
      body,
      keepalive: options.keepalive ?? false,
    });
    void response.text().catch(() => undefined);
    return response.status === 204 || response.status === 200;
  } catch {
    return false;
  }
}

function documentUrl(lrs: LrsConnection, resource: DocumentResource, params: DocumentParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  return `${lrs.endpoint}${resource}?${query.toString()}`;
}
