/**
 * Everything an end-to-end xAPI test needs around the browser: the package built and unzipped,
 * served on 127.0.0.1 (its own origin, as an LMS's content server), a real LRS (lrs.ts) and a
 * State server behind one endpoint (lrs-proxy.ts, which requires credentials and counts what the
 * LRS accepted), and TinCan launch URLs.
 *
 *   const env = await startXapiEnvironment('xapi')
 *   env.launchUrl({ actor, registration })  → index.html?endpoint=…&auth=…&actor=…&registration=…&activity_id=…
 *                                            (`auth`: credentials of this launch, which the LRS accepts;
 *                                            pass `auth` to launch with others)
 *   env.front.accepted                      statement id → times the LRS accepted it
 *   await env.lrs.statements()  / env.state.read(...) / env.front.setMode('offline')
 *   await env.restartLrs()      the LRS process stopped and a new one started behind the same endpoint
 *   await env.stop()
 *
 * `PARCOURS_E2E_XAPI_DIR=<dir>` runs on an already unzipped package instead of building one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLrs, type RunningLrs } from './lrs.js';
import { startLrsProxy, type LrsProxy } from './lrs-proxy.js';
import { sendStaticFile } from './static-files.js';
import { startStateServer, type StateServer } from './state-server.js';
import { unzipTo } from './unzip.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface XapiEnvironment {
  /** Origin serving the unzipped package. */
  packageOrigin: string;
  packageDir: string;
  lrs: RunningLrs;
  state: StateServer;
  front: LrsProxy;
  /** The launch URL an LMS would open, with TinCan parameters. */
  launchUrl(params: { actor: object; registration?: string; activityId: string; auth?: string; extra?: Record<string, string> }): string;
  restartLrs(): Promise<void>;
  stop(): Promise<void>;
}

export async function startXapiEnvironment(target: string, courseDir = path.join(REPO_ROOT, 'course')): Promise<XapiEnvironment> {
  const work = await mkdtemp(path.join(tmpdir(), 'parcours-xapi-e2e-'));
  const packageDir = process.env.PARCOURS_E2E_XAPI_DIR || (await buildAndUnzip(courseDir, target, work));
  const [lrs, state] = await Promise.all([startLrs(), startStateServer()]);
  const front = await startLrsProxy({ lrsPort: lrs.port, state });
  const server: Server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice(1));
    sendStaticFile(req, res, packageDir, rel).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const packageOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const env: XapiEnvironment = {
    packageOrigin,
    packageDir,
    lrs,
    state,
    front,
    launchUrl({ actor, registration, activityId, auth, extra }) {
      const query = new URLSearchParams({
        endpoint: front.endpoint,
        auth: auth ?? front.newCredentials(),
        actor: JSON.stringify(actor),
        ...(registration ? { registration } : {}),
        activity_id: activityId,
        ...extra,
      });
      return `${packageOrigin}/index.html?${query.toString()}`;
    },
    async restartLrs() {
      await env.lrs.stop();
      env.lrs = await startLrs();
      front.setUpstream(env.lrs.port);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await front.close();
      await Promise.all([env.lrs.stop(), state.close()]);
      await rm(work, { recursive: true, force: true });
    },
  };
  return env;
}

async function buildAndUnzip(courseDir: string, target: string, work: string): Promise<string> {
  const { build } = await import('../../src/build.js');
  const result = await build({ courseDir, targets: [target], options: { outDir: path.join(work, 'dist'), masteryScore: true } });
  const built = result.packages[0];
  if (!result.ok || !built) {
    const messages = result.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`).join('\n');
    throw new Error(`build of ${courseDir} for ${target} failed:\n${messages}`);
  }
  const dir = path.join(work, 'package');
  await unzipTo(built.zipPath, dir);
  return dir;
}
