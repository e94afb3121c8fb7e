/**
 * The smallest LRS client the runtime needs, over `fetch` (no axios: @xapi/xapi inlines it,
 * which alone would cost half the runtime's size budget; its types are used instead).
 *
 *   postStatements(lrs, statements, { keepalive }) → SendOutcome (never throws)
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
 * rejected: the LRS refused the content itself (400, 413); resending the same bytes cannot help.
 * retry: anything that may pass later (network down, 5xx, 401/403/429).
 */
export type SendOutcome =
  | { kind: 'delivered' }
  | { kind: 'conflict' }
  | { kind: 'rejected'; status: number }
  | { kind: 'retry'; status?: number };

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
  if (status === 400 || status === 413) return { kind: 'rejected', status };
  return { kind: 'retry', status };
}

export type DocumentResource = 'activities/state' | 'agents/profile' | 'activities/profile';

export type DocumentParams = Record<string, string | undefined>;

export type FetchedDocument =
  | { status: 200; body: string; contentType: string; etag: string | null }
  | { status: 404 };

/** Throws on a network error or an unexpected status, so callers can tell "absent" from "unknown". */
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
  if (response.status !== 200) throw new Error(`LRS answered ${response.status} to GET ${resource}`);
  return {
    status: 200,
    body,
    contentType: response.headers.get('Content-Type') ?? '',
    etag: response.headers.get('ETag'),
  };
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
