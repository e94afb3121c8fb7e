/**
 * An external (YouTube) video in Chromium, on the learner-experience fixture rendered with the
 * recording adapter: when the player's site cannot be reached (requests to it aborted, as offline
 * or behind an LMS's firewall), the frame gives way to a message and a link to the video, and no
 * "I have watched the video" is offered; when it can, the frame stays and the button comes. The
 * captions of the fixture's .vtt are the video's transcript.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/load/index.js';
import { launchChromium } from '../../support/chromium.js';
import { openCoursePage, serveRecordingSite, type RecordingSite } from '../../support/recording-site.js';
import { POLL } from '../../support/timeouts.js';

const FIXTURE = path.resolve('test/fixtures/valid/learner-experience');
const PLAYER = /^https:\/\/www\.youtube-nocookie\.com\//;

let browser: Browser;
let site: RecordingSite;
let work: string;

beforeAll(async () => {
  const { course, diagnostics } = await loadCourse(FIXTURE);
  if (!course) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-external-video-'));
  site = await serveRecordingSite(course, work);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The course on the video's page, the player's site answering (`reachable`) or not. */
async function openVideo(reachable: boolean): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.route(PLAYER, (route) => (reachable ? route.fulfill({ status: 200, contentType: 'text/html', body: '<p>player</p>' }) : route.abort('internetdisconnected')));
  await page.goto(`${site.url}#/video/hosted-video`);
  await page.getByRole('heading', { level: 1, name: 'A video on YouTube' }).waitFor();
  return page;
}

describe('an external video', () => {
  it('shows a message and a link instead of a frame that cannot load, and asks for no confirmation', async () => {
    const page = await openVideo(false);
    const view = page.locator('[data-activity="hosted-video"]');
    await view.getByText('The YouTube player cannot load here').waitFor();
    const link = view.getByRole('link', { name: 'Watch the video on YouTube (new tab)' });
    expect(await link.getAttribute('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await view.locator('iframe').isVisible()).toBe(false);
    expect(await view.getByRole('button', { name: 'I have watched the video' }).isVisible()).toBe(false);
    expect(await view.getByText('tell us when you have watched it').isVisible()).toBe(false);
    await page.close();
  });

  it('keeps the frame and offers "I have watched the video" once the player’s site answers', async () => {
    const page = await openVideo(true);
    const view = page.locator('[data-activity="hosted-video"]');
    const button = view.getByRole('button', { name: 'I have watched the video' });
    await expect.poll(() => button.isVisible(), POLL).toBe(true);
    expect(await view.locator('iframe').isVisible()).toBe(true);
    expect(await view.getByText('The YouTube player cannot load here').isVisible()).toBe(false);
    await button.click();
    await view.getByText('Video watched').waitFor();
    await page.close();
  });

  it('shows its captions as a transcript', async () => {
    const page = await openVideo(true);
    const view = page.locator('[data-activity="hosted-video"]');
    await view.getByText('Video transcript (its captions, English)').click();
    await view.getByText('Welcome to this short video. We talk about partnerships & their rules.').waitFor();
    await page.close();
  });
});
