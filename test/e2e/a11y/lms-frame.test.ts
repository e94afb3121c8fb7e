/**
 * The course inside an LMS's frame: Moodle's in-page player (a 650 × 700 iframe under the LMS's
 * own header) and a phone (390 px). The page sizes itself to the frame it is given and scrolls in
 * it (one vertical scroller, nothing sideways), the header keeps the course title and its progress
 * at every width, the end of a page stays clear of an LMS's floating buttons, and the outline is a
 * sidebar on wide frames and a menu on narrow ones that the keyboard opens and Escape closes.
 */
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { scoFrame } from '../../support/axe.js';
import { openLaunch, useScorm12World } from '../../support/scorm12-e2e.js';
import { POLL } from '../../support/timeouts.js';

const world = useScorm12World();

/** What the frame's layout looks like now, scrolled to the bottom of the page. */
function layout(frame: Frame) {
  return frame.evaluate(() => {
    const root = document.documentElement;
    window.scrollTo(0, root.scrollHeight);
    const visible = (el: Element) => el.getClientRects().length > 0;
    // Elements that scroll vertically besides the page itself (the outline's menu is closed).
    const innerScrollers = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => visible(el) && /auto|scroll/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1)
      .map((el) => el.className || el.tagName);
    const rect = (selector: string) => {
      const el = [...document.querySelectorAll(selector)].find(visible);
      return el ? el.getBoundingClientRect().toJSON() : null;
    };
    const title = document.querySelector<HTMLElement>('.brand-title')!;
    const pagers = [...document.querySelectorAll('.pager')].filter(visible);
    return {
      width: root.clientWidth,
      height: window.innerHeight,
      scrollWidth: root.scrollWidth,
      innerScrollers,
      header: rect('.topbar'),
      meterTrack: rect('.topbar .meter-track'),
      meterText: rect('.topbar [data-meter-text]'),
      titleClipped: title.scrollHeight > title.clientHeight + 1 || title.scrollWidth > title.clientWidth + 1,
      titleLines: Math.round(title.getBoundingClientRect().height / parseFloat(getComputedStyle(title).lineHeight)),
      pagerBottom: pagers[0]?.getBoundingClientRect().bottom ?? null,
    };
  });
}

describe('the course in an LMS frame', () => {
  it('in a 650 × 700 frame under the LMS header: one scroller, header and progress always in view', async () => {
    const session = await openLaunch(world, { viewport: { width: 1280, height: 900 } });
    // Moodle's in-page player: the LMS's own header above a fixed-size frame.
    await session.host.evaluate(() => {
      const header = document.createElement('header');
      header.style.height = '60px';
      document.body.prepend(header);
      Object.assign(document.querySelector('iframe')!.style, { width: '650px', height: '700px' });
    });
    const frame = scoFrame(session.host);
    const step = world.course.steps[1]!;
    const pages = [
      ['overview', () => session.learner.overview()],
      ['step', () => session.learner.openStep(step)],
      ['quiz', () => session.learner.openActivity(step, step.quiz!.title)],
      ['sheet', () => session.learner.openActivity(step, step.sheet!.title)],
      ['tool', () => session.learner.openActivity(step, step.tool!.title)],
    ] as const;
    for (const [name, open] of pages) {
      await open();
      const now = await layout(frame);
      expect(now.width, name).toBe(650);
      expect(now.scrollWidth, `${name}: nothing scrolls sideways`).toBeLessThanOrEqual(now.width);
      expect(now.innerScrollers, `${name}: the page is the only vertical scroller`).toEqual([]);
      expect(now.header?.top, `${name}: the header stays at the top of the frame`).toBe(0);
      expect(now.meterTrack?.width, `${name}: the progress meter shows`).toBeGreaterThan(0);
    }
    await session.context.close();
  });

  it('on a 390 px phone: the title on two lines at most, the meter kept, the page ends clear of floating buttons', async () => {
    const session = await openLaunch(world, { viewport: { width: 390, height: 844 } });
    const frame = scoFrame(session.host);
    const step = world.course.steps[1]!;
    for (const [name, open] of [
      ['step', () => session.learner.openStep(step)],
      ['sheet', () => session.learner.openActivity(step, step.sheet!.title)],
    ] as const) {
      await open();
      const now = await layout(frame);
      expect(now.scrollWidth, name).toBeLessThanOrEqual(now.width);
      expect(now.titleClipped, `${name}: the course title is shown whole`).toBe(false);
      expect(now.titleLines, name).toBeLessThanOrEqual(2);
      expect(now.meterTrack?.width, `${name}: the progress meter shows`).toBeGreaterThan(0);
      expect(now.meterText?.width, `${name}: the percentage shows`).toBeGreaterThan(0);
      // A floating button in an LMS app covers about 56 px above the bottom edge.
      expect(now.pagerBottom, `${name}: the last links end above the floating buttons' band`).toBeLessThanOrEqual(now.height - 64);
    }
    await session.context.close();
  });
});

describe('the course outline', () => {
  it('is a sidebar on a wide frame, with the current page marked', async () => {
    const session = await openLaunch(world, { viewport: { width: 1280, height: 900 } });
    const step = world.course.steps[0]!;
    await session.learner.openActivity(step, step.sheet!.title);
    const outline = session.sco.getByRole('navigation', { name: 'Plan du parcours' });
    await expect.poll(() => outline.isVisible(), POLL).toBe(true);
    expect(await session.sco.getByRole('button', { name: 'Plan du parcours' }).isVisible()).toBe(false);
    const current = outline.locator('[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toContain(step.sheet!.title);
    // The learner's state of each activity is in the outline, read with its link.
    expect(await current.textContent()).toMatch(/Terminé$/);
    await session.context.close();
  });

  it('is a menu on a narrow frame: the keyboard opens it on the current page, Escape closes it and gives the focus back, a tap beside it closes it', async () => {
    const session = await openLaunch(world, { viewport: { width: 650, height: 700 } });
    const frame = scoFrame(session.host);
    const step = world.course.steps[0]!;
    await session.learner.openActivity(step, step.quiz!.title);
    const button = session.sco.getByRole('button', { name: 'Plan du parcours' });
    const outline = session.sco.getByRole('navigation', { name: 'Plan du parcours' });
    expect(await outline.isVisible()).toBe(false);
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    await button.focus();
    await session.host.keyboard.press('Enter');
    await outline.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const focused = () => frame.evaluate(() => `${document.activeElement?.getAttribute('aria-current') ?? ''}|${document.activeElement?.textContent ?? ''}`);
    expect(await focused()).toMatch(new RegExp(`^page\\|.*${escapeRegExp(step.quiz!.title)}`));

    await session.host.keyboard.press('Escape');
    await outline.waitFor({ state: 'hidden' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('menu');

    // A tap beside the open menu closes it; so does following one of its links.
    await button.click();
    await outline.waitFor();
    await session.host.mouse.click(620, 600);
    await outline.waitFor({ state: 'hidden' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    await button.click();
    await outline.getByRole('link', { name: new RegExp(escapeRegExp(step.sheet!.title)) }).click();
    await session.learner.view(step.sheet!.title).waitFor();
    await outline.waitFor({ state: 'hidden' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await session.context.close();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
