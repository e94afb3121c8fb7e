/**
 * On a 390×844 phone the first answer of a quiz is in view without scrolling (issue 12: the
 * offline notice, the breadcrumb, the eyebrow and a four-line title pushed it to y ≈ 660 of the
 * 740 px such a phone's browser leaves the page). The sample course's package opened on its own
 * (no LMS: the offline notice shows), in Chromium, on each step's quiz: the whole first answer
 * must lie within the top 740 px, starting in its first three quarters (room for the next
 * answers below it); the figures are printed. At the start of issue 12 it started at y 588 (the
 * two-line answer of the first quiz ended at 662); the header's and the quiz's tighter spacing on
 * phones brought it to 551.
 */
/** What a 390×844 phone's browser leaves the page under its address and tool bars. */
const VISIBLE_HEIGHT = 740;
import http from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/chromium.js';
import { readAuthoredCourse } from '../../support/sample-course.js';
import { buildPackage, SAMPLE_COURSE_DIR, type BuiltPackage } from '../../support/sample-package.js';
import { sendStaticFile } from '../../support/static-files.js';
import { HOOK_TIMEOUT_MS, SLOW_TEST_TIMEOUT_MS } from '../../support/timeouts.js';

let pkg: BuiltPackage;
let server: http.Server;
let browser: Browser;
let url: string;

beforeAll(async () => {
  pkg = await buildPackage();
  server = http.createServer((req, res) => void sendStaticFile(req, res, pkg.dir, decodeURIComponent(new URL(req.url!, 'http://x').pathname.slice(1))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/index.html`;
  browser = await launchChromium();
}, HOOK_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await pkg?.remove();
});

describe('a quiz on a 390×844 phone', () => {
  it('shows the first answer of every quiz without scrolling, under the offline notice', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    const course = readAuthoredCourse(SAMPLE_COURSE_DIR);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const step of course.steps) {
      const quiz = step.quiz!;
      await page.goto(`${url}#/${step.id}/${quiz.id}`);
      const view = page.locator(`[data-activity="${quiz.id}"]`);
      await view.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('[data-notice="standalone"]').waitFor();
      const first = view.locator('.choice').first();
      await first.waitFor();
      const { top, bottom, height } = await first.evaluate((el) => ({ ...el.getBoundingClientRect().toJSON(), height: window.innerHeight }) as { top: number; bottom: number; height: number });
      console.info(`${quiz.id}: first answer at y ${Math.round(top)}–${Math.round(bottom)} of ${height}`);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(height).toBe(844);
      expect(bottom).toBeLessThanOrEqual(VISIBLE_HEIGHT);
      expect(top).toBeLessThanOrEqual(VISIBLE_HEIGHT * 0.75);
    }
    await page.close();
  });

  it('gives the previous and next links the same width, stacked', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const location of ['enjeux/enjeux-quiz', 'evaluation/evaluation-outil']) {
      // The second goto only changes the hash: the page shows that view once it handled the hashchange.
      await page.goto(`${url}#/${location}`);
      const pager = page.locator(`[data-view="${location}"]:not([hidden]) .pager`);
      await pager.waitFor();
      const widths = await pager.locator('.pager-link').evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().width)));
      expect(widths).toHaveLength(2);
      expect(widths[1]).toBe(widths[0]);
    }
    await page.close();
  });
});
