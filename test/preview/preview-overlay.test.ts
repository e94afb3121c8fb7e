/**
 * The preview's error overlay as an author sees it, in Chromium: names and values the
 * messages mark as code (`titel`) show as code, not between backticks, and the Hide button is
 * a styled, legible button that hides the overlay.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiagnostic } from '../../src/diagnostics/catalogue.js';
import { EVENTS_PATH, placeholderPage } from '../../src/preview/preview-page.js';
import { blockingViolations, runAxe } from '../support/axe.js';
import { launchChromium } from '../support/chromium.js';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  const diagnostics = [
    createDiagnostic('UNKNOWN_FIELD', { file: 'steps/01.yaml', line: 3, column: 1 }, { field: 'titel', where: 'the step', suggestion: '; did you mean `title`?', allowed: '`id`, `title`' }),
    createDiagnostic('MARKDOWN_TOO_DEEP', { file: 'sheets/a.md', line: 2, column: 1 }, { detail: 'line 2', max: 50 }),
  ];
  const readFile = (file: string) => (file === 'steps/01.yaml' ? 'id: s\ntitle: S\ntitel: T\n' : undefined);
  // Served from an address, so the page's reload script can open its event stream (closed here: 204).
  const html = placeholderPage({ buildId: 'test', diagnostics, readFile });
  await page.route('http://preview.test/**', (route) =>
    new URL(route.request().url()).pathname === EVENTS_PATH ? route.fulfill({ status: 204 }) : route.fulfill({ body: html, contentType: 'text/html' }),
  );
  await page.goto('http://preview.test/');
});
afterAll(async () => {
  await browser?.close();
});

describe('the preview error overlay', () => {
  it('shows code spans of messages and hints as code, without their backticks', async () => {
    const overlay = page.locator('#parcours-preview-overlay');
    const message = overlay.locator('[data-message]').first();
    expect(await message.textContent()).toBe('Unknown field titel in the step; did you mean title?');
    expect(await message.locator('code').allTextContents()).toEqual(['titel', 'title']);
    expect(await overlay.locator('[data-hint]').first().locator('code').allTextContents()).toEqual(['id', 'title']);
    // A run of three backticks with no closing run stays as written.
    expect(await overlay.locator('[data-hint]').nth(1).textContent()).toContain('fenced block (```)');
    const code = await message.locator('code').first().evaluate((el) => getComputedStyle(el).fontFamily);
    expect(code).toMatch(/monospace/);
  });

  it('has a styled Hide button that passes axe and hides the overlay', async () => {
    const hide = page.getByRole('button', { name: 'Hide' });
    const style = await hide.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, radius: s.borderTopLeftRadius, height: el.getBoundingClientRect().height };
    });
    const unstyled = await page.evaluate(() => {
      const plain = document.body.appendChild(document.createElement('button'));
      const background = getComputedStyle(plain).backgroundColor;
      plain.remove();
      return background;
    });
    expect(style.background).not.toBe(unstyled);
    expect(style.radius).not.toBe('0px');
    expect(style.height).toBeGreaterThanOrEqual(44);
    expect(blockingViolations(await runAxe(page.mainFrame()))).toEqual([]);
    await hide.click();
    expect(await page.locator('#parcours-preview-overlay').isVisible()).toBe(false);
  });
});
