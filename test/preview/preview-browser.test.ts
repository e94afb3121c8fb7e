/** The preview in Chromium: the page reloads itself on a save and shows the errors over the course. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewSession } from '../../src/preview/index.js';
import { launchChromium } from '../support/chromium.js';
import { BROWSER_WAIT_MS } from '../support/timeouts.js';

const minimalCourse = fileURLToPath(new URL('../fixtures/valid/minimal', import.meta.url));
let work: string;
let browser: Browser;
let session: PreviewSession;
let page: Page;
let step: string;
let original: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-preview-browser-'));
  const dir = path.join(work, 'course');
  await cp(minimalCourse, dir, { recursive: true });
  step = path.join(dir, 'steps/01-basics.yaml');
  original = await readFile(step, 'utf8');
  session = await startPreview({ courseDir: dir, port: 0 });
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await session?.close();
  await rm(work, { recursive: true, force: true });
});

/** Writes the step file and waits for the page to reload because of it. */
async function saveStepAndWaitForReload(text: string): Promise<void> {
  const reloaded = page.waitForEvent('load', { timeout: BROWSER_WAIT_MS });
  await writeFile(step, text);
  await reloaded;
}

describe('parcours preview in a browser', () => {
  it('shows the course with the standalone notice, and does not reload on its own', async () => {
    await page.goto(session.url);
    await page.locator('[data-notice="standalone"]').waitFor({ state: 'visible' });
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    // Once a second listener has heard the server's current build, the page's own script has too.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const events = new EventSource('/__parcours/events');
          events.addEventListener('build', () => {
            events.close();
            resolve();
          });
        }),
    );
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('reloads with the new step title after a save, keeping the address', async () => {
    await page.goto(`${session.url}#/basics`);
    await page.getByRole('heading', { name: 'The basics' }).first().waitFor();
    await saveStepAndWaitForReload(original.replace('title: The basics', 'title: The essentials'));
    expect(new URL(page.url()).hash).toBe('#/basics');
    await page.getByRole('heading', { name: 'The essentials' }).first().waitFor();
  });

  it('shows the errors over the page, then takes them away once fixed', async () => {
    await saveStepAndWaitForReload(original.replace('activities:\n', 'activities:\n  - kind: [video\n'));
    const overlay = page.locator('#parcours-preview-overlay');
    await overlay.waitFor({ state: 'visible' });
    expect(await overlay.textContent()).toMatch(/steps\/01-basics\.yaml:\d+:\d+ YAML_SYNTAX/);
    await saveStepAndWaitForReload(original);
    expect(await overlay.count()).toBe(0);
    await page.getByRole('heading', { name: 'The basics' }).first().waitFor();
  });
});
