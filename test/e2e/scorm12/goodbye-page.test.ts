/**
 * The goodbye page after Leave (issue 9 item 15): it once said "you can close this window",
 * which inside an LMS's in-page player would close the LMS. It now says what to do for the way
 * the course was opened, and offers to close a window of its own where the browser lets it:
 * in the LMS's frame (no close button; the Moodle preset names Moodle's « Terminer l’activité »),
 * in a popup the LMS opened (the button closes it, back to the LMS), in a tab opened by a plain
 * link (the button closes it too), and on a page reached otherwise (text only). The Moodle
 * preset also keeps the page's left edge clear of Moodle's floating contents button on phones.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_COURSE_DIR } from '../../support/sample-package.js';
import { openLaunch } from '../../support/scorm12-e2e.js';
import { scorm12Worlds } from '../../support/scorm12-worlds.js';
import { Learner, type Scope } from '../../support/learner.js';

const FRAME_GENERIC = 'utilisez la navigation de votre plateforme autour de cette page';
const FRAME_MOODLE = 'utilisez le bouton « Terminer l’activité » de Moodle, en haut de la page';
const OWN_WINDOW = 'Le parcours s’est ouvert dans sa propre fenêtre';
const CLOSE = 'Fermer cette fenêtre';

const worlds = scorm12Worlds(SAMPLE_COURSE_DIR);

/** The goodbye page's visible text, and whether its close button shows. */
async function goodbye(scope: Scope): Promise<{ text: string; closeButton: boolean }> {
  const page = scope.locator('[data-closed]');
  await page.waitFor();
  return {
    text: (await page.innerText()).replace(/\s+/g, ' '),
    closeButton: await scope.getByRole('button', { name: CLOSE }).isVisible(),
  };
}

describe('the goodbye page after Leave', () => {
  it('in the LMS frame: no "close this window", the platform’s own way back, no close button', async () => {
    const session = await openLaunch(worlds.get('generic')!);
    await session.learner.leave();
    const shown = await goodbye(session.sco);
    expect(shown.text).toContain('Votre progression est enregistrée.');
    expect(shown.text).toContain(FRAME_GENERIC);
    expect(shown.text).not.toContain(OWN_WINDOW);
    expect(shown.text).not.toMatch(/fermer cette fenêtre/i);
    expect(shown.closeButton).toBe(false);
    await session.context.close();
  });

  it('in Moodle’s frame (--lms moodle): names Moodle’s « Terminer l’activité » button', async () => {
    const session = await openLaunch(worlds.get('moodle')!);
    await session.learner.leave();
    const shown = await goodbye(session.sco);
    expect(shown.text).toContain(FRAME_MOODLE);
    expect(shown.closeButton).toBe(false);
    await session.context.close();
  });

  it('in a popup the LMS opened: the button closes it, and the learner is back on the LMS page', async () => {
    const session = await openLaunch(worlds.get('generic')!, { display: 'popup' });
    await session.learner.leave();
    const shown = await goodbye(session.sco);
    expect(shown.text).toContain(OWN_WINDOW);
    expect(shown.text).not.toContain(FRAME_GENERIC);
    expect(shown.closeButton).toBe(true);
    const popup = session.sco as Page;
    await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: CLOSE }).click()]);
    expect(popup.isClosed()).toBe(true);
    expect(session.host.isClosed()).toBe(false);
    await session.context.close();
  });

  it('in a tab opened by a plain link (no opener): the button closes it', async () => {
    const world = worlds.get('generic')!;
    const context = await world.browser.newContext();
    const opener = await context.newPage();
    await opener.goto(world.host.origin + '/launch/none');
    const [tab] = await Promise.all([context.waitForEvent('page'), opener.evaluate((url) => void window.open(url, '_blank', 'noopener'), world.host.scoUrl)]);
    await tab.waitForLoadState();
    const learner = new Learner(tab, world.course);
    await learner.heading().first().waitFor();
    await learner.leave();
    const shown = await goodbye(tab);
    expect(shown.text).toContain(OWN_WINDOW);
    expect(shown.closeButton).toBe(true);
    await Promise.all([tab.waitForEvent('close'), tab.getByRole('button', { name: CLOSE }).click()]);
    expect(tab.isClosed()).toBe(true);
    await context.close();
  });

  it('on a page reached otherwise (the browser would not let a script close it): the words, no button', async () => {
    const world = worlds.get('generic')!;
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(world.host.origin + '/launch/none');
    await page.goto(world.host.scoUrl);
    const learner = new Learner(page, world.course);
    await learner.heading().first().waitFor();
    await learner.leave();
    const shown = await goodbye(page);
    expect(shown.text).toContain(OWN_WINDOW);
    expect(shown.closeButton).toBe(false);
    await context.close();
  });

  it('on a phone in Moodle’s frame, the page keeps its left edge clear of Moodle’s contents button', async () => {
    const left = async (lms: string) => {
      const session = await openLaunch(worlds.get(lms)!, { viewport: { width: 390, height: 800 } });
      // The header's first control: the outline's menu button on a phone.
      const x = await session.sco.locator('.topbar > :first-child').evaluate((el) => el.getBoundingClientRect().left);
      await session.context.close();
      return x;
    };
    expect(await left('moodle')).toBeGreaterThanOrEqual(44);
    expect(await left('generic')).toBeLessThan(44);
  });
});
