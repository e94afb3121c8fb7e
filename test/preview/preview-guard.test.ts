/**
 * The preview against what happens around it: a page elsewhere reaching it through DNS
 * rebinding (its own host name pointed at 127.0.0.1), and the course folder moved away and
 * back (a branch switch, a sync tool), after which the preview must still follow edits.
 */
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_PATH, startPreview, type PreviewBuildReport, type PreviewSession } from '../../src/preview/index.js';
import { waitUntil } from '../support/timeouts.js';
import { get } from './preview-client.js';

const minimalCourse = fileURLToPath(new URL('../fixtures/valid/minimal', import.meta.url));
const STEP = 'steps/01-basics.yaml';
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-preview-guard-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('parcours preview: Host header', () => {
  let session: PreviewSession;
  beforeAll(async () => {
    const dir = path.join(work, 'hosts');
    await cp(minimalCourse, dir, { recursive: true });
    session = await startPreview({ courseDir: dir, port: 0 });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('answers requests addressed to 127.0.0.1, localhost or [::1] with its port', async () => {
    const port = session.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`]) {
      const answer = await get(session.url, '/', { Host: host });
      expect(answer.status, host).toBe(200);
      expect(answer.body.toString('utf8'), host).toContain('A minimal course');
    }
  });

  it('refuses any other Host (DNS rebinding) with 421 and a plain message, for pages, files and events', async () => {
    const port = session.port;
    const hosts = [`attacker.example:${port}`, 'attacker.example', `127.0.0.1.nip.io:${port}`, `127.0.0.2:${port}`, `localhost:${port + 1}`, '127.0.0.1'];
    for (const host of hosts) {
      for (const where of ['/', '/parcours.js', '/content/media/intro.mp4', EVENTS_PATH]) {
        const answer = await get(session.url, where, { Host: host });
        expect(answer.status, `${host} ${where}`).toBe(421);
        expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(answer.body.toString('utf8')).toBe(`This preview answers only at http://127.0.0.1:${port}/ or http://localhost:${port}/\n`);
      }
    }
  });
});

describe('parcours preview: the course folder moved away and back', () => {
  it('keeps watching it: an edit made after the return is rebuilt and served', async () => {
    const dir = path.join(work, 'moving');
    const away = path.join(work, 'moved-away');
    await cp(minimalCourse, dir, { recursive: true });
    const reports: PreviewBuildReport[] = [];
    const session = await startPreview({ courseDir: dir, port: 0, onBuild: (r) => reports.push(r) });
    try {
      await rename(dir, away);
      await waitUntil(() => reports.some((r) => r.diagnostics.some((d) => d.code === 'COURSE_NOT_FOUND')), 'the preview to notice the folder is gone');
      await rename(away, dir);
      const step = path.join(dir, STEP);
      await writeFile(step, (await readFile(step, 'utf8')).replace('title: The basics', 'title: Back again'));
      const page = async () => (await get(session.url, '/')).body.toString('utf8');
      await waitUntil(async () => (await page()).includes('Back again'), 'the edit made after the move back to be served');
      // The report of that build may come just after its page is served.
      await waitUntil(() => reports.at(-1)?.rendered, 'the report of the rebuilt course');
    expect(reports.at(-1)!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
