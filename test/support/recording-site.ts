/**
 * A course rendered with the recording runtime entry (recording-entry.ts: the core's calls to
 * its LMS kept in `window.lmsCalls`), written to a folder and served on 127.0.0.1 (byte ranges
 * included, for videos), for the browser tests of the core and of the quiz rules.
 *
 *   const site = await serveRecordingSite(course, dir)   site.url: …/index.html; await site.close()
 *   const page = await openCoursePage(browser, site.url + '#/etape1')
 *   await recordedCalls(page) / await recordedValues<ProgressRecord>(page, 'setProgress')
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Course } from '../../src/model/course.js';
import { renderCourse } from '../../src/render/index.js';
import { previewTarget } from '../render/sample-course.js';
import { sendStaticFile } from './static-files.js';

const RECORDING_ENTRY = path.resolve(import.meta.dirname, 'recording-entry.ts');

export interface RecordingSite {
  /** The course page. */
  url: string;
  close(): Promise<void>;
}

export async function serveRecordingSite(course: Course, dir: string): Promise<RecordingSite> {
  const files = await renderCourse(course, previewTarget(RECORDING_ENTRY));
  for (const file of files) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    if (file.kind === 'data') await writeFile(target, file.data);
    else await copyFile(file.absPath, target);
  }
  const server = http.createServer((req, res) => void sendStaticFile(req, res, dir, decodeURIComponent(new URL(req.url!, 'http://x').pathname.slice(1))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/index.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A new page on `url`, once the runtime shows a heading. An error in the page fails the test
 * (through launchChromium's watch, chromium.ts).
 */
export async function openCoursePage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

/** Every call the core made, in order, as [method, value]. */
export function recordedCalls(page: Page): Promise<[string, unknown][]> {
  return page.evaluate(() => (window as unknown as { lmsCalls: [string, unknown][] }).lmsCalls);
}

/** The values the core passed to one method, in order. */
export async function recordedValues<T>(page: Page, method: string): Promise<T[]> {
  return (await recordedCalls(page)).filter(([name]) => name === method).map(([, value]) => value as T);
}
