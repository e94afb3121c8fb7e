/**
 * What a learner meets in a quiz beyond the whole-form mode (issue 12), in Chromium, on the
 * fixture test/fixtures/valid/learner-experience rendered with the recording adapter: one
 * question at a time (counter heading that takes the focus, Previous/Next, a review of the
 * answers before submitting), true/false never shuffled, a number field that says when its text
 * is no number, fill-in marks after the sentence's punctuation, and a survey that thanks instead
 * of scoring and does not pass its step's objective.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/load/index.js';
import type { InteractionRecord, ObjectiveRecord, ProgressRecord } from '../../../src/runtime/adapters/lms-adapter.js';
import { launchChromium } from '../../support/chromium.js';
import { openCoursePage, recordedValues, serveRecordingSite, type RecordingSite } from '../../support/recording-site.js';
import { POLL } from '../../support/timeouts.js';

const FIXTURE = path.resolve('test/fixtures/valid/learner-experience');

let browser: Browser;
let site: RecordingSite;
let work: string;

beforeAll(async () => {
  const { course, diagnostics } = await loadCourse(FIXTURE);
  if (!course) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-quiz-display-'));
  site = await serveRecordingSite(course, work);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

describe('a quiz shown one question at a time', () => {
  it('shows one question with a counter heading that takes the focus, Previous/Next, and a review before submitting', async () => {
    const page = await openCoursePage(browser, `${site.url}#/quiz/steps-quiz`);
    const quiz = page.locator('[data-activity="steps-quiz"]');
    const visibleGroups = () => quiz.getByRole('group').filter({ visible: true }).count();
    await expect.poll(() => quiz.getByRole('heading', { name: 'Question 1 of 4' }).isVisible(), POLL).toBe(true);
    expect(await visibleGroups()).toBe(1);
    expect(await quiz.getByRole('button', { name: 'Previous question' }).isVisible()).toBe(false);
    expect(await quiz.getByRole('button', { name: 'Check my answers' }).isVisible()).toBe(false);

    await quiz.getByRole('radio', { name: 'Paris' }).check();
    await quiz.getByRole('button', { name: 'Next question' }).click();
    await expect.poll(() => focusedText(page), POLL).toBe('Question 2 of 4');
    expect(await quiz.getByRole('group', { name: /The Earth goes round/ }).isVisible()).toBe(true);
    expect(await visibleGroups()).toBe(1);

    // Previous goes back, the answer kept.
    await quiz.getByRole('button', { name: 'Previous question' }).click();
    await expect.poll(() => focusedText(page), POLL).toBe('Question 1 of 4');
    expect(await quiz.getByRole('radio', { name: 'Paris' }).isChecked()).toBe(true);
    await quiz.getByRole('button', { name: 'Next question' }).click();

    // Question 2 left unanswered; 3 answered from the keyboard: Enter moves on instead of submitting.
    await quiz.getByRole('button', { name: 'Next question' }).click();
    await quiz.getByRole('textbox', { name: 'Your answer' }).fill('7');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page), POLL).toBe('Question 4 of 4');
    await quiz.getByRole('textbox', { name: 'Missing word 1 of 1' }).fill('minutes');
    await quiz.getByRole('button', { name: 'Review my answers' }).click();
    await expect.poll(() => focusedText(page), POLL).toBe('Your answers');
    expect(await visibleGroups()).toBe(0);
    const rows = await quiz.locator('[data-review-list] li').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' '))).toEqual([
      '1. What is the capital of France? Paris Change',
      '2. The Earth goes round the Sun. Not answered Change',
      '3. How many days are there in a week? 7 Change',
      '4. Complete the sentence. minutes Change',
    ]);

    // Change goes to the question; Next comes back to the review.
    await quiz.locator('[data-review-list] li').nth(1).getByRole('button', { name: 'Change' }).click();
    await expect.poll(() => focusedText(page), POLL).toBe('Question 2 of 4');
    await quiz.getByRole('radio', { name: 'True' }).check();
    await quiz.getByRole('button', { name: 'Next question' }).click();
    await expect.poll(() => focusedText(page), POLL).toBe('Your answers');
    expect(await quiz.locator('[data-review-list] li').nth(1).innerText()).toContain('True');

    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await quiz.getByText('Your score: 100%').waitFor();
    // After submitting, every question shows with its marks.
    expect(await visibleGroups()).toBe(4);
    expect(await quiz.getByRole('heading', { name: /Question \d of 4/ }).isVisible()).toBe(false);
    await page.close();
  });

  it('brings a learner back mid-quiz to the first question not yet answered, then to the review once all are', async () => {
    /**
     * Opens the quiz resumed from `state` (or fresh), answers with `answer` then `lastAnswer`, and
     * returns the state saved once that last answer is in.
     */
    const session = async (state: string | null, expected: string, answer: (quiz: Locator) => Promise<void>, lastAnswer: (quiz: Locator) => Promise<void>) => {
      const page = await openCoursePage(browser, `${site.url}${state ? '?state=' + encodeURIComponent(state) : ''}#/quiz/steps-quiz`);
      const quiz = page.locator('[data-activity="steps-quiz"]');
      await quiz.getByRole('heading', { name: expected }).waitFor();
      await answer(quiz);
      const before = (await recordedValues<string>(page, 'saveState')).length;
      await lastAnswer(quiz);
      let saved: string[] = [];
      await expect.poll(async () => (saved = await recordedValues<string>(page, 'saveState')).length > before, POLL).toBe(true);
      await page.close();
      return saved.at(-1)!;
    };
    const afterTwo = await session(
      null,
      'Question 1 of 4',
      async (quiz) => {
        await quiz.getByRole('radio', { name: 'Paris' }).check();
        await quiz.getByRole('button', { name: 'Next question' }).click();
      },
      (quiz) => quiz.getByRole('radio', { name: 'True' }).check(),
    );
    const afterAll = await session(
      afterTwo,
      'Question 3 of 4',
      async (quiz) => {
        // The answers given before leaving are still there.
        await quiz.getByRole('button', { name: 'Previous question' }).click();
        expect(await quiz.getByRole('radio', { name: 'True' }).isChecked()).toBe(true);
        await quiz.getByRole('button', { name: 'Next question' }).click();
        await quiz.getByRole('textbox', { name: 'Your answer' }).fill('7');
        await quiz.getByRole('textbox', { name: 'Your answer' }).press('Enter');
        await quiz.getByRole('textbox', { name: 'Missing word 1 of 1' }).waitFor();
      },
      async (quiz) => {
        await quiz.getByRole('textbox', { name: 'Missing word 1 of 1' }).fill('minutes');
        await quiz.getByRole('textbox', { name: 'Missing word 1 of 1' }).blur();
      },
    );
    const page = await openCoursePage(browser, `${site.url}?state=${encodeURIComponent(afterAll)}#/quiz/steps-quiz`);
    const quiz = page.locator('[data-activity="steps-quiz"]');
    await quiz.getByRole('heading', { name: 'Your answers' }).waitFor();
    expect(await quiz.getByRole('button', { name: 'Check my answers' }).isVisible()).toBe(true);
    await page.close();
  });
});

describe('small things a learner sees', () => {
  it('never shuffles true/false: True stays above False, whatever the seed', async () => {
    for (const learner of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const page = await openCoursePage(browser, `${site.url}?learner=${learner}#/quiz/steps-quiz`);
      const labels = await page.locator('[data-question="earth"] [data-choice] label').allTextContents();
      expect(labels).toEqual(['True', 'False']);
      await page.close();
    }
  });

  it('says on the field, and on submitting, that a text is no number', async () => {
    const page = await openCoursePage(browser, `${site.url}#/quiz/steps-quiz`);
    const quiz = page.locator('[data-activity="steps-quiz"]');
    for (let k = 0; k < 2; k++) await quiz.getByRole('button', { name: 'Next question' }).click();
    const field = quiz.getByRole('textbox', { name: 'Your answer' });
    await field.fill('seven');
    await field.blur();
    await expect.poll(() => field.getAttribute('aria-invalid'), POLL).toBe('true');
    const message = 'This is not a number: type digits, with a point or a comma for decimals (for example 12.5).';
    // The message describes the field, so a screen reader reads it with the field.
    expect(await field.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby')!)?.textContent)).toBe(message);
    await quiz.getByText(message).waitFor();

    await quiz.getByRole('button', { name: 'Next question' }).click();
    await quiz.getByRole('button', { name: 'Review my answers' }).click();
    expect(await quiz.locator('[data-review-list] li').nth(2).innerText()).toContain('Not answered');
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    const result = quiz.locator('[data-quiz-result]');
    await expect.poll(() => result.innerText(), POLL).toContain(message);
    expect(await result.innerText()).toContain('4 questions unanswered');

    // The quiz went back to the first question unanswered; the number is fixed on the third.
    await expect.poll(() => focusedText(page), POLL).not.toBe('Your answers');
    for (let k = 0; k < 2; k++) await quiz.getByRole('button', { name: 'Next question' }).click();
    await field.fill('7');
    await field.blur();
    await expect.poll(() => field.getAttribute('aria-invalid'), POLL).toBe('false');
    expect(await field.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby')!)?.textContent)).toBe('');
    await page.close();
  });

  it('puts a fill-in mark after the punctuation that closes the blank', async () => {
    const page = await openCoursePage(browser, `${site.url}#/quiz/steps-quiz`);
    const blank = page.locator('[data-question="hour"] .blank');
    expect(await blank.evaluate((b) => b.textContent)).toMatch(/^\.right/);
    const sentence = await page.locator('[data-question="hour"] .fill-in-text').evaluate((p) => p.textContent);
    expect(sentence).toBe('An hour lasts sixty .rightwrongExpected answer: minutes');
    await page.close();
  });
});

describe('a survey (Likert questions only)', () => {
  it('thanks the learner: no score, no pass mark, and its step objective is completed, not passed', async () => {
    const page = await openCoursePage(browser, `${site.url}#/survey/opinion`);
    const quiz = page.locator('[data-activity="opinion"]');
    expect(await quiz.locator('.quiz-summary').innerText()).toBe('2 questions · not scored');
    await quiz.getByRole('group', { name: /useful/ }).getByRole('radio', { name: 'Agree', exact: true }).check();
    await quiz.getByRole('group', { name: /clear/ }).getByRole('radio', { name: 'Strongly agree' }).check();
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    const result = quiz.locator('[data-quiz-result]');
    await result.getByText('Thank you, your answers are recorded.').waitFor();
    const text = await result.innerText();
    expect(text).not.toMatch(/score|pass|%/i);

    await expect.poll(async () => (await recordedValues<InteractionRecord>(page, 'recordInteraction')).length, POLL).toBe(2);
    for (const interaction of await recordedValues<InteractionRecord>(page, 'recordInteraction')) expect(interaction.result).toBe('neutral');
    const objectives = await recordedValues<ObjectiveRecord>(page, 'recordObjective');
    const survey = objectives.filter((o) => o.id === 'survey').at(-1);
    expect(survey).toEqual({ id: 'survey', status: 'completed' });
    // The course's only graded quiz is untouched: no course score from the survey.
    expect((await recordedValues<ProgressRecord>(page, 'setProgress')).at(-1)?.scorePercent).toBeUndefined();
    await page.close();
  });
});

describe('accessibility of what issue 12 added', () => {
  it('has no serious or critical axe violation: a question shown alone, the review, a survey thanked, an external video that cannot load', async () => {
    const { blockingViolations, runAxe } = await import('../../support/axe.js');
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.route(/youtube-nocookie\.com/, (route) => route.abort('internetdisconnected'));
    await page.goto(`${site.url}#/quiz/steps-quiz`);
    const quiz = page.locator('[data-activity="steps-quiz"]');
    await quiz.getByRole('heading', { name: 'Question 1 of 4' }).waitFor();
    expect(blockingViolations(await runAxe(page.mainFrame()))).toEqual([]);
    for (let k = 0; k < 3; k++) await quiz.getByRole('button', { name: 'Next question' }).click();
    await quiz.getByRole('button', { name: 'Review my answers' }).click();
    await quiz.getByRole('heading', { name: 'Your answers' }).waitFor();
    expect(blockingViolations(await runAxe(page.mainFrame()))).toEqual([]);

    await page.evaluate(() => (window.location.hash = '#/survey/opinion'));
    const survey = page.locator('[data-activity="opinion"]');
    for (const name of [/useful/, /clear/]) await survey.getByRole('group', { name }).getByRole('radio', { name: 'Agree', exact: true }).check();
    await survey.getByRole('button', { name: 'Check my answers' }).click();
    await survey.getByText('Thank you, your answers are recorded.').waitFor();
    expect(blockingViolations(await runAxe(page.mainFrame()))).toEqual([]);

    await page.evaluate(() => (window.location.hash = '#/video/hosted-video'));
    await page.getByText('The YouTube player cannot load here').waitFor();
    expect(blockingViolations(await runAxe(page.mainFrame()))).toEqual([]);
    await page.close();
  });
});
