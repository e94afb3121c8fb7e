/**
 * Quiz rules in Chromium, on the rules fixture course rendered with an adapter that records
 * what the core tells the LMS: a pool drawn per attempt and kept on resume, result and quiz
 * feedback, showCorrectAnswers, partial credit, and the read-only review mode.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RuntimeQuiz } from '../../../src/shared/course-data.js';
import { encodeState } from '../../../src/shared/state-codec.js';
import type { InteractionRecord, ProgressRecord } from '../../../src/runtime/adapters/lms-adapter.js';
import { recordedCourse, savedState } from '../../support/recorded-course.js';
import { recordedValues as named } from '../../support/recording-site.js';

const FIXTURE = 'test/fixtures/valid/rules';
const STATEMENTS = ['one', 'two', 'three', 'four'].map((n) => `Statement ${n} is true.`);

const course = recordedCourse(FIXTURE);
const { open, go } = course;

/** The pool's questions shown, by their statement, in page order. */
async function shownStatements(quiz: Locator): Promise<string[]> {
  const groups = quiz.getByRole('group');
  const shown: string[] = [];
  for (const group of await groups.all()) {
    const text = (await group.textContent()) ?? '';
    const statement = STATEMENTS.find((s) => text.includes(s));
    if (statement && (await group.isVisible())) shown.push(statement);
  }
  return shown;
}

const question = (quiz: Locator, statement: string) => quiz.getByRole('group').filter({ hasText: statement });

describe('quiz rules in the browser', () => {
  it('draws two of the four pooled questions, numbered 1 and 2, and keeps them and the answers on resume', async () => {
    const page = await open('#/pool/pool-quiz');
    const quiz = page.locator('[data-activity="pool-quiz"]');
    await expect(quiz.getByText('2 questions drawn at random from 4').isVisible()).resolves.toBe(true);
    const drawn = await shownStatements(quiz);
    expect(drawn).toHaveLength(2);
    expect(await quiz.locator('.question-number:visible').allTextContents()).toEqual(['Question 1 of 2', 'Question 2 of 2']);

    await question(quiz, drawn[0]!).getByRole('radio', { name: 'True' }).check();
    const state = await savedState(page);
    await page.close();

    const resumed = await open('#/pool/pool-quiz', { state });
    const again = resumed.locator('[data-activity="pool-quiz"]');
    expect(await shownStatements(again)).toEqual(drawn);
    expect(await question(again, drawn[0]!).getByRole('radio', { name: 'True' }).isChecked()).toBe(true);
    await resumed.close();
  });

  it('keeps the saved part of a pool whose questions changed since, and draws the rest', async () => {
    // Saved by an earlier version of the course that had a question `gone` in the pool.
    const earlier = structuredClone(course.runtime);
    const pool = earlier.steps[0]!.activities.find((a): a is RuntimeQuiz => a.id === 'pool-quiz')!;
    pool.questions.push({ ...pool.questions[1]!, id: 'gone' });
    const state = encodeState(
      {
        location: 'pool/pool-quiz',
        visited: ['pool-quiz'],
        videos: {},
        quizzes: { 'pool-quiz': { attempts: 0, score: null, best: null, passed: false, answers: { s1: ['true'], gone: ['false'] }, submitted: false, order: ['gone', 's1'] } },
        tools: {},
      },
      earlier,
    );
    const page = await open('#/pool/pool-quiz', { state });
    const quiz = page.locator('[data-activity="pool-quiz"]');
    const shown = await shownStatements(quiz);
    expect(shown).toHaveLength(2);
    expect(shown).toContain(STATEMENTS[0]);
    expect(await question(quiz, STATEMENTS[0]!).getByRole('radio', { name: 'True' }).isChecked()).toBe(true);
    await page.close();
  });

  it('shuffles choices per learner and attempt, in the same order after a relaunch', async () => {
    // Six learners: with shuffling, their orders differ and leave the author's; without, all
    // six would show Red, Blue, Chair, Table (the seeds are fixed: the outcome is too).
    const orders: string[][] = [];
    for (const learner of ['Ada', 'Bruno', 'Chloé', 'Driss', 'Emma', 'Farid']) {
      const page = await open('#/practice/practice-quiz', { learner });
      orders.push(await page.locator('[data-activity="practice-quiz"] [data-choice] label').allTextContents());
      await page.close();
    }
    for (const order of orders) expect([...order].sort()).toEqual(['Blue', 'Chair', 'Red', 'Table']);
    expect(new Set(orders.map(String)).size).toBeGreaterThan(1);
    expect(orders.filter((order) => String(order) !== 'Red,Blue,Chair,Table').length).toBeGreaterThan(0);

    const page = await open('#/practice/practice-quiz');
    const quiz = page.locator('[data-activity="practice-quiz"]');
    const order = await quiz.locator('[data-choice] label').allTextContents();
    expect([...order].sort()).toEqual(['Blue', 'Chair', 'Red', 'Table']);
    await quiz.getByRole('checkbox', { name: 'Chair' }).check();
    const state = await savedState(page);
    await page.close();
    const resumed = await open('#/practice/practice-quiz', { state });
    const again = resumed.locator('[data-activity="practice-quiz"]');
    expect(await again.locator('[data-choice] label').allTextContents()).toEqual(order);
    expect(await again.getByRole('checkbox', { name: 'Chair' }).isChecked()).toBe(true);
    await resumed.close();
  });

  it('marks each answer, shows the result and quiz messages by outcome, never the expected answers, and draws again for a new attempt', async () => {
    const page = await open('#/pool/pool-quiz');
    const quiz = page.locator('[data-activity="pool-quiz"]');
    const first = await shownStatements(quiz);
    for (const statement of first) await question(quiz, statement).getByRole('radio', { name: 'False' }).check();
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await quiz.getByText('Your score: 0%').waitFor();
    expect(await quiz.getByText('Incorrect', { exact: true }).count()).toBe(2);
    await expect(quiz.getByText('Read the sheet again, then try again.').isVisible()).resolves.toBe(true);
    await expect(quiz.getByText('Ask your tutor about these statements.').isVisible()).resolves.toBe(false);
    // showCorrectAnswers: never.
    await expect(quiz.getByText('Expected answer').first().isVisible()).resolves.toBe(false);
    // Statement one has its own message for a wrong answer.
    await expect(quiz.getByText('No, statement one holds.').isVisible()).resolves.toBe(first.includes(STATEMENTS[0]!));
    const interactions = await named<InteractionRecord>(page, 'recordInteraction');
    expect(interactions.map((i) => i.questionId).sort()).toEqual(first.map((s) => `s${STATEMENTS.indexOf(s) + 1}`).sort());

    await quiz.getByRole('button', { name: 'Try again' }).click();
    const second = await shownStatements(quiz);
    expect(second).toHaveLength(2);
    for (const statement of second) {
      expect(await question(quiz, statement).getByRole('radio', { name: 'False' }).isChecked()).toBe(false);
      await question(quiz, statement).getByRole('radio', { name: 'False' }).check();
    }
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await quiz.getByText('You have used all your attempts.').waitFor();
    await expect(quiz.getByText('Ask your tutor about these statements.').isVisible()).resolves.toBe(true);
    await expect(quiz.getByText('Read the sheet again, then try again.').isVisible()).resolves.toBe(false);
    await expect(quiz.getByText('Expected answer').first().isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('gives partial credit, says "partly correct" with its message, and shows the expected answers always', async () => {
    const page = await open('#/practice/practice-quiz');
    const quiz = page.locator('[data-activity="practice-quiz"]');
    await quiz.getByRole('checkbox', { name: 'Red' }).check();
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await quiz.getByText('Your score: 50%').waitFor();
    await expect(quiz.getByText('Partly correct').isVisible()).resolves.toBe(true);
    await expect(quiz.getByText('Some of them.').isVisible()).resolves.toBe(true);
    await expect(quiz.getByText('All of them.').isVisible()).resolves.toBe(false);
    // showCorrectAnswers: always, even with attempts left.
    await expect(quiz.locator('[data-choice="blue"]').getByText('Expected answer').isVisible()).resolves.toBe(true);
    const [interaction] = await named<InteractionRecord>(page, 'recordInteraction');
    expect(interaction).toMatchObject({ id: 'practice-quiz.colours', response: ['red'], result: 'wrong', scoreShare: 0.5 });

    // A wrong choice cancels a right one.
    await quiz.getByRole('button', { name: 'Try again' }).click();
    await quiz.getByRole('checkbox', { name: 'Red' }).check();
    await quiz.getByRole('checkbox', { name: 'Chair' }).check();
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await quiz.getByText('Your score: 0%').waitFor();
    await expect(quiz.getByText('None of them.').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('reports the course status in its rules: completed once every page is opened and both quizzes attempted, passed on the weighted score', async () => {
    const page = await open('#/pool/pool-sheet');
    await go(page, '#/pool/pool-quiz');
    const quiz = page.locator('[data-activity="pool-quiz"]');
    for (const statement of await shownStatements(quiz)) await question(quiz, statement).getByRole('radio', { name: 'True' }).check();
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await quiz.getByText('Well done, you know them all.').waitFor();
    let progress = (await named<ProgressRecord>(page, 'setProgress')).at(-1)!;
    // The practice quiz weighs 0: the course score is the pool's.
    expect(progress).toMatchObject({ completion: 'incomplete', success: 'passed', scorePercent: 100, status: 'incomplete' });

    await go(page, '#/practice/practice-quiz');
    const practice = page.locator('[data-activity="practice-quiz"]');
    await practice.getByRole('checkbox', { name: 'Chair' }).check();
    await practice.getByRole('button', { name: 'Check my answers' }).click();
    await practice.getByText('Your score: 0%').waitFor();
    progress = (await named<ProgressRecord>(page, 'setProgress')).at(-1)!;
    expect(progress).toMatchObject({ completion: 'completed', success: 'passed', scorePercent: 100, status: 'passed', progress: 1 });
    await page.close();
  });

  it('in review mode shows the saved answers read-only, and neither scores nor sends anything', async () => {
    const page = await open('#/practice/practice-quiz');
    const quiz = page.locator('[data-activity="practice-quiz"]');
    await quiz.getByRole('checkbox', { name: 'Blue' }).check();
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await quiz.getByText('Your score: 50%').waitFor();
    const state = await savedState(page);
    await page.close();

    const review = await open('#/practice/practice-quiz', { state, mode: 'review' });
    const reviewed = review.locator('[data-activity="practice-quiz"]');
    await expect(reviewed.getByText('Review mode: your saved answers are shown; nothing is scored or sent.').isVisible()).resolves.toBe(true);
    await reviewed.getByText('Your score: 50%').waitFor();
    expect(await reviewed.getByRole('checkbox', { name: 'Blue' }).isChecked()).toBe(true);
    expect(await reviewed.getByRole('checkbox', { name: 'Blue' }).isDisabled()).toBe(true);
    await expect(reviewed.getByRole('button', { name: 'Try again' }).isVisible()).resolves.toBe(false);
    await expect(reviewed.getByRole('button', { name: 'Check my answers' }).isVisible()).resolves.toBe(false);

    // A quiz never submitted: locked, no submit button.
    await go(review, '#/pool/pool-quiz');
    const pool = review.locator('[data-activity="pool-quiz"]');
    await pool.getByRole('heading', { level: 1 }).waitFor();
    for (const statement of await shownStatements(pool)) {
      expect(await question(pool, statement).getByRole('radio', { name: 'True' }).isDisabled()).toBe(true);
    }
    await expect(pool.getByRole('button', { name: 'Check my answers' }).isVisible()).resolves.toBe(false);
    expect(await named(review, 'recordInteraction')).toEqual([]);
    await review.close();
  });
});
