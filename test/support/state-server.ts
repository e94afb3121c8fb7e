/**
 * A small State resource (xAPI 1.0.3, Communication §2.3, concurrency §3.1) for tests, since
 * the npm LRS has none. In memory, on 127.0.0.1, port 0.
 *
 *   const server = await startStateServer()
 *   server.url            → http://127.0.0.1:<port>/xAPI/activities/state
 *   server.handle(req, res)  to mount it behind another server (see lrs-proxy.ts)
 *   server.documents      what is stored, for assertions
 *
 * Follows the specification: version header required; activityId + agent (+ registration)
 * + stateId address a document; PUT stores (204), POST merges top-level JSON properties (204;
 * 400 when either side is not a JSON object), GET returns the document with a quoted SHA-1
 * ETag (200) or 404, GET without stateId lists ids (optionally `since`), DELETE removes one
 * or all (204); If-Match / If-None-Match: * preconditions give 412; PUT without them is
 * allowed for State (unlike the profile resources). Unknown parameters give 400. CORS is
 * answered so a course on another origin can call it.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const STATE_PATH = '/xAPI/activities/state';

export interface StoredDocument {
  activityId: string;
  agentKey: string;
  registration: string | null;
  stateId: string;
  contentType: string;
  body: Buffer;
  updated: Date;
}

export interface StateServer {
  url: string;
  documents: Map<string, StoredDocument>;
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Text of one document, or undefined. */
  read(params: { activityId: string; agent: object; registration?: string; stateId: string }): string | undefined;
  close(): Promise<void>;
}

const SINGLE_PARAMS = new Set(['activityId', 'agent', 'registration', 'stateId']);
const MULTI_GET_PARAMS = new Set(['activityId', 'agent', 'registration', 'since']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createStateHandler(documents: Map<string, StoredDocument>) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    cors(req, res);
    if (req.method === 'OPTIONS') return end(res, 204);
    res.setHeader('X-Experience-API-Version', '1.0.3');
    const version = req.headers['x-experience-api-version'];
    if (typeof version !== 'string' || !version.startsWith('1.0')) return end(res, 400, 'X-Experience-API-Version header missing or unsupported');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== STATE_PATH) return end(res, 404, 'Not the State resource');
    const params = url.searchParams;
    const method = req.method ?? 'GET';
    const single = params.has('stateId');
    const allowed = single || method !== 'GET' ? SINGLE_PARAMS : MULTI_GET_PARAMS;
    for (const key of params.keys()) if (!allowed.has(key)) return end(res, 400, `Unknown parameter ${key}`);
    const activityId = params.get('activityId');
    if (!activityId || !/^[a-z][a-z0-9+.-]*:/i.test(activityId)) return end(res, 400, 'activityId must be an IRI');
    const agentKey = parseAgentKey(params.get('agent'));
    if (!agentKey) return end(res, 400, 'agent must be an Agent with exactly one identifier');
    const registration = params.get('registration');
    if (registration !== null && !UUID.test(registration)) return end(res, 400, 'registration must be a UUID');
    const context = { activityId, agentKey, registration };
    const body = await readBody(req);

    if (!single) {
      if (method === 'PUT' || method === 'POST') return end(res, 400, 'stateId is required');
      const inContext = [...documents.entries()].filter(([, d]) => sameContext(d, context));
      if (method === 'DELETE') {
        if (!precondition(req, null)) return end(res, 412);
        inContext.forEach(([key]) => documents.delete(key));
        return end(res, 204);
      }
      if (method !== 'GET') return end(res, 405);
      const since = params.get('since');
      const sinceTime = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
      if (Number.isNaN(sinceTime)) return end(res, 400, 'since must be a timestamp');
      const ids = inContext.filter(([, d]) => d.updated.getTime() > sinceTime).map(([, d]) => d.stateId);
      res.setHeader('Content-Type', 'application/json');
      return end(res, 200, JSON.stringify(ids));
    }

    const stateId = params.get('stateId') as string;
    const key = documentKey({ ...context, stateId });
    const existing = documents.get(key) ?? null;
    switch (method) {
      case 'GET': {
        if (!existing) return end(res, 404);
        res.setHeader('Content-Type', existing.contentType);
        res.setHeader('ETag', etagOf(existing.body));
        res.setHeader('Last-Modified', existing.updated.toUTCString());
        return end(res, 200, existing.body);
      }
      case 'PUT': {
        if (!precondition(req, existing)) return end(res, 412);
        store(documents, key, { ...context, stateId }, contentTypeOf(req), body);
        return end(res, 204);
      }
      case 'POST': {
        if (!precondition(req, existing)) return end(res, 412);
        const contentType = contentTypeOf(req);
        if (!existing) {
          store(documents, key, { ...context, stateId }, contentType, body);
          return end(res, 204);
        }
        const posted = isJson(contentType) ? parseObject(body) : null;
        const current = isJson(existing.contentType) ? parseObject(existing.body) : null;
        if (!posted || !current) return end(res, 400, 'POST merges JSON objects only');
        store(documents, key, { ...context, stateId }, 'application/json', Buffer.from(JSON.stringify({ ...current, ...posted })));
        return end(res, 204);
      }
      case 'DELETE': {
        if (!precondition(req, existing)) return end(res, 412);
        documents.delete(key);
        return end(res, 204);
      }
      default:
        return end(res, 405);
    }
  };
}

export async function startStateServer(): Promise<StateServer> {
  const documents = new Map<string, StoredDocument>();
  const handler = createStateHandler(documents);
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    handler(req, res).catch(() => end(res, 500));
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${STATE_PATH}`,
    documents,
    handle,
    read({ activityId, agent, registration, stateId }) {
      const agentKey = parseAgentKey(JSON.stringify(agent));
      if (!agentKey) return undefined;
      return documents.get(documentKey({ activityId, agentKey, registration: registration ?? null, stateId }))?.body.toString('utf8');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** RFC 2616 preconditions: If-Match (an ETag list or *) and If-None-Match: *. */
function precondition(req: IncomingMessage, existing: StoredDocument | null): boolean {
  const ifMatch = req.headers['if-match'];
  if (typeof ifMatch === 'string') {
    if (!existing) return false;
    const tags = ifMatch.split(',').map((t) => t.trim());
    if (!tags.includes('*') && !tags.includes(etagOf(existing.body))) return false;
  }
  const ifNoneMatch = req.headers['if-none-match'];
  if (typeof ifNoneMatch === 'string' && ifNoneMatch.trim() === '*' && existing) return false;
  return true;
}

/** Quoted lowercase hex SHA-1 of the contents (1.0.3 §3.1). */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('hex')}"`;
}

function store(
  documents: Map<string, StoredDocument>,
  key: string,
  address: { activityId: string; agentKey: string; registration: string | null; stateId: string },
  contentType: string,
  body: Buffer,
): void {
  documents.set(key, { ...address, contentType, body, updated: new Date() });
}

function documentKey(a: { activityId: string; agentKey: string; registration: string | null; stateId: string }): string {
  return JSON.stringify([a.activityId, a.agentKey, a.registration, a.stateId]);
}

function sameContext(d: StoredDocument, c: { activityId: string; agentKey: string; registration: string | null }): boolean {
  return d.activityId === c.activityId && d.agentKey === c.agentKey && (c.registration === null || d.registration === c.registration);
}

/** The agent's one inverse functional identifier as a string; null when there is not exactly one. */
function parseAgentKey(json: string | null): string | null {
  if (!json) return null;
  let agent: Record<string, unknown>;
  try {
    agent = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!agent || typeof agent !== 'object') return null;
  const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => agent[k] !== undefined);
  if (ifis.length !== 1) return null;
  const ifi = ifis[0] as string;
  if (ifi === 'account') {
    const account = agent['account'] as Record<string, unknown>;
    if (typeof account?.['homePage'] !== 'string' || typeof account?.['name'] !== 'string') return null;
    return `account:${account['homePage']}|${account['name']}`;
  }
  return typeof agent[ifi] === 'string' ? `${ifi}:${agent[ifi] as string}` : null;
}

function contentTypeOf(req: IncomingMessage): string {
  return req.headers['content-type'] ?? 'application/octet-stream';
}

function isJson(contentType: string): boolean {
  return /^application\/json\b/i.test(contentType);
}

function parseObject(body: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
  res.setHeader('Access-Control-Expose-Headers', 'ETag, Last-Modified, X-Experience-API-Version');
  res.setHeader('Access-Control-Max-Age', '600');
}

function end(res: ServerResponse, status: number, body?: string | Buffer): void {
  if (res.headersSent) return void res.end();
  res.statusCode = status;
  if (typeof body === 'string' && !res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(body);
}
