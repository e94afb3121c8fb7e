/**
 * A course whose ids are named after built-in object properties (`constructor`, `valueOf`,
 * `toString`, `hasOwnProperty`…, test/fixtures/valid/prototype-ids) runs in Chromium: it starts,
 * its quiz scores, its tool saves what the learner typed, and a new session resumes it.
 */
import { describe, expect, it } from 'vitest';
import type { ProgressRecord } from '../../../src/runtime/adapters/lms-adapter.js';
import { recordedCourse, savedState } from '../../support/recorded-course.js';
import { recordedValues as named } from '../../support/recording-site.js';

const FIXTURE = 'test/fixtures/valid/prototype-ids';

const course = recordedCourse(FIXTURE);
const { open } = course;

describe('ids named after object properties', () => {
  it('start the course, score the quiz, save the tool and resume both', async () => {
    const page = await open('#/toLocaleString/constructor');
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

    const resumed = await open('', { state });
    await expect(resumed.getByLabel('Your note').inputValue()).resolves.toBe('Kept under valueOf');
    await expect(resumed.getByRole('checkbox', { name: 'The second' }).isChecked()).resolves.toBe(true);
    await expect(resumed.getByRole('checkbox', { name: 'The first' }).isChecked()).resolves.toBe(false);
    await resumed.locator('[data-activity="constructor"]').getByText('Your score: 100%').waitFor({ state: 'attached' });
    await page.close();
    await resumed.close();
  });
});
