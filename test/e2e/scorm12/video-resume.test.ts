/**
 * A video's progress survives a relaunch whatever loads first: the runtime script, or the
 * video's metadata (a slow script, a cached video). The learner sees how much they watched
 * and the video starts again where they stopped.
 */
import { describe, expect, it } from 'vitest';
import { lastCommit, openLaunch, useScorm12World } from '../../support/scorm12-e2e.js';
import { resumeCmiFrom } from '../../support/scorm12-lms-data.js';

const world = useScorm12World();
const WATCHED_PROGRESS = /Vous avez vu (\d+)\s% de la vidéo/;

describe('video progress on relaunch', () => {
  let resume: Record<string, string>;

  it('is saved when the learner leaves mid-video', async () => {
    const session = await openLaunch(world);
    const step = world.course.steps[0]!;
    const view = await session.learner.watchVideo(step, 0.3);
    await view.getByText(WATCHED_PROGRESS).waitFor();
    await session.learner.leave();
    resume = resumeCmiFrom(lastCommit(world, session.launch).body);
    await session.context.close();
  });

  for (const order of ['runtime first', 'video metadata first'] as const) {
    it(`is shown and playback resumes (${order})`, async () => {
      // Holding one file back decides which arrives first: the runtime script or the video.
      const held = order === 'video metadata first' ? /^parcours\.js$/ : /\.mp4$/;
      world.host.delay(held, 1500);
      try {
        const session = await openLaunch(world, { cmi: resume });
        const step = world.course.steps[0]!;
        const view = session.learner.view(step.video!.title);
        await view.waitFor();
        const status = view.getByText(WATCHED_PROGRESS);
        await status.waitFor({ timeout: 5000 });
        const seen = Number(WATCHED_PROGRESS.exec((await status.textContent()) ?? '')?.[1]);
        expect(seen).toBeGreaterThanOrEqual(25);
        expect(seen).toBeLessThan(50);
        const position = await view.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime);
        expect(position).toBeGreaterThan(10);
        await session.context.close();
      } finally {
        world.host.delay(held, 0);
      }
    });
  }
});
