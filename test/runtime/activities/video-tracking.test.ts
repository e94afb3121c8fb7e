/**
 * A native video in Chromium, with an adapter that records what the core tells the LMS:
 * restoring the saved position is no learner action and reports nothing (no Video Profile
 * session for a video the learner never played), and a video played to its end at 16× on a
 * busy page (the main thread blocked most of every second) is credited in full.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeCourseOf } from '../../../src/package/state-budget.js';
import type { VideoEvent } from '../../../src/runtime/adapters/lms-adapter.js';
import type { RuntimeCourse } from '../../../src/shared/course-data.js';
import { emptyLearnerState } from '../../../src/shared/learner-state.js';
import { decodeState, encodeState } from '../../../src/shared/state-codec.js';
import { launchChromium } from '../../support/chromium.js';
import { openCoursePage, recordedValues as named, serveRecordingSite, type RecordingSite } from '../../support/recording-site.js';
import { VIDEO_WAIT_MS, waitUntil } from '../../support/timeouts.js';
import { sampleCourse } from '../../render/sample-course.js';

const VIDEO_SECONDS = 60;

let browser: Browser;
let site: RecordingSite;
let work: string;
let runtime: RuntimeCourse;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-video-'));
  const video = path.join(work, 'clip.webm');
  // A minute of test picture at 2 frames a second: long enough for 16× to take a few seconds.
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `testsrc=size=160x90:rate=2`, '-t', String(VIDEO_SECONDS), '-c:v', 'libvpx', '-b:v', '20k', video]);
  const course = sampleCourse({ video });
  runtime = runtimeCourseOf(course);
  site = await serveRecordingSite(course, path.join(work, 'site'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

function open(state: string | null, hash: string): Promise<Page> {
  return openCoursePage(browser, `${site.url}${state ? `?${new URLSearchParams({ state })}` : ''}${hash}`);
}

const verbs = async (page: Page) => (await named<VideoEvent>(page, 'recordVideoEvent')).map((e) => e.verb);

describe('video tracking', () => {
  it('restores the saved position without reporting anything, then reports from the learner’s play', async () => {
    const state = { ...emptyLearnerState(), location: 'etape1/intro-video' };
    state.videos['intro-video'] = { segments: [[0, 46]], position: 46 };
    for (const hash of ['#/etape1/intro-video', '#/']) {
      const page = await open(encodeState(state, runtime), hash);
      const player = page.locator('video');
      if (hash === '#/') {
        // Behind the overview the video loads nothing (preload="none"); its page, once shown, does.
        expect(await player.evaluate((v: HTMLVideoElement) => v.readyState)).toBe(0);
        await page.evaluate(() => (window.location.hash = '#/etape1/intro-video'));
      }
      // The saved position is restored (a seek), whether the video's page opened first or later.
      await waitUntil(() => player.evaluate((v: HTMLVideoElement) => v.currentTime === 46 && !v.seeking && v.readyState >= 1), 'the saved position restored');
      await page.getByText('Vous avez vu 76\u00a0% de la vidéo').waitFor({ state: 'attached' });
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
      expect(await verbs(page)).toEqual([]);
      await page.close();
    }

    const page = await open(encodeState(state, runtime), '#/etape1/intro-video');
    const player = page.locator('video');
    await waitUntil(() => player.evaluate((v: HTMLVideoElement) => v.currentTime === 46 && !v.seeking), 'the saved position restored');
    // Played at Chromium's slowest rate: the play is reported when its event runs, which a loaded
    // machine delays (0.16 s of media at 1× was seen); at 1/16 the position stays by 46 meanwhile.
    await player.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      v.playbackRate = 0.0625;
      return v.play();
    });
    await waitUntil(async () => (await verbs(page)).includes('played'), 'the play reported');
    await player.evaluate((v: HTMLVideoElement) => v.pause());
    await waitUntil(async () => (await verbs(page)).includes('paused'), 'the pause reported');
    await page.getByRole('button', { name: 'Quitter' }).click();
    const reported = await named<VideoEvent>(page, 'recordVideoEvent');
    expect(reported.map((e) => e.verb)).toEqual(['initialized', 'played', 'paused', 'terminated']);
    expect(reported[0]).toMatchObject({ activityId: 'intro-video', length: VIDEO_SECONDS });
    expect(reported[0]!.time).toBeCloseTo(46, 1);
    await page.close();
  });

  it('credits a video played to its end at 16× while the page is busy most of every second', async () => {
    const page = await open(null, '#/etape1/intro-video');
    const player = page.locator('video');
    await page.evaluate(() => {
      // A long task every second: `timeupdate` then comes ~0.9 s late, ~14 s of media at 16×.
      setInterval(() => {
        const until = performance.now() + 900;
        while (performance.now() < until);
      }, 1000);
    });
    await player.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      v.playbackRate = 16;
      return v.play();
    });
    await waitUntil(() => player.evaluate((v: HTMLVideoElement) => v.ended), 'the video to end', { timeout: VIDEO_WAIT_MS });
    await page.locator('[data-video-status]').getByText('Vidéo vue', { exact: true }).waitFor();
    // `ended` reads true before the `pause` and `ended` events run (a long task may sit between):
    // wait for the save they make, then check what it holds.
    const lastSegments = async () => decodeState((await named<string>(page, 'saveState')).at(-1) ?? '', runtime).videos['intro-video']?.segments;
    await waitUntil(async () => (await lastSegments())?.[0]?.[1] === VIDEO_SECONDS, 'the save made at the end of the video').catch(() => undefined);
    expect(await lastSegments()).toEqual([[0, VIDEO_SECONDS]]);
    await page.close();
  });
});
