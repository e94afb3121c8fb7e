/**
 * The preview's HTTP server on 127.0.0.1: the page from memory, the course's files
 * streamed from disk (with Range requests, so videos seek), and a Server-Sent Events
 * stream that tells open pages to reload. It serves only the files of the current site:
 * a request path is looked up in that list, never joined onto a folder; and only to requests
 * addressed to it (allowed-host.ts: no DNS rebinding).
 */
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mime from 'mime-types';
import type { OpenedCourseFile } from '../load/course-files.js';
import { openPackageFile } from '../load/file-checks.js';
import type { PackageFile } from '../package/target.js';
import { isAllowedHost } from './allowed-host.js';
import { parseByteRange } from './byte-range.js';
import { EVENTS_PATH } from './preview-page.js';
import { sitePath } from './site-path.js';

export const PREVIEW_HOST = '127.0.0.1';

/** What the server answers with; the session swaps it after each rebuild. */
export interface ServedSite {
  /** The page with the preview's script and overlay (see preview-page.ts). */
  page: string;
  /** Every other file, by path in the package; `index.html` here is ignored in favour of `page`. */
  files: ReadonlyMap<string, PackageFile>;
  buildId: string;
}

export interface PreviewServer {
  url: string;
  port: number;
  update(site: ServedSite): void;
  /** Sends `event: reload` with the new build id to every open page. */
  announceReload(): void;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use on ${PREVIEW_HOST}; choose another with --port (--port 0 picks a free one)`);
    this.name = 'PortInUseError';
  }
}

/** Requests under `prefix` (any method) go to `handle`, with the origin the browser used. */
export interface ExtraRoutes {
  prefix: string;
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL, origin: string): Promise<void>;
}

export async function startPreviewServer(port: number, initial: ServedSite, extra: readonly ExtraRoutes[] = []): Promise<PreviewServer> {
  let site = initial;
  const listeners = new Set<http.ServerResponse>();
  /** The port listened on (known once listening; `port` may be 0). */
  let actualPort = port;

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      // The client went away mid-stream, or a file vanished between stat and read.
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, actualPort)) {
      const text = `This preview answers only at http://${PREVIEW_HOST}:${actualPort}/ or http://localhost:${actualPort}/\n`;
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
      return;
    }
    const routes = extra.find((r) => (req.url ?? '').startsWith(r.prefix));
    if (routes) {
      // The Host header was checked above: it is this server's own address.
      const origin = `http://${req.headers.host}`;
      await routes.handle(req, res, new URL(req.url ?? '/', origin), origin);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const target = sitePath(req.url ?? '/');
    if (!target.ok) {
      res.writeHead(target.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(target.status === 403 ? 'Forbidden\n' : 'Bad request\n');
      return;
    }
    if (`/${target.path}` === EVENTS_PATH) {
      openEventStream(res);
      return;
    }
    if (target.path === 'index.html') {
      await send(req, res, 'index.html', Buffer.from(site.page, 'utf8'));
      return;
    }
    const file = site.files.get(target.path);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    if (file.kind === 'data') {
      await send(req, res, file.path, file.data);
      return;
    }
    // Checked as when packaging: a course file swapped for a link since the build is not served.
    const opened = await openPackageFile(file).catch(() => undefined);
    if (!opened) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    try {
      await send(req, res, file.path, opened);
    } finally {
      await opened.handle.close();
    }
  }

  function openEventStream(res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    // `build` first: a page reconnecting to a restarted server learns it is out of date.
    res.write(`retry: 1000\n\nevent: build\ndata: ${site.buildId}\n\n`);
    listeners.add(res);
    res.on('close', () => listeners.delete(res));
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    server.once('error', onError);
    server.listen(port, PREVIEW_HOST, () => {
      server.off('error', onError);
      resolve();
    });
  });
  actualPort = (server.address() as AddressInfo).port;

  return {
    url: `http://${PREVIEW_HOST}:${actualPort}/`,
    port: actualPort,
    update(next) {
      site = next;
    },
    announceReload() {
      for (const res of listeners) res.write(`event: reload\ndata: ${site.buildId}\n\n`);
    },
    async close() {
      for (const res of listeners) res.end();
      listeners.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** By extension, with a charset for text; `mime.contentType` would take a path with a slash for a type. */
function contentType(name: string): string {
  const type = mime.lookup(name);
  return (type && mime.contentType(type)) || 'application/octet-stream';
}

/** Answers with a file from memory (Buffer) or disk (path), honouring a single Range. */
async function send(req: http.IncomingMessage, res: http.ServerResponse, name: string, body: Buffer | OpenedCourseFile): Promise<void> {
  const size = Buffer.isBuffer(body) ? body.length : body.size;
  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': contentType(name),
    'Accept-Ranges': 'bytes',
    // Every request must see the latest build.
    'Cache-Control': 'no-store',
  };
  const range = parseByteRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end();
    return;
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  headers['Content-Length'] = Math.max(0, end - start + 1);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  const stream = Buffer.isBuffer(body) ? Readable.from([body.subarray(start, end + 1)]) : createReadStream(name, { fd: body.handle, start, end, autoClose: false });
  await pipeline(stream, res);
}
