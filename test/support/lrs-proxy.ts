/**
 * One xAPI endpoint for tests in front of two servers: `/xAPI/activities/state` goes to the
 * State server (state-server.ts), everything else to the npm LRS (lrs.ts). The front keeps its
 * port while the LRS behind it is stopped and restarted, and can fail on purpose:
 *   'online'            forwards
 *   'offline'           drops every connection (what a browser sees when the network is down)
 *   { status: 503 }     answers that status to everything (an LRS refusing)
 * It records every statement POST it sees, so tests can count resends.
 *
 *   const front = await startLrsProxy({ lrsPort, state })
 *   front.endpoint → http://127.0.0.1:<port>/xAPI/
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { STATE_PATH, type StateServer } from './state-server.js';

export type FrontMode = 'online' | 'offline' | { status: number };

export interface LrsProxy {
  endpoint: string;
  setUpstream(lrsPort: number): void;
  setMode(mode: FrontMode): void;
  /** Requests seen, in order: method, path (no query), status answered (0 = dropped). */
  log: { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

export async function startLrsProxy(options: { lrsPort: number; state: StateServer }): Promise<LrsProxy> {
  let upstream = options.lrsPort;
  let mode: FrontMode = 'online';
  const log: LrsProxy['log'] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const entry = { method: req.method ?? 'GET', path: pathname, status: 0 };
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
    if (pathname === STATE_PATH) {
      options.state.handle(req, res);
      return;
    }
    const forward = request(
      { host: '127.0.0.1', port: upstream, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
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
    req.pipe(forward);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/xAPI/`,
    log,
    setUpstream(lrsPort) {
      upstream = lrsPort;
    },
    setMode(next) {
      mode = next;
      // Open keep-alive connections would otherwise outlive the switch.
      if (next === 'offline') for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function allowCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
}
