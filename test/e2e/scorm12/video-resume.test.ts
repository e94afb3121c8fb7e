/**
 * A video's progress survives a relaunch whatever loads first: the runtime script, or the
 * video's metadata (a slow script, a cached video). The learner sees how much they watched
 * and the video starts again where they stopped.
 */
import { describe, expect, it } from 'vitest';
import { lastCommit, openLaunch, untilRuntimeStarted, untilVideosHaveMetadata, useScorm12World } from '../../support/scorm12-e2e.js';
import { resumeCmiFrom } from '../../support/scorm12-lms-data.js';

const world = useScorm12World();
const WATCHED_PROGRESS = /Vous avez vu (\d+)\s% de la vidéo/;

describe('video progress on relaunch', () => {
  let resume: Record<string, string>;

  it('is saved when the learner leaves mid-video', async () => {
    const session = await openLaunch(world);
    const step = world.course.steps[0]!;
    const view = await session.learner.watchVideo(step, 0.3);
    const shown = Number(WATCHED_PROGRESS.exec((await view.getByText(WATCHED_PROGRESS).textContent()) ?? '')?.[1]);
    expect(shown).toBeGreaterThanOrEqual(25);
    expect(shown).toBeLessThan(50);
    await session.learner.leave();
    const saved = lastCommit(world, session.launch).body;
    // Left to come back: suspended, with the learner state (the codec's "p<version>:…" text).
    expect(saved['cmi.core.exit']).toBe('suspend');
    expect(saved['cmi.suspend_data']).toMatch(/^p\d+:./);
    resume = resumeCmiFrom(saved);
    await session.context.close();
  });

  for (const order of ['runtime first', 'video metadata first'] as const) {
    it(`is shown and playback resumes (${order})`, async () => {
      // Holding one file back until the other side has happened decides which comes first:
      // the runtime script running, or the video's metadata.
      const metadataFirst = order === 'video metadata first';
      const held = world.host.hold(metadataFirst ? /^parcours\.js$/ : /\.mp4$/);
      try {
        const session = await openLaunch(world, {
          cmi: resume,
          whileLoading: async (host) => {
            await (metadataFirst ? untilVideosHaveMetadata(host) : untilRuntimeStarted(host));
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
