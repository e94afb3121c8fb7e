/**
 * axe-core on every kind of page of the SCORM 1.2 package, as a learner reaches it inside
 * the LMS iframe: no serious or critical violation, at three frame sizes (a desktop, an LMS's
 * in-page player, a phone). One session: each page is reached once and checked at each size
 * (the LMS frame follows the window), with the outline's menu open too where it is a menu.
 */
import { describe, expect, it } from 'vitest';
import { blockingViolations, runAxe, scoFrame } from '../../support/axe.js';
import { wrongChoices, type AuthoredStep } from '../../support/sample-course.js';
import { openLaunch, useScorm12World, type OpenedLaunch } from '../../support/scorm12-e2e.js';
import { UI } from '../../support/learner.js';

const world = useScorm12World();

/** A desktop, Moodle's in-page player on a laptop, a phone. */
const FRAME_SIZES = { desktop: { width: 1280, height: 900 }, 'LMS frame': { width: 650, height: 700 }, phone: { width: 390, height: 844 } };

describe('accessibility of each page type (axe-core)', () => {
  let session: OpenedLaunch;
  let step: AuthoredStep;

  async function expectNoBlockingViolation(page: string): Promise<void> {
    const found: string[] = [];
    for (const [name, size] of Object.entries(FRAME_SIZES)) {
      await session.host.setViewportSize(size);
      const frame = scoFrame(session.host);
      found.push(...blockingViolations(await runAxe(frame)).map((v) => `${name}: ${v}`));
      // The outline is the same on every page: its menu is checked open once, on the step page.
      if (page !== 'step view' || !(await frame.locator('[data-action="menu"]').isVisible())) continue;
      await frame.locator('[data-action="menu"]').click();
      await frame.locator('[data-outline]').waitFor();
      found.push(...blockingViolations(await runAxe(frame)).map((v) => `${name}, outline menu open: ${v}`));
      await session.host.keyboard.press('Escape');
      await frame.locator('[data-outline]').waitFor({ state: 'hidden' });
    }
    expect(found, `${page}:\n${found.join('\n\n')}`).toEqual([]);
  }

  it('path view', async () => {
    step = world.course.steps[0]!;
    session = await openLaunch(world);
    await session.learner.view(world.course.title).waitFor();
    await expectNoBlockingViolation('path view');
  });

  it('step view', async () => {
    await session.learner.openStep(step);
    await expectNoBlockingViolation('step view');
  });

  it('video', async () => {
    const view = await session.learner.openActivity(step, step.video!.title);
    await view.locator('video').evaluate((v: HTMLVideoElement) =>
      v.readyState >= 1 ? undefined : new Promise((resolve) => v.addEventListener('loadedmetadata', resolve, { once: true })),
    );
    await expectNoBlockingViolation('video');
  });

  it('quiz, before submitting', async () => {
    await session.learner.openActivity(step, step.quiz!.title);
    await expectNoBlockingViolation('quiz before submitting');
  });

  it('quiz, after submitting (feedback, explanation, retry)', async () => {
    const view = session.learner.view(step.quiz!.title);
    await session.learner.answerQuiz(view, step.quiz!, wrongChoices);
    await view.getByRole('button', { name: UI.retry }).waitFor();
    await expectNoBlockingViolation('quiz after submitting');
  });

  it('sheet', async () => {
    await session.learner.openActivity(step, step.sheet!.title);
    await expectNoBlockingViolation('sheet');
  });

  it('tool', async () => {
    const view = await session.learner.openActivity(step, step.tool!.title);
    await session.learner.fillTool(view, { partenariat: 'Un exemple', apports: ['economie'] }, step);
    await expectNoBlockingViolation('tool');
  });

  it('closing page, after leaving', async () => {
    await session.learner.leave();
    await expectNoBlockingViolation('closing page');
    await session.context.close();
  });
});
