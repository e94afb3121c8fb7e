/**
 * `parcours preview --as xapi` and `--as cmi5` in Chromium: the package runs against the LRS in
 * the preview process; the panel lists the statements a learner's step produces (initialized …
 * terminated), Relaunch resumes from the State API, and a broken statement (fixture) shows
 * highlighted with the reason the LRS or the cmi5 LMS refused it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewSession } from '../../src/preview/index.js';
import { blockingViolations, runAxe } from '../support/axe.js';
import { launchChromium } from '../support/chromium.js';
import { POLL, SLOW_TEST_TIMEOUT_MS } from '../support/timeouts.js';

const fixture = fileURLToPath(new URL('../fixtures/target/SCORM12_MASTERY_OVERRIDES_STATUS', import.meta.url));
const brokenFile = fileURLToPath(new URL('../fixtures/preview/broken-statements.json', import.meta.url));
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The verbs the panel lists, in order, with a mark for the refused ones. */
async function listedVerbs(page: Page): Promise<string[]> {
  return page.locator('#lms-statements > li[data-verb]').evaluateAll((items) => items.map((li) => `${(li as HTMLElement).dataset['status']!.startsWith('4') ? '✗' : ''}${(li as HTMLElement).dataset['verb']}`));
}

/** Fills the fixture's placeholders from the course frame's launch URL. */
function broken(template: object, launch: URLSearchParams, sessionId: string): object {
  return JSON.parse(
    JSON.stringify(template)
      .replace('"ACTOR"', launch.get('actor')!)
      .replaceAll('REGISTRATION', launch.get('registration')!)
      .replace('"AU"', JSON.stringify(launch.get('activityId')))
      .replace('SESSION', sessionId),
  ) as object;
}

for (const standard of ['xapi', 'cmi5'] as const) {
  describe(`parcours preview --as ${standard} in Chromium`, () => {
    let session: PreviewSession;
    let work: string;
    let context: BrowserContext;
    let page: Page;
    const course = (): FrameLocator => page.frameLocator('iframe[title="Course: Fixture course"]');

    beforeAll(async () => {
      work = await mkdtemp(path.join(os.tmpdir(), `parcours-preview-${standard}-`));
      await cp(fixture, path.join(work, 'course'), { recursive: true });
      session = await startPreview({ courseDir: path.join(work, 'course'), port: 0, as: standard });
      context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
      await session?.close();
      await rm(work, { recursive: true, force: true });
    });

    it('lists the statements of a learner taking a step, as they arrive', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
      await page.goto(session.url);
      await expect.poll(() => listedVerbs(page), POLL).toContain('initialized');
      if (standard === 'cmi5') expect((await listedVerbs(page))[0]).toBe('launched');
      await course().getByRole('link', { name: 'Start the course' }).click();
      await course().getByRole('link', { name: /A quiz$/ }).first().click();
      const quiz = course().getByRole('region', { name: 'A quiz', exact: true });
      await quiz.getByRole('radio', { name: 'True', exact: true }).check();
      await quiz.getByRole('button', { name: 'Check my answers' }).click();
      await expect.poll(() => listedVerbs(page), POLL).toEqual(expect.arrayContaining(['answered', 'passed', 'completed']));
      expect((await listedVerbs(page)).filter((v) => v.startsWith('✗'))).toEqual([]);
      // Each shows its result as an LMS report would.
      expect(await page.locator('#lms-statements > li[data-verb="passed"]').last().innerText()).toMatch(/scaled 1 · raw 100\/100 · success true/);
      // The learner's place went to the State API.
      await expect.poll(() => page.locator('#lms-state tbody').innerText(), POLL).toMatch(/(PUT|POST) → 204/);
      expect(await page.locator('#lms-warnings').innerText()).toBe('');
    });

    it('relaunches a new session of the same registration: terminated, then initialized, and the course resumes', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
      const registration = await page.locator('#lms-record dd[data-field="registration"]').textContent();
      await page.getByRole('button', { name: 'Relaunch', exact: true }).click();
      await expect.poll(() => page.locator('#lms-record dd[data-field="session"]').textContent(), POLL).toBe('2');
      expect(await page.locator('#lms-record dd[data-field="registration"]').textContent()).toBe(registration);
      await expect.poll(async () => (await listedVerbs(page)).join(' '), POLL).toMatch(/answered.*terminated.*initialized$/);
      await course().getByText('You are back where you left off').waitFor();
      if (standard === 'cmi5') expect((await listedVerbs(page)).filter((v) => v === 'satisfied')).toHaveLength(1);
    });

    it('relaunches the same registration after a live reload (the LRS outlives rebuilds)', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
      const registration = await page.locator('#lms-record dd[data-field="registration"]').textContent();
      const step = path.join(work, 'course', 'steps', '01-step.yaml');
      const reloaded = page.waitForEvent('load');
      await writeFile(step, (await readFile(step, 'utf8')).replace('title: A step', 'title: A renamed step'));
      await reloaded;
      await expect.poll(() => page.locator('#lms-record dd[data-field="session"]').textContent(), POLL).toBe('3');
      expect(await page.locator('#lms-record dd[data-field="registration"]').textContent()).toBe(registration);
      await course().getByText('You are back where you left off').waitFor();
      await course().getByText(/A renamed step/).filter({ visible: true }).first().waitFor();
    });

    it('highlights a broken statement with the reason it was refused', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
      const templates = JSON.parse(await readFile(brokenFile, 'utf8')) as Record<string, object>;
      if (standard === 'xapi') {
        // A course whose statement the LRS refuses: sent from the course's frame with its launch credentials.
        const frame = page.frames().find((f) => f.url().includes('/course/'))!;
        const launch = new URL(frame.url()).searchParams;
        const status = await frame.evaluate(
          async ([url, auth, body]) => (await fetch(url, { method: 'POST', headers: { 'X-Experience-API-Version': '1.0.3', Authorization: auth, 'Content-Type': 'application/json' }, body })).status,
          [`${launch.get('endpoint')}statements`, launch.get('auth')!, JSON.stringify(broken(templates['xapi']!, launch, ''))] as const,
        );
        expect(status).toBe(400);
        await expect.poll(() => page.locator('#lms-warnings').innerText(), POLL).toContain('result.score.scaled: 1.5 lies outside -1 to 1');
        await expect.poll(() => listedVerbs(page), POLL).toContain('✗scored');
      } else {
        // A course that sends `completed` before `initialized`: a launch of its own, as the panel asks for one.
        const status = await page.evaluate(
          async ([template]) => {
            const launch = await (await fetch('/__parcours/lrs/launch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"attempt":"same"}' })).json();
            const params = new URL(launch.url, location.href).searchParams;
            const token = (await (await fetch(params.get('fetch')!, { method: 'POST' })).json())['auth-token'];
            const headers = { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${token}`, 'Content-Type': 'application/json' };
            const agent = encodeURIComponent(params.get('actor')!);
            await fetch(`${params.get('endpoint')}agents/profile?profileId=cmi5LearnerPreferences&agent=${agent}`, { headers });
            const body = template!
              .replace('"ACTOR"', params.get('actor')!)
              .replaceAll('REGISTRATION', params.get('registration')!)
              .replace('"AU"', JSON.stringify(params.get('activityId')))
              .replace('SESSION', launch.sessionId);
            return (await fetch(`${params.get('endpoint')}statements`, { method: 'POST', headers, body })).status;
          },
          [JSON.stringify(templates['cmi5'])] as const,
        );
        expect(status).toBe(403);
        await expect.poll(() => page.locator('#lms-warnings').innerText(), POLL).toContain('The first statement of a session must be “initialized”');
        await expect.poll(() => listedVerbs(page), POLL).toContain('✗completed');
      }
      const refused = page.locator('#lms-statements > li[data-status^="4"]').last();
      expect(await refused.evaluate((li) => getComputedStyle(li).borderLeftColor)).toBe('rgb(176, 0, 32)');
      expect(blockingViolations(await runAxe(page.mainFrame()))).toEqual([]);
    });

    it('starts a new attempt on a new registration, the course from the beginning', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
      const registration = await page.locator('#lms-record dd[data-field="registration"]').textContent();
      await page.getByRole('button', { name: 'New attempt' }).click();
      await expect.poll(() => page.locator('#lms-record dd[data-field="registration"]').textContent(), POLL).not.toBe(registration);
      await course().getByRole('link', { name: 'Start the course' }).waitFor();
    });

    if (standard === 'cmi5') {
      it('relaunches with the mastery score and moveOn the author chose, in LMS.LaunchData', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
        expect(await page.locator('#lms-record dd[data-field="mastery-score"]').textContent()).toBe('0.8');
        const form = page.locator('#lms-settings');
        await form.getByLabel('Mastery score').selectOption('value');
        await form.getByLabel('Value (0 to 1)').fill('0.5');
        await form.getByLabel('moveOn').selectOption('Completed');
        await form.getByRole('button', { name: 'Relaunch with these' }).click();
        await expect.poll(() => page.locator('#lms-record dd[data-field="mastery-score"]').textContent(), POLL).toBe('0.5');
        expect(await page.locator('#lms-record dd[data-field="moveon"]').textContent()).toBe('Completed');
        // Kept for this tab: a live reload relaunches with them.
        await page.reload();
        await expect.poll(() => page.locator('#lms-record dd[data-field="mastery-score"]').textContent(), POLL).toBe('0.5');
      });

      it('launches in Review mode: the course opens, records no result, and nothing is refused', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
        const refusedBefore = await page.locator('#lms-statements > li[data-status^="4"]').count();
        await page.getByRole('button', { name: 'Review mode' }).click();
        await expect.poll(() => page.locator('#lms-record dd[data-field="launch-mode"]').textContent(), POLL).toBe('Review');
        await expect.poll(async () => (await listedVerbs(page)).at(-1), POLL).toBe('initialized');
        await course().locator('main').first().waitFor();
        await page.getByRole('button', { name: 'Relaunch', exact: true }).click();
        // The review session ends with terminated (sent as its frame closes, so after or before the next launched).
        await expect.poll(async () => (await listedVerbs(page)).slice(-4).join(' '), POLL).toMatch(/^initialized (terminated launched|launched terminated) initialized$/);
        expect(await page.locator('#lms-statements > li[data-status^="4"]').count()).toBe(refusedBefore);
      });
    }
  });
}
