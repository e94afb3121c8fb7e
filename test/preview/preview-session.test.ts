import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { CourseError } from '../../src/diagnostics/diagnostic.js';
import { EVENTS_PATH, startPreview, type PreviewBuildReport, type PreviewSession } from '../../src/preview/index.js';
import { EventReader, get } from './preview-client.js';

const minimalCourse = fileURLToPath(new URL('../fixtures/valid/minimal', import.meta.url));
const STEP = 'steps/01-basics.yaml';
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-preview-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function courseCopy(name: string): Promise<string> {
  const dir = path.join(work, name);
  await cp(minimalCourse, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` with its size, modification time and content hash. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries) {
    const abs = path.join(entry.parentPath, entry.name);
    const info = await stat(abs);
    const hash = entry.isFile() ? createHash('sha256').update(await readFile(abs)).digest('hex') : 'dir';
    files[path.relative(dir, abs)] = `${info.size} ${info.mtimeMs} ${hash}`;
  }
  return files;
}

const page = async (url: string) => (await get(url, '/')).body.toString('utf8');

describe('parcours preview: serving', () => {
  let dir: string;
  let session: PreviewSession;
  let before: Record<string, string>;

  beforeAll(async () => {
    dir = await courseCopy('serving');
    before = await snapshot(dir);
    session = await startPreview({ courseDir: dir, port: 0 });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('listens on 127.0.0.1 and serves the course page with the live-reload script, without an overlay', async () => {
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const answer = await get(session.url, '/');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = answer.body.toString('utf8');
    expect(html).toContain('A minimal course');
    expect(html).toContain('The basics');
    expect(html).toContain('data-notice="standalone"');
    expect(html).toContain(EVENTS_PATH);
    expect(html).not.toContain('parcours-preview-overlay');
    expect((await get(session.url, '/index.html')).body.toString('utf8')).toBe(html);
    expect((await get(session.url, '/parcours.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('streams course media from disk with their type, and answers a Range request with 206', async () => {
    const video = await readFile(path.join(dir, 'media/intro.mp4'));
    const whole = await get(session.url, '/content/media/intro.mp4');
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.body.equals(video)).toBe(true);

    const part = await get(session.url, '/content/media/intro.mp4', { Range: 'bytes=2-5' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 2-5/${video.length}`);
    expect(part.body.equals(video.subarray(2, 6))).toBe(true);

    const tail = await get(session.url, '/content/media/intro.mp4', { Range: 'bytes=-3' });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(video.subarray(video.length - 3))).toBe(true);
    expect((await get(session.url, '/content/media/intro.mp4', { Range: `bytes=${video.length}-` })).status).toBe(416);

    expect((await get(session.url, '/content/media/intro.en.vtt')).headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect((await get(session.url, '/content/media/intro.jpg')).headers['content-type']).toBe('image/jpeg');
  });

  it('refuses paths that climb out of what it serves, and serves no course file the page does not use', async () => {
    const secret = path.join(work, 'secret.txt');
    await writeFile(secret, 'outside the course');
    const attempts = [
      '/../course.yaml',
      '/content/../course.yaml',
      '/content/%2e%2e/course.yaml',
      '/content/..%2fcourse.yaml',
      '/content/media%2f..%2f..%2fcourse.yaml',
      '/content/..%5c..%5ccourse.yaml',
      '/content/../../secret.txt',
      '/content/%2E%2E/%2E%2E/secret.txt',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    ];
    for (const attempt of attempts) {
      const answer = await get(session.url, attempt);
      expect([403, 404], attempt).toContain(answer.status);
      expect(answer.body.toString('utf8'), attempt).not.toMatch(/outside the course|minimal-course|root:/);
    }
    // Inside the folder but not used by the page: course sources stay private.
    for (const unused of ['/course.yaml', `/content/${STEP}`, '/content/course.yaml']) {
      expect((await get(session.url, unused)).status, unused).toBe(404);
    }
  });

  it('leaves the course folder as it was', async () => {
    await session.close();
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('parcours preview: rebuilding', () => {
  let dir: string;
  let session: PreviewSession;
  let events: EventReader;
  const reports: PreviewBuildReport[] = [];

  beforeAll(async () => {
    dir = await courseCopy('rebuilding');
    session = await startPreview({ courseDir: dir, port: 0, onBuild: (r) => reports.push(r) });
    events = await EventReader.open(session.url, EVENTS_PATH);
  });
  afterAll(async () => {
    events?.close();
    await session?.close();
  });

  const editStep = async (edit: (text: string) => string) => {
    const file = path.join(dir, STEP);
    await writeFile(file, edit(await readFile(file, 'utf8')));
  };

  it('reports the first build, and tells a new page which build it shows', async () => {
    expect(reports[0]).toMatchObject({ trigger: 'start', rendered: true });
    // The fixture's warnings (a YouTube video's captions) may be there; no error.
    expect(reports[0]!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const first = await events.next('build');
    expect(await page(session.url)).toContain(JSON.stringify(first.data));
  });

  it('rebuilds when a step changes, sends reload, and serves the new title', async () => {
    await editStep((text) => text.replace('title: The basics', 'title: The essentials'));
    const reload = await events.next('reload');
    const html = await page(session.url);
    expect(html).toContain('The essentials');
    expect(html).not.toContain('The basics');
    expect(html).toContain(JSON.stringify(reload.data));
    expect(reports.at(-1)).toMatchObject({ trigger: 'change', changed: [STEP], rendered: true, reloaded: true });
  });

  it('shows a YAML error in an overlay over the last page, and keeps serving', async () => {
    await editStep((text) => text.replace('activities:\n', 'activities:\n  - kind: [video\n'));
    await events.next('reload');
    const html = await page(session.url);
    const errors = reports.at(-1)!.diagnostics.filter((d: Diagnostic) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toContain('YAML_SYNTAX');
    expect(html).toContain('id="parcours-preview-overlay"');
    const first = errors[0]!;
    expect(html).toContain(`${STEP}:${first.loc!.line}:${first.loc!.column}`);
    expect(html).toContain('YAML_SYNTAX');
    expect(html).toContain('The essentials'); // the last version that rendered, under the overlay
    expect((await get(session.url, '/content/media/intro.mp4')).status).toBe(200);
  });

  it('clears the overlay once the file is fixed', async () => {
    await editStep((text) => text.replace('  - kind: [video\n', ''));
    await events.next('reload');
    const html = await page(session.url);
    expect(html).not.toContain('parcours-preview-overlay');
    expect(html).toContain('The essentials');
    expect(reports.at(-1)).toMatchObject({ rendered: true });
    expect(reports.at(-1)!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reloads without re-rendering when only a media file changes, and serves its new content', async () => {
    await writeFile(path.join(dir, 'media/intro.en.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nNew caption\n');
    await events.next('reload');
    expect(reports.at(-1)).toMatchObject({ changed: ['media/intro.en.vtt'], assetsOnly: true, reloaded: true });
    expect((await get(session.url, '/content/media/intro.en.vtt')).body.toString('utf8')).toContain('New caption');
  });

  it('creates no file in the course folder', async () => {
    const names = (await readdir(dir, { recursive: true })).sort();
    expect(names).toEqual((await readdir(minimalCourse, { recursive: true })).sort());
  });
});

describe('parcours preview: a course with errors from the start', () => {
  it('serves a page with the overlay until the course is fixed', async () => {
    const dir = await courseCopy('broken');
    await writeFile(path.join(dir, 'course.yaml'), (await readFile(path.join(dir, 'course.yaml'), 'utf8')) + '\npassingScore: 150\n');
    const session = await startPreview({ courseDir: dir, port: 0 });
    try {
      const events = await EventReader.open(session.url, EVENTS_PATH);
      const html = await page(session.url);
      expect(html).toContain('id="parcours-preview-overlay"');
      expect(html).toContain('OUT_OF_RANGE');
      expect(html).toMatch(/course\.yaml:\d+:\d+/);
      await writeFile(path.join(dir, 'course.yaml'), await readFile(path.join(minimalCourse, 'course.yaml')));
      await events.next('reload');
      const fixed = await page(session.url);
      expect(fixed).not.toContain('parcours-preview-overlay');
      expect(fixed).toContain('The basics');
      events.close();
    } finally {
      await session.close();
    }
  });

  it('refuses a folder that does not exist, with the diagnostic validate gives', async () => {
    const missing = path.join(work, 'no-such-course');
    const error = await startPreview({ courseDir: missing, port: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CourseError);
    expect((error as CourseError).diagnostics.map((d) => d.code)).toEqual(['COURSE_NOT_FOUND']);
  });
});
