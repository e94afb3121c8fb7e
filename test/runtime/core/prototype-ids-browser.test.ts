/**
 * A course whose ids are named after built-in object properties (`constructor`, `valueOf`,
 * `toString`, `hasOwnProperty`…, test/fixtures/valid/prototype-ids) runs in Chromium: it starts,
 * its quiz scores, its tool saves what the learner typed, and a new session resumes it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/load/index.js';
import type { ProgressRecord } from '../../../src/runtime/adapters/lms-adapter.js';
import { launchChromium } from '../../support/chromium.js';
import { openCoursePage, recordedValues as named, serveRecordingSite, type RecordingSite } from '../../support/recording-site.js';

const FIXTURE = path.resolve('test/fixtures/valid/prototype-ids');

let browser: Browser;
let site: RecordingSite;
let work: string;

beforeAll(async () => {
  const { course, diagnostics } = await loadCourse(FIXTURE);
  if (!course) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-prototype-ids-'));
  site = await serveRecordingSite(course, work);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The state saved when the page is hidden (the core's checkpoint flushes the debounced save). */
async function savedState(page: Page): Promise<string> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  return (await named<string>(page, 'saveState')).at(-1)!;
}

describe('ids named after object properties', () => {
  it('start the course, score the quiz, save the tool and resume both', async () => {
    const page = await openCoursePage(browser, `${site.url}#/toLocaleString/constructor`);
    const quiz = page.locator('[data-activity="constructor"]');
    await quiz.getByRole('radio', { name: 'This one' }).check();
    await quiz.getByRole('radio', { name: 'True' }).check();
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await quiz.getByText('Your score: 100%').waitFor();

    await page.evaluate(() => (window.location.hash = '#/toLocaleString/valueOf'));
    await page.getByLabel('Your note').fill('Kept under valueOf');
    await page.getByRole('group', { name: 'Which apply?' }).getByRole('checkbox', { name: 'The second' }).check();
    const state = await savedState(page);
    expect(state).toContain('Kept under valueOf');
    const progress = await named<ProgressRecord>(page, 'setProgress');
    expect(progress.at(-1)).toMatchObject({ scorePercent: 67 });

    const resumed = await openCoursePage(browser, `${site.url}?${new URLSearchParams({ state })}`);
    await expect(resumed.getByLabel('Your note').inputValue()).resolves.toBe('Kept under valueOf');
    await expect(resumed.getByRole('checkbox', { name: 'The second' }).isChecked()).resolves.toBe(true);
    await expect(resumed.getByRole('checkbox', { name: 'The first' }).isChecked()).resolves.toBe(false);
    await resumed.locator('[data-activity="constructor"]').getByText('Your score: 100%').waitFor({ state: 'attached' });
    await page.close();
    await resumed.close();
  });
});
