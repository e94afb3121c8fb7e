/**
 * One xAPI endpoint for tests in front of two servers: `/xAPI/activities/state` goes to the
 * State server (state-server.ts), everything else to the npm LRS (lrs.ts). It is the LRS as the
 * package sees it:
 *   - it requires credentials: only the `Authorization` values given to `allow()` (a launch's
 *     `auth`, an LMS's own) pass; anything else, or none, gets 401 and reaches no server. (The npm
 *     LRS behind it takes any credentials; the proxy forwards with its own.)
 *   - it counts, per statement id, how many times the LRS accepted it (a 2xx answer to a POST or
 *     PUT carrying it): `accepted`. The LRS folds a resend into the first copy, so only here can a
 *     test see that a statement went twice.
 *   - it keeps its port while the LRS behind it is stopped and restarted, and can fail on purpose:
 *       'online'            forwards
 *       'offline'           drops every connection (what a browser sees when the network is down)
 *       { status: 503 }     answers that status to everything (an LRS refusing)
 *   - it records every request it sees (`log`).
 *
 *   const front = await startLrsProxy({ lrsPort, state })
 *   const auth = front.newCredentials()   → 'Basic …', allowed from now on (one per launch)
 *   front.endpoint → http://127.0.0.1:<port>/xAPI/
 *   front.accepted.get(statementId) → 1
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { TEST_LRS_AUTH } from './lrs.js';
import { STATE_PATH, type StateServer } from './state-server.js';

export type FrontMode = 'online' | 'offline' | { status: number };

export interface LrsProxy {
  endpoint: string;
  setUpstream(lrsPort: number): void;
  setMode(mode: FrontMode): void;
  /** Lets requests carrying this `Authorization` value through. */
  allow(auth: string): void;
  /** New Basic credentials, allowed at once: what an LMS hands one launch. */
  newCredentials(): string;
  /** Requests seen, in order: method, path (no query), status answered (0 = dropped). */
  log: { method: string; path: string; status: number }[];
  /** Statement id → how many times the LRS accepted it (2xx) through this proxy. */
  accepted: Map<string, number>;
  close(): Promise<void>;
}

export async function startLrsProxy(options: { lrsPort: number; state: StateServer }): Promise<LrsProxy> {
  let upstream = options.lrsPort;
  let mode: FrontMode = 'online';
  const log: LrsProxy['log'] = [];
  const accepted = new Map<string, number>();
  const allowed = new Set<string>();
  const sockets = new Set<Socket>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const entry = { method: req.method ?? 'GET', path: url.pathname, status: 0 };
    log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    if (mode === 'offline') {
      req.socket.destroy();
      return;
    }
    if (typeof mode === 'object') {
      allowCors(req, res);
      res.statusCode = req.method === 'OPTIONS' ? 204 : mode.status;
      res.end();
      return;
    }
    if (req.method !== 'OPTIONS' && !allowed.has(req.headers.authorization ?? '')) {
      allowCors(req, res);
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="LRS"', 'Content-Type': 'text/plain' }).end('unknown or missing credentials');
      return;
    }
    if (url.pathname === STATE_PATH) {
      options.state.handle(req, res);
      return;
    }
    void readBody(req).then((body) => {
      const ids = url.pathname === '/xAPI/statements' && (req.method === 'POST' || req.method === 'PUT') ? statementIds(body, url) : [];
      const forward = request(
        {
          host: '127.0.0.1',
          port: upstream,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, authorization: TEST_LRS_AUTH, 'content-length': String(body.length) },
        },
        (answer) => {
          const status = answer.statusCode ?? 502;
          if (status >= 200 && status < 300) for (const id of ids) accepted.set(id, (accepted.get(id) ?? 0) + 1);
          res.writeHead(status, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => {
        // The LRS is down: a gateway answers 502, as a real reverse proxy would.
        if (!res.headersSent) {
          allowCors(req, res);
          res.statusCode = 502;
        }
        res.end();
      });
      forward.end(body);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const front: LrsProxy = {
    endpoint: `http://127.0.0.1:${port}/xAPI/`,
    log,
    accepted,
    setUpstream(lrsPort) {
      upstream = lrsPort;
    },
    setMode(next) {
      mode = next;
      // Open keep-alive connections would otherwise outlive the switch.
      if (next === 'offline') for (const socket of sockets) socket.destroy();
    },
    allow(auth) {
      allowed.add(auth);
    },
    newCredentials() {
      const auth = 'Basic ' + Buffer.from(`launch-${crypto.randomUUID()}:${crypto.randomUUID()}`).toString('base64');
      allowed.add(auth);
      return auth;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return front;
}

/** The ids of the statements a POST (one or a list) or a PUT (`statementId`) carries. */
function statementIds(body: Buffer, url: URL): string[] {
  const put = url.searchParams.get('statementId');
  if (put) return [put];
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    const list = Array.isArray(value) ? value : [value];
    return list.map((s) => (s as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

function allowCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
}
