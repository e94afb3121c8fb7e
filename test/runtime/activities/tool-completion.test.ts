/**
 * Tools in Chromium, on test/fixtures/valid/tool-completion rendered with an adapter that records
 * what the core tells the LMS: what completes each (`completeWhen`: every required field filled,
 * the default; opened; the learner's "I have finished"), and the read-only review mode.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProgressRecord } from '../../../src/runtime/adapters/lms-adapter.js';
import { decodeState } from '../../../src/shared/state-codec.js';
import { recordedCourse, savedState } from '../../support/recorded-course.js';
import { recordedValues as named } from '../../support/recording-site.js';
import { waitUntil } from '../../support/timeouts.js';

const FIXTURE = 'test/fixtures/valid/tool-completion';
const REVIEW_NOTICE = 'Review mode: your saved answers are shown; nothing is scored or sent.';

const course = recordedCourse(FIXTURE);
const { open, go } = course;

/** The tool's status as its page shows it. */
const status = (page: Page, id: string) => page.locator(`.view:not([hidden]) [data-activity-status="${id}"]`).textContent();

describe('what completes a tool', () => {
  it('by default, every required field filled: opening it or filling part of it is not enough', async () => {
    const page = await open('#/tools/filled-tool');
    const view = page.locator('[data-activity="filled-tool"]');
    await expect(status(page, 'filled-tool')).resolves.toBe('In progress');
    await expect(view.getByText('The activity is done once every field is filled in.').isVisible()).resolves.toBe(true);
    await view.getByLabel('Anything else (optional)').fill('Not needed');
    await view.getByLabel('Name one partner').fill('   ');
    await view.getByRole('checkbox', { name: 'The first kind' }).check();
    await expect(status(page, 'filled-tool')).resolves.toBe('In progress');
    await view.getByLabel('Name one partner').fill('The town hall');
    await waitUntil(async () => (await status(page, 'filled-tool')) === 'Done', 'the tool done once its fields are filled');
    await view.getByRole('checkbox', { name: 'The first kind' }).uncheck();
    await waitUntil(async () => (await status(page, 'filled-tool')) === 'In progress', 'the tool back in progress once a field is emptied');
    await page.close();
  });

  it('`opened`: done once opened; `done-button`: done once the learner says so, and still so on resume', async () => {
    const page = await open('#/tools/opened-tool');
    await expect(status(page, 'opened-tool')).resolves.toBe('Done');

    await go(page, '#/tools/button-tool');
    const view = page.locator('[data-activity="button-tool"]');
    await view.getByLabel('Your plan').fill('Meet them in May');
    await expect(status(page, 'button-tool')).resolves.toBe('In progress');
    await view.getByRole('button', { name: 'I have finished' }).click();
    await waitUntil(async () => (await status(page, 'button-tool')) === 'Done', 'the tool done once the learner said so');
    await expect(view.getByRole('button', { name: 'I have finished' }).isVisible()).resolves.toBe(false);
    const state = await savedState(page);
    expect(decodeState(state, course.runtime).finished).toEqual(['button-tool']);
    // The other tool's fields are empty: the course is not completed yet.
    expect((await named<ProgressRecord>(page, 'setProgress')).at(-1)).toMatchObject({ completion: 'incomplete' });

    const resumed = await open('#/tools/button-tool', { state });
    await expect(status(resumed, 'button-tool')).resolves.toBe('Done');
    await expect(resumed.getByRole('button', { name: 'I have finished' }).isVisible()).resolves.toBe(false);
    await page.close();
    await resumed.close();
  });
});

describe('a tool in review or browse mode', () => {
  it.each(['review', 'browse'])('(%s) shows what was saved, read-only, with the quiz’s review notice, and saves nothing', async (mode) => {
    const page = await open('#/tools/filled-tool');
    const view = page.locator('[data-activity="filled-tool"]');
    await view.getByLabel('Name one partner').fill('Saved before');
    await view.getByRole('checkbox', { name: 'The second kind' }).check();
    const state = await savedState(page);
    await page.close();

    const reviewed = await open('#/tools/filled-tool', { state, mode });
    const tool = reviewed.locator('[data-activity="filled-tool"]');
    await expect(tool.getByText(REVIEW_NOTICE).isVisible()).resolves.toBe(true);
    await expect(tool.getByText('Your answers are saved automatically', { exact: false }).isVisible()).resolves.toBe(false);
    const name = tool.getByLabel('Name one partner');
    await expect(name.inputValue()).resolves.toBe('Saved before');
    await expect(name.isEditable()).resolves.toBe(false);
    await expect(tool.getByRole('checkbox', { name: 'The second kind' }).isChecked()).resolves.toBe(true);
    await expect(tool.getByRole('checkbox', { name: 'The first kind' }).isEnabled()).resolves.toBe(false);
    // Even a script's edit of the field is not taken into the learner's state.
    await name.evaluate((input: HTMLInputElement) => {
      input.value = 'Edited in review';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await savedState(reviewed);
    expect((await named<string>(reviewed, 'saveState')).some((s) => s.includes('Edited in review'))).toBe(false);

    await go(reviewed, '#/tools/button-tool');
    await expect(reviewed.getByRole('button', { name: 'I have finished' }).isVisible()).resolves.toBe(false);
    await reviewed.close();
  });
});
