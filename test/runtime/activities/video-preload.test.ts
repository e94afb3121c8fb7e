/**
 * A launch fetches no video (issue 12: every launch started, then cancelled, a metadata download
 * for each of the sample course's videos): videos wait with preload="none", and only the video
 * whose page is shown asks for its metadata. In Chromium, on the sample course rendered with the
 * recording adapter, counting the requests for .mp4 files.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/load/index.js';
import { launchChromium } from '../../support/chromium.js';
import { serveRecordingSite, type RecordingSite } from '../../support/recording-site.js';
import { POLL } from '../../support/timeouts.js';

let browser: Browser;
let site: RecordingSite;
let work: string;

beforeAll(async () => {
  const { course, diagnostics } = await loadCourse(path.resolve('course'));
  if (!course) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-video-preload-'));
  site = await serveRecordingSite(course, work);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('videos on launch', () => {
  it('fetches no video on the overview, and only the shown video’s when its page opens', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const videos: string[] = [];
    page.on('request', (request) => {
      if (/\.(mp4|webm)(\?|$)/.test(request.url())) videos.push(path.basename(new URL(request.url()).pathname));
    });
    await page.goto(site.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Everything the page asked for on load has been asked for by then.
    await page.waitForLoadState('networkidle');
    expect(videos).toEqual([]);

    await page.evaluate(() => (window.location.hash = '#/typologie/typologie-video'));
    const player = page.locator('[data-activity="typologie-video"] video');
    await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.readyState), POLL).toBeGreaterThanOrEqual(1);
    expect(new Set(videos)).toEqual(new Set(['typologie.mp4']));
    await page.close();
  });
});
