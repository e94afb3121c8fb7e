/**
 * A minimal LMS for end-to-end tests, on 127.0.0.1 with a free port:
 * - `/sco/...`            the unzipped package, as an LMS serves it;
 * - `/launch/<n>`         a host page for launch n (see lms-host-page.ts);
 * - `/lms/scorm12.js`     scorm-again's browser build of `Scorm12API` (`/lms/scorm2004.js`: `Scorm2004API`,
 *                         for a host started with `standard: 'scorm2004'`);
 * - `POST /lms/commit/<n>` where that API commits; every body is recorded.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { renderHostPage, type LaunchDisplay, type LmsStandard } from './lms-host-page.js';
import { sendStaticFile } from './static-files.js';

/** What the LMS received in one commit, flattened (`{"cmi.core.lesson_status": "passed", ...}`). */
export interface CommitRecord {
  launchId: number;
  /** True for the commit scorm-again sends from `LMSFinish`. */
  terminate: boolean;
  body: Record<string, string>;
}

export interface LaunchOptions {
  display?: LaunchDisplay;
  /** Flattened CMI values the LMS hands the SCO, e.g. from `resumeCmiFrom()`. */
  cmi?: Record<string, string>;
  /** The launch page's query (SCORM 2004 item `parameters`, e.g. `?step=enjeux`). */
  query?: string;
}

export interface Launch {
  id: number;
  url: string;
}

export interface LmsHost {
  origin: string;
  /** URL of the package's launch page opened directly, with no LMS around it. */
  scoUrl: string;
  launch(options?: LaunchOptions): Launch;
  /**
   * Holds back the SCO's files whose path matches until `release()`: a slow network, to make an
   * order of loading happen on purpose (say, media metadata before the runtime script). The test
   * releases them once it has seen the other side happen, never after a fixed time.
   */
  hold(match: RegExp): { release(): void };
  /** Commits received for one launch, oldest first. */
  commits(launchId: number): CommitRecord[];
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
// The browser build that sets a global `Scorm12API` (the package's `require` export).
const scorm12BrowserBuild = require.resolve('scorm-again/scorm12/min');
const scorm2004BrowserBuild = require.resolve('scorm-again/scorm2004/min');

export async function startLmsHost(scoDir: string, defaults: { cmi?: Record<string, string>; standard?: LmsStandard } = {}): Promise<LmsHost> {
  const standard = defaults.standard ?? 'scorm12';
  const lmsScript = await readFile(standard === 'scorm2004' ? scorm2004BrowserBuild : scorm12BrowserBuild);
  const launches = new Map<number, Required<Omit<LaunchOptions, 'query'>> & { query?: string }>();
  const commits: CommitRecord[] = [];
  const holds = new Set<{ match: RegExp; released: Promise<void>; release(): void }>();

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    if (pathname.startsWith('/sco/')) {
      const relPath = pathname.slice('/sco/'.length);
      await Promise.all([...holds].filter((h) => h.match.test(relPath)).map((h) => h.released));
      return sendStaticFile(req, res, scoDir, relPath);
    }
    if (pathname === `/lms/${standard}.js`) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(lmsScript);
      return;
    }
    const launchMatch = /^\/launch\/(\d+)$/.exec(pathname);
    if (launchMatch && req.method === 'GET') {
      const id = Number(launchMatch[1]);
      const launch = launches.get(id);
      if (!launch) return void res.writeHead(404).end();
      const html = renderHostPage({ launchId: id, display: launch.display, cmi: launch.cmi, scoUrl: '/sco/index.html' + (launch.query ?? ''), standard });
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
      return;
    }
    const commitMatch = /^\/lms\/commit\/(\d+)$/.exec(pathname);
    if (commitMatch && req.method === 'POST') {
      const text = await readBody(req);
      commits.push({
        launchId: Number(commitMatch[1]),
        terminate: url.searchParams.get('terminate') === 'true',
        body: JSON.parse(text) as Record<string, string>,
      });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ result: true, errorCode: 0 }));
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let nextId = 1;

  return {
    origin,
    scoUrl: `${origin}/sco/index.html`,
    launch(options = {}) {
      const id = nextId++;
      launches.set(id, { display: options.display ?? 'iframe', cmi: { ...defaults.cmi, ...options.cmi }, ...(options.query && { query: options.query }) });
      return { id, url: `${origin}/launch/${id}` };
    },
    hold(match) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const held = { match, released, release: () => (holds.delete(held), release()) };
      holds.add(held);
      return held;
    },
    commits: (launchId) => commits.filter((c) => c.launchId === launchId),
    close: () =>
      new Promise<void>((resolve) => {
        for (const held of holds) held.release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
