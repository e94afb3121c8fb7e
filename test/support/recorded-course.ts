/**
 * A fixture course in Chromium for one test file: loaded, rendered with the adapter that records
 * what the core tells the LMS (recording-site.ts), served, and one browser, set up in beforeAll
 * and closed in afterAll.
 *
 *   const course = recordedCourse('test/fixtures/valid/rules')
 *   const page = await course.open('#/step/quiz', { state })   a new session (query: launch options)
 *   await course.go(page, '#/step/other')                       in-page, the session goes on
 *   const state = await savedState(page)
 *   course.runtime                                              the course data the package carries
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { runtimeCourseOf } from '../../src/package/state-budget.js';
import type { RuntimeCourse } from '../../src/shared/course-data.js';
import { launchChromium } from './chromium.js';
import { openCoursePage, recordedValues, serveRecordingSite, type RecordingSite } from './recording-site.js';

export interface RecordedCourse {
  readonly runtime: RuntimeCourse;
  open(hash: string, query?: Record<string, string>): Promise<Page>;
  go(page: Page, hash: string): Promise<void>;
}

export function recordedCourse(fixture: string): RecordedCourse {
  let browser: Browser | undefined;
  let site: RecordingSite | undefined;
  let work: string | undefined;
  let runtime: RuntimeCourse | undefined;

  beforeAll(async () => {
    const { course, diagnostics } = await loadCourse(path.resolve(fixture));
    if (!course) throw new Error(diagnostics.map((d) => d.message).join('\n'));
    runtime = runtimeCourseOf(course);
    work = await mkdtemp(path.join(os.tmpdir(), `parcours-${path.basename(fixture)}-`));
    site = await serveRecordingSite(course, work);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  return {
    get runtime() {
      return runtime!;
    },
    open: (hash, query = {}) => openCoursePage(browser!, `${site!.url}?${new URLSearchParams(query)}${hash}`),
    async go(page, hash) {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await page.locator(`[data-view="${hash.slice(2)}"]:not([hidden])`).waitFor();
    },
  };
}

/** The state saved when the page is hidden (the core's checkpoint flushes the debounced save). */
export async function savedState(page: Page): Promise<string> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  return (await recordedValues<string>(page, 'saveState')).at(-1)!;
}
