/**
 * A video's progress survives a relaunch whether the runtime script comes quickly or late (a
 * slow script: the videos then wait, preload="none", and fetch nothing before the runtime asks
 * for the shown one's metadata). The learner sees how much they watched and the video starts
 * again where they stopped.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { finalCommit, openLaunch, untilRuntimeStarted, useScorm12World } from '../../support/scorm12-e2e.js';
import { resumeCmiFrom } from '../../support/scorm12-lms-data.js';
import { POLL, waitUntil } from '../../support/timeouts.js';

/**
 * Once the page is parsed up to its (held) runtime script, so every video is in it, and the videos
 * have settled without loading (preload="none"): their readyState, each 0. Chromium's parser yields
 * under load, so "some video is in the page" is not yet "every video is".
 */
async function videosWaiting(host: Page): Promise<number[]> {
  let states: number[] = [];
  await waitUntil(async () => {
    const sco = host.frames().find((frame) => frame.url().includes('/sco/'));
    const found = await sco?.evaluate(() => {
      if (!document.querySelector('script[src$="parcours.js"]')) return null;
      const videos = [...document.querySelectorAll('video')];
      // NETWORK_IDLE: the resource selection ran and stopped, as preload="none" asks.
      return videos.length > 0 && videos.every((v) => v.networkState === HTMLMediaElement.NETWORK_IDLE) ? videos.map((v) => v.readyState) : null;
    });
    if (found) states = found;
    return !!found;
  }, "the SCO's videos settled");
  return states;
}

const world = useScorm12World();
const WATCHED_PROGRESS = /Vous avez vu (\d+)\s% de la vidéo/;

describe('video progress on relaunch', () => {
  let resume: Record<string, string>;

  it('is saved when the learner leaves mid-video', async () => {
    const session = await openLaunch(world);
    const step = world.course.steps[0]!;
    const view = await session.learner.watchVideo(step, 0.3);
    // The runtime counts and shows the time watched from the video's events: polled until it
    // caught up with the paused video, then checked that it did not count more.
    const shownPercent = async () => Number(WATCHED_PROGRESS.exec((await view.getByText(WATCHED_PROGRESS).textContent()) ?? '')?.[1]);
    await expect.poll(shownPercent, POLL).toBeGreaterThanOrEqual(25);
    expect(await shownPercent()).toBeLessThan(50);
    await session.learner.leave();
    const saved = (await finalCommit(world, session.launch)).body;
    // Left to come back: suspended, with the learner state (the codec's "p<version>:…" text).
    expect(saved['cmi.core.exit']).toBe('suspend');
    expect(saved['cmi.suspend_data']).toMatch(/^p\d+:./);
    resume = resumeCmiFrom(saved);
    await session.context.close();
  });

  for (const order of ['runtime first', 'runtime late'] as const) {
    it(`is shown and playback resumes (${order})`, async () => {
      // Holding one file back until the other side has happened decides which comes first:
      // the runtime script running, or the videos settling (then without their metadata).
      const late = order === 'runtime late';
      const held = world.host.hold(late ? /^parcours\.js$/ : /\.mp4$/);
      try {
        const session = await openLaunch(world, {
          cmi: resume,
          whileLoading: async (host) => {
            if (late) expect(await videosWaiting(host)).toEqual(world.course.steps.map(() => 0));
            else await untilRuntimeStarted(host);
            held.release();
          },
        });
        const step = world.course.steps[0]!;
        const view = session.learner.view(step.video!.title);
        await view.waitFor();
        const status = view.getByText(WATCHED_PROGRESS);
        await status.waitFor();
        const seen = Number(WATCHED_PROGRESS.exec((await status.textContent()) ?? '')?.[1]);
        expect(seen).toBeGreaterThanOrEqual(25);
        expect(seen).toBeLessThan(50);
        const position = await view.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime);
        expect(position).toBeGreaterThan(10);
        await session.context.close();
      } finally {
        held.release();
      }
    });
  }
});
