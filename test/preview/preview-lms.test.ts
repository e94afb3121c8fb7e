/**
 * `parcours preview --as scorm12` in Chromium: the package runs inside the preview's LMS
 * (scorm-again) and the panel beside it shows what the LMS records as a learner takes the
 * course, warns about what Moodle would change, resumes on Relaunch and after a live reload.
 * The fixture reports completed/incomplete with a mastery score in its manifest: Moodle turns
 * the course's "completed" into passed or failed.
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
/** Its tool fields, filled in, hold more than SCORM 1.2's 4,096 characters. */
const tooLarge = fileURLToPath(new URL('../fixtures/target/STATE_TOO_LARGE', import.meta.url));
let work: string;
let dir: string;
let session: PreviewSession;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-preview-lms-'));
  dir = path.join(work, 'course');
  await cp(fixture, dir, { recursive: true });
  session = await startPreview({ courseDir: dir, port: 0, as: 'scorm12' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await session?.close();
  await rm(work, { recursive: true, force: true });
});

const course = (): FrameLocator => page.frameLocator('iframe[title="Course: Fixture course"]');
const field = (name: string) => page.locator(`#lms-record dd[data-field="${name}"]`).textContent();
const calls = () => page.locator('#lms-calls').innerText();
const meter = () => page.locator('#lms-meter').evaluate((m: HTMLMeterElement) => m.value);
const warnings = () => page.locator('#lms-warnings').innerText();

describe('parcours preview --as scorm12', () => {
  it('runs the package inside the LMS and shows its calls, commits, status, score and interactions', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    await page.goto(session.url);
    await expect.poll(calls, POLL).toContain('LMSInitialize("") → true');
    await expect.poll(calls, POLL).toContain('LMSSetValue("cmi.core.lesson_status", "incomplete") → true');
    expect(await field('entry')).toBe('ab-initio');
    expect(await field('mastery-score')).toBe('80');
    const startMeter = await meter();

    await course().getByRole('link', { name: 'Start the course' }).click();
    await course().getByRole('link', { name: /A quiz$/ }).first().click();
    // The learner is on the quiz: the bookmark is committed (what a relaunch resumes from).
    await expect.poll(() => field('location'), POLL).toMatch(/^step\/quiz/);
    await expect.poll(meter, POLL).toBeGreaterThan(startMeter);
    expect(await warnings()).toBe('');
  });

  it('relaunches a new session with entry=resume, the data kept, and the course back where the learner was', async () => {
    const location = await field('location');
    await page.getByRole('button', { name: 'Relaunch', exact: true }).click();
    await expect.poll(() => field('session'), POLL).toMatch(/^2,/);
    expect(await field('entry')).toBe('resume');
    // The relaunched course asks for its entry once it has loaded in the frame: after the panel's new session.
    await expect.poll(calls, POLL).toContain('LMSGetValue("cmi.core.entry") → "resume"');
    await expect.poll(calls, POLL).toContain(`LMSGetValue("cmi.core.lesson_location") → "${location}"`);
    await course().getByText('You are back where you left off').waitFor();
    // The first session's LMSFinish came when the course's frame closed.
    expect(await calls()).toMatch(/LMSSetValue\("cmi.core.exit", "suspend"\) → true[\s\S]*LMSFinish\(""\) → true[\s\S]*Session 2/);
  });

  it('records the answers and warns that Moodle would change the status the course sends', async () => {
    const before = await meter();
    const quiz = course().getByRole('region', { name: 'A quiz', exact: true });
    await quiz.getByRole('radio', { name: 'True', exact: true }).check();
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await expect.poll(() => field('status'), POLL).toBe('completed');
    await expect.poll(() => field('score'), POLL).toMatch(/^100 /);
    await expect.poll(meter, POLL).toBeGreaterThan(before);
    await expect.poll(() => page.locator('#lms-interactions tbody').innerText(), POLL).toMatch(/quiz\.q1\s+true-false\s+t\s+correct/);
    await expect.poll(() => page.locator('#lms-objectives tbody').innerText(), POLL).toMatch(/step\s+passed|step\s+completed/);
    await expect.poll(warnings, POLL).toContain('Moodle records “passed”, not “completed”');
    await expect.poll(() => page.locator('#lms-summary').textContent(), POLL).toContain('1 warning');
  });

  it('relaunches after a live reload with the learner data kept', async () => {
    const step = path.join(dir, 'steps/01-step.yaml');
    const reloaded = page.waitForEvent('load');
    await writeFile(step, (await readFile(step, 'utf8')).replace('title: A step', 'title: A renamed step'));
    await reloaded;
    await expect.poll(calls, POLL).toContain('LMSInitialize("") → true');
    // The LMS, as Moodle, recorded passed at the LMSFinish of the live reload (the warning's change).
    await expect.poll(() => field('status'), POLL).toBe('passed');
    await expect.poll(calls, POLL).toContain('LMSGetValue("cmi.core.lesson_status") → "passed"');
    // The rebuilt package is the one running (the step title is in its pages, shown or not).
    await course().getByText('A renamed step').first().waitFor({ state: 'attached' });
    // Interactions are write-only in SCORM 1.2, but the LMS's report keeps the earlier session's.
    await expect.poll(() => page.locator('#lms-interactions tbody').innerText(), POLL).toMatch(/q1/);
  });

  it('downloads the learner data as JSON: the record the LMS keeps and this session’s calls', async () => {
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download learner data' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe('fixture-learner-data.json');
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const data = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      record: { cmi: Record<string, string>; interactions: { id: string }[] };
      session: { calls: { fn: string }[] };
    };
    expect(data.record.cmi['cmi.core.lesson_status']).toBe('passed');
    expect(data.record.interactions.map((i) => i.id)).toEqual(['quiz.q1']);
    expect(data.session.calls[0]!.fn).toBe('LMSInitialize');
  });

  it('relaunches in review mode, where the course records nothing', async () => {
    await page.getByRole('button', { name: 'Review mode' }).click();
    await expect.poll(() => field('mode'), POLL).toBe('review, no-credit');
    await expect.poll(calls, POLL).toContain('LMSGetValue("cmi.core.lesson_mode") → "review"');
    const session = (await field('session'))!;
    expect(await calls()).not.toMatch(new RegExp(`Session ${session.split(',')[0]}: review mode[\\s\\S]*LMSSetValue`));
  });

  it('starts the learner again when the kept data was edited into nonsense, with the course still running', async () => {
    const tab = await context.newPage();
    // A page of the same origin without the LMS, so no course commits over the edit.
    await tab.goto(`${session.url}course/parcours-build.json`);
    await tab.evaluate(() => {
      const edited = { cmi: { 'cmi.core.lesson_status': 'bogus', 'cmi.core.score.raw': '7e9', constructor: 'x' }, interactions: [null, { id: 1 }], sessions: 3, exit: 'suspend' };
      localStorage.setItem('parcours-preview-lms:fixture', JSON.stringify(edited));
    });
    await tab.goto(session.url);
    await expect.poll(() => tab.locator('#lms-calls').innerText(), POLL).toContain('LMSInitialize("") → true');
    expect(await tab.locator('#lms-record dd[data-field="entry"]').textContent()).toBe('ab-initio');
    expect(await tab.locator('#lms-calls').innerText()).toContain('The kept learner data could not be loaded: the learner starts again.');
    await tab.close();
  });

  it('resets the learner: a new first launch with nothing kept', async () => {
    await page.getByRole('button', { name: 'Reset learner' }).click();
    await expect.poll(() => field('entry'), POLL).toBe('ab-initio');
    await expect.poll(() => field('status'), POLL).toBe('incomplete');
    await expect.poll(() => field('score'), POLL).toBe('—');
  });

  it('relaunches with the mastery score and status mode the author chose; a build option rebuilds the package', async () => {
    expect(await field('status-mode')).toBe('completed/incomplete (course)');
    const form = page.locator('#lms-settings');
    await form.getByLabel('LMS mastery score').selectOption('none');
    await form.getByRole('button', { name: 'Relaunch with these' }).click();
    await expect.poll(() => field('mastery-score'), POLL).toBe('none (changed in the panel)');
    // The course asks the LMS for it, and this session it gets none.
    await expect.poll(async () => (await calls()).split(/Session \d+:/).at(-1), POLL).toContain('LMSGetValue("cmi.student_data.mastery_score") → ""');

    const reloaded = page.waitForEvent('load');
    await form.getByLabel('LMS mastery score').selectOption('package');
    await form.getByLabel('--report-status-as').selectOption('passed/failed');
    await form.getByRole('button', { name: 'Relaunch with these' }).click();
    await reloaded;
    await expect.poll(() => field('status-mode'), POLL).toBe('passed/failed (given)');
    expect(await field('mastery-score')).toBe('80');
    // Back to the course's own pair for the tests below.
    const again = page.waitForEvent('load');
    await page.locator('#lms-settings').getByLabel('--report-status-as').selectOption('completed/incomplete');
    await page.locator('#lms-settings').getByRole('button', { name: 'Relaunch with these' }).click();
    await again;
    await expect.poll(() => field('status-mode'), POLL).toBe('completed/incomplete (given)');
  });
});

describe('parcours preview --as scorm12: errors', () => {
  it('shows a course error over the LMS page, then relaunches the course once fixed', async () => {
    const step = path.join(dir, 'steps/01-step.yaml');
    const original = await readFile(step, 'utf8');
    let reloaded = page.waitForEvent('load');
    await writeFile(step, original.replace('activities:\n', 'activities:\n  - kind: [quiz\n'));
    await reloaded;
    const overlay = page.locator('#parcours-preview-overlay');
    await overlay.waitFor();
    expect(await overlay.textContent()).toMatch(/steps\/01-step\.yaml:\d+:\d+ YAML_SYNTAX/);
    // The last package that built still runs beside the panel, under the overlay.
    await expect.poll(calls, POLL).toContain('LMSInitialize("") → true');
    reloaded = page.waitForEvent('load');
    await writeFile(step, original);
    await reloaded;
    expect(await overlay.count()).toBe(0);
    await expect.poll(calls, POLL).toContain('LMSInitialize("") → true');
  });
});

describe('parcours preview --as scorm12: the panel', () => {
  let other: PreviewSession;
  let small: BrowserContext;
  beforeAll(async () => {
    other = await startPreview({ courseDir: tooLarge, port: 0, as: 'scorm12' });
    small = await browser.newContext({ viewport: { width: 360, height: 740 } });
  });
  afterAll(async () => {
    await small?.close();
    await other?.close();
  });

  it('warns, before the learner does anything, that Moodle would refuse the course’s saved progress filled in completely', async () => {
    const tab = await context.newPage();
    await tab.goto(other.url);
    const warning = tab.locator('#lms-warnings li[data-kind="refused"]');
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(/^Refused: Filled in completely, this course saves [\d,]+ characters of progress; Moodle keeps 4,096 and refuses more/);
    expect(await tab.locator('#lms-meter-text').innerText()).toMatch(/ of 4,096 characters \(\d+ %\); filled in completely, this course saves [\d,]+\./);
    await tab.close();
  });

  it('is reached from the keyboard first, folds away and back, and has no serious accessibility problem', async () => {
    const tab = await context.newPage();
    await tab.goto(session.url);
    await tab.locator('#lms-calls li').first().waitFor();
    expect(blockingViolations(await runAxe(tab.mainFrame()))).toEqual([]);
    await tab.keyboard.press('Tab');
    const toggle = tab.getByRole('button', { name: /^LMS panel/ });
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await tab.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await tab.locator('#lms-body').isHidden()).toBe(true);
    await tab.keyboard.press('Enter');
    expect(await tab.locator('#lms-body').isVisible()).toBe(true);
    await tab.keyboard.press('Tab');
    expect(await tab.evaluate(() => document.activeElement?.textContent)).toBe('Relaunch');
    await tab.close();
  });

  it('does not cover the course at 360 px, open or folded', async () => {
    const tab = await small.newPage();
    await tab.goto(session.url);
    await tab.locator('#lms-calls li').first().waitFor();
    for (const open of [true, false]) {
      if (!open) await tab.getByRole('button', { name: /^LMS panel/ }).click();
      const panel = (await tab.locator('#lms-panel').boundingBox())!;
      const frame = (await tab.locator('#lms-course iframe').boundingBox())!;
      expect(panel.y + panel.height, `panel ${open ? 'open' : 'folded'}`).toBeLessThanOrEqual(frame.y + 0.5);
      expect(frame.width).toBeGreaterThanOrEqual(359);
      expect(frame.height).toBeGreaterThan(open ? 300 : 600);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
    await tab.close();
  });
});
