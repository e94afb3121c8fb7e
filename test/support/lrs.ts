/**
 * A real LRS for tests: @learninglocker/xapi-statements (GPL), installed in its own folder
 * test/e2e/lrs/ (lrs-install.ts: the global setup runs `npm ci` there), in memory, as a child
 * process on 127.0.0.1 with a port the OS picks.
 *
 *   const lrs = await startLrs()           // resolves once it answers
 *   lrs.endpoint                           → http://127.0.0.1:<port>/xAPI/
 *   await lrs.statements()                 → every stored statement, oldest first
 *   await lrs.stop()
 *
 * The package's server binds `EXPRESS_PORT` on every interface and only logs the port it was
 * given; the launcher below (run with `node -e`) makes Express listen on 127.0.0.1:0 instead
 * and reports the real port over IPC. It needs AUTH_REPO=test MODELS_REPO=memory
 * STORAGE_REPO=local EVENTS_REPO=test; it still tries MongoDB once at start (the repo facade
 * connects eagerly), fails quietly and serves from memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Statement } from '@xapi/xapi';
import { LRS_DIR, LRS_PACKAGE_DIR, lrsIsInstalled } from './lrs-install.js';
import { SERVER_START_MS } from './timeouts.js';

/** Any credentials pass the test auth repo; a realistic Basic header still goes out. */
export const TEST_LRS_AUTH = 'Basic ' + Buffer.from('parcours:test').toString('base64');

export interface RunningLrs {
  endpoint: string;
  port: number;
  statements(): Promise<Statement[]>;
  stop(): Promise<void>;
}

const LAUNCHER = `
const path = require('node:path');
const http = require('node:http');
const lrsDir = process.env.PARCOURS_LRS_DIR;
const express = require(require.resolve('express', { paths: [lrsDir] }));
express.application.listen = function (_port, callback) {
  const server = http.createServer(this);
  server.listen(0, '127.0.0.1', () => {
    process.send({ port: server.address().port });
    if (callback) callback();
  });
  return server;
};
process.on('disconnect', () => process.exit(0));
require(path.join(lrsDir, 'dist', 'server.js'));
`;

export async function startLrs(): Promise<RunningLrs> {
  if (!lrsIsInstalled()) {
    throw new Error(`the test LRS is not installed in ${LRS_DIR}: npm test's global setup installs it (or run \`npm ci --prefix test/e2e/lrs\`)`);
  }
  const lrsDir = LRS_PACKAGE_DIR;
  const workDir = await mkdtemp(path.join(tmpdir(), 'parcours-lrs-'));
  const child: ChildProcess = spawn(process.execPath, ['-e', LAUNCHER], {
    cwd: workDir,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: {
      ...process.env,
      PARCOURS_LRS_DIR: lrsDir,
      AUTH_REPO: 'test',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      EVENTS_REPO: 'test',
      FS_LOCAL_STORAGE_DIR: path.join(workDir, 'storage'),
      EXPRESS_MORGAN_DIRECTORY: path.join(workDir, 'logs'),
      WINSTON_CONSOLE_LEVEL: 'error',
      // One refused connection instead of retries; the memory repos never use it.
      MONGO_URL: 'mongodb://127.0.0.1:9/unused',
      NODE_NO_WARNINGS: '1',
    },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`LRS did not start within ${SERVER_START_MS / 1000} s:\n${stderr}`)), SERVER_START_MS);
    child.once('message', (message: { port?: number }) => {
      clearTimeout(timer);
      if (typeof message.port === 'number') resolve(message.port);
      else reject(new Error('LRS sent an unexpected message'));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`LRS exited with ${code} before listening:\n${stderr}`));
    });
  });
  const endpoint = `http://127.0.0.1:${port}/xAPI/`;
  let stopped = false;
  return {
    endpoint,
    port,
    statements: () => readAllStatements(endpoint, TEST_LRS_AUTH),
    async stop() {
      if (stopped) return;
      stopped = true;
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      child.kill('SIGTERM');
      await exited;
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** GET /statements, following `more`, oldest first. */
export async function readAllStatements(endpoint: string, auth: string): Promise<Statement[]> {
  const headers = { 'X-Experience-API-Version': '1.0.3', Authorization: auth };
  const origin = new URL(endpoint).origin;
  const all: Statement[] = [];
  let url: string | null = `${endpoint}statements?ascending=true&limit=500`;
  while (url) {
    const response: Response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`LRS answered ${response.status} to GET statements: ${await response.text()}`);
    const page = (await response.json()) as { statements: Statement[]; more?: string };
    all.push(...page.statements);
    url = page.more ? (page.more.startsWith('http') ? page.more : origin + page.more) : null;
  }
  return all;
}
