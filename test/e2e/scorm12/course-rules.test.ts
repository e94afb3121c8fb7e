/**
 * Quiz and course rules end to end: the rules fixture (a pool of 2 questions drawn from 4,
 * 2 attempts, a practice quiz weighing 0, completion = every page opened and every quiz
 * attempted) built with the Moodle preset for each `reportStatusAs` pair, taken in Chromium
 * inside a scorm-again LMS. The LMS receives the status in the chosen words, the score and
 * the objectives; a relaunch resumes the drawn questions and the answers; a review launch
 * shows them read-only and records nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, FrameLocator, Locator } from 'playwright-core';
import path from 'node:path';
import { launchChromium } from '../../support/chromium.js';
import { lmsCalls, setValueCalls } from '../../support/lms-calls.js';
import { startLmsHost, type LmsHost } from '../../support/lms-host.js';
import { buildPackage, REPO_ROOT, type BuiltPackage } from '../../support/sample-package.js';
import { readAuthoredCourse } from '../../support/sample-course.js';
import { finalCommit, lastCommit, openLaunch, type OpenedLaunch, type Scorm12World } from '../../support/scorm12-e2e.js';
import { committedObjectives, interactionsWritten } from '../../support/scorm12-formats.js';
import { firstLaunchCmi, resumeCmiFrom } from '../../support/scorm12-lms-data.js';
import type { ReportStatusAs } from '../../../src/shared/course-data.js';
import { HOOK_TIMEOUT_MS, SLOW_TEST_TIMEOUT_MS } from '../../support/timeouts.js';

const RULES_COURSE = path.join(REPO_ROOT, 'test', 'fixtures', 'valid', 'rules');
const STATEMENTS = ['one', 'two', 'three', 'four'].map((n) => `Statement ${n} is true.`);
const PAIRS: ReportStatusAs[] = ['passed/failed', 'passed/incomplete', 'completed/incomplete', 'completed/failed'];

let browser: Browser;
const worlds = new Map<ReportStatusAs, Scorm12World>();

beforeAll(async () => {
  browser = await launchChromium();
  const course = readAuthoredCourse(RULES_COURSE);
  await Promise.all(
    PAIRS.map(async (reportStatusAs) => {
      const pkg: BuiltPackage = await buildPackage(RULES_COURSE, 'scorm12', { lms: 'moodle', reportStatusAs });
      const host: LmsHost = await startLmsHost(pkg.dir, { cmi: firstLaunchCmi(pkg.masteryScore) });
      worlds.set(reportStatusAs, { pkg, host, browser, course });
    }),
  );
}, HOOK_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  for (const world of worlds.values()) {
    await world.host.close();
    await world.pkg.remove();
  }
});

type Scope = FrameLocator;
const view = (sco: Scope, title: string) => sco.getByRole('region', { name: title, exact: true });
const question = (quiz: Locator, statement: string) => quiz.getByRole('group').filter({ hasText: statement });

/** Moves in-page, as the course's links do. */
async function goTo(session: OpenedLaunch, location: string, title: string): Promise<Locator> {
  const frame = session.host.frames().find((f) => f.url().includes('/sco/index.html'))!;
  await frame.evaluate((hash) => (window.location.hash = hash), `#/${location}`);
  const region = view(session.sco as Scope, title);
  await region.waitFor();
  return region;
}

/** The pool's statements the page shows. */
async function drawn(quiz: Locator): Promise<string[]> {
  const shown: string[] = [];
  for (const statement of STATEMENTS) if (await question(quiz, statement).isVisible()) shown.push(statement);
  return shown;
}

async function answerPool(quiz: Locator, answer: 'True' | 'False'): Promise<string[]> {
  const statements = await drawn(quiz);
  for (const statement of statements) await question(quiz, statement).getByRole('radio', { name: answer }).check();
  await quiz.getByRole('button', { name: 'Check my answers' }).click();
  await quiz.getByText(/^Your score: \d+%$/).waitFor();
  return statements;
}

async function practice(session: OpenedLaunch): Promise<void> {
  const quiz = await goTo(session, 'practice/practice-quiz', 'Practice without a grade');
  await quiz.getByRole('checkbox', { name: 'Red' }).check();
  await quiz.getByRole('checkbox', { name: 'Blue' }).check();
  await quiz.getByRole('button', { name: 'Check my answers' }).click();
  await quiz.getByText('All of them.').waitFor();
}

/** Leaves the course; returns what the LMS holds (the commit from LMSFinish). */
async function leave(world: Scorm12World, session: OpenedLaunch): Promise<Record<string, string>> {
  await session.sco.getByRole('button', { name: 'Leave', exact: true }).click();
  await session.sco.getByRole('heading', { name: 'See you soon!' }).waitFor();
  return (await finalCommit(world, session.launch)).body;
}

/** Opens the sheet and fails the pool twice (every drawn statement answered False). */
async function failPool(session: OpenedLaunch): Promise<void> {
  await goTo(session, 'pool/pool-sheet', 'Read this first');
  const quiz = await goTo(session, 'pool/pool-quiz', 'Statements drawn at random');
  await answerPool(quiz, 'False');
  await quiz.getByRole('button', { name: 'Try again' }).click();
  await answerPool(quiz, 'False');
  await quiz.getByText('You have used all your attempts.').waitFor();
}

async function passPool(session: OpenedLaunch): Promise<void> {
  await goTo(session, 'pool/pool-sheet', 'Read this first');
  const quiz = await goTo(session, 'pool/pool-quiz', 'Statements drawn at random');
  await answerPool(quiz, 'True');
  await quiz.getByText('Well done, you know them all.').waitFor();
}

describe('course rules reported to a scorm-again LMS', { timeout: SLOW_TEST_TIMEOUT_MS }, () => {
  describe('passed/failed (Moodle preset: mastery score in the manifest)', () => {
    let first: OpenedLaunch;
    let statements: string[];

    it('keeps the drawn questions and an answer in progress across a relaunch', async () => {
      const world = worlds.get('passed/failed')!;
      expect(world.pkg.masteryScore).toBe(60);
      first = await openLaunch(world);
      await goTo(first, 'pool/pool-sheet', 'Read this first');
      const quiz = await goTo(first, 'pool/pool-quiz', 'Statements drawn at random');
      statements = await drawn(quiz);
      expect(statements).toHaveLength(2);
      await question(quiz, statements[0]!).getByRole('radio', { name: 'True' }).check();
      const body = await leave(world, first);
      expect(body['cmi.core.lesson_status']).toBe('incomplete');
      expect(body['cmi.suspend_data']).toMatch(/^p2:/);

      const again = await openLaunch(world, { cmi: resumeCmiFrom(body) });
      const resumed = view(again.sco as Scope, 'Statements drawn at random');
      await resumed.waitFor();
      expect(await drawn(resumed)).toEqual(statements);
      expect(await question(resumed, statements[0]!).getByRole('radio', { name: 'True' }).isChecked()).toBe(true);
      await first.context.close();
      first = again;
    });

    it('passes: passed, score 100 (the practice quiz weighs 0), objectives (the practice step completed, not passed: nothing graded it), and one interaction per drawn question', async () => {
      const quiz = view(first.sco as Scope, 'Statements drawn at random');
      await question(quiz, statements[1]!).getByRole('radio', { name: 'True' }).check();
      await quiz.getByRole('button', { name: 'Check my answers' }).click();
      await quiz.getByText('Well done, you know them all.').waitFor();
      await practice(first);
      const body = await leave(worlds.get('passed/failed')!, first);
      expect(body['cmi.core.lesson_status']).toBe('passed');
      expect(body['cmi.core.score.raw']).toBe('100');
      const objectives = committedObjectives(body);
      expect(objectives.get('pool')).toMatchObject({ status: 'passed', 'score.raw': '100' });
      expect(objectives.get('practice')).toMatchObject({ status: 'completed' });
      expect(objectives.get('practice')?.['score.raw'] ?? '').toBe('');

      const interactions = interactionsWritten(await setValueCalls(first.host)).map((i) => i.fields);
      const pool = interactions.filter((i) => i.id?.startsWith('pool-quiz.'));
      expect(pool.map((i) => i.id).sort()).toEqual(statements.map((s) => `pool-quiz.s${STATEMENTS.indexOf(s) + 1}`).sort());
      // The Moodle preset's readable answers: true/false words and choice ids.
      expect(pool.every((i) => i.type === 'true-false' && i.student_response === 'true' && i.result === 'correct')).toBe(true);
      const colours = interactions.find((i) => i.id === 'practice-quiz.colours')!;
      // In the author's order, whatever order the shuffled choices were shown and ticked in.
      expect(colours).toMatchObject({ type: 'choice', result: 'correct', student_response: 'red,blue', 'correct_responses.0.pattern': 'red,blue' });
    });

    it('in review mode shows the answers read-only and records nothing', async () => {
      const world = worlds.get('passed/failed')!;
      const body = lastCommit(world, first.launch).body;
      await first.context.close();
      const review = await openLaunch(world, { cmi: { ...resumeCmiFrom(body), 'cmi.core.lesson_mode': 'review', 'cmi.core.credit': 'no-credit' } });
      const quiz = await goTo(review, 'pool/pool-quiz', 'Statements drawn at random');
      await quiz.getByText('Review mode: your saved answers are shown; nothing is scored or sent.').waitFor();
      expect(await drawn(quiz)).toEqual(statements);
      for (const statement of statements) {
        const radio = question(quiz, statement).getByRole('radio', { name: 'True' });
        expect(await radio.isChecked()).toBe(true);
        expect(await radio.isDisabled()).toBe(true);
      }
      expect(await quiz.getByRole('button', { name: 'Try again' }).isVisible()).toBe(false);
      await review.sco.getByRole('button', { name: 'Leave', exact: true }).click();
      await review.sco.getByRole('heading', { name: 'See you soon!' }).waitFor();
      // Nothing the LMS would add up (Moodle adds every session_time to the attempt's total time):
      // no time, exit, status, score, answer or saved state, and no commit; the session still finishes.
      const calls = await lmsCalls(review.host);
      expect(calls.filter((c) => c.fn === 'LMSSetValue' || c.fn === 'LMSCommit').map((c) => `${c.fn}(${c.args.join(', ')})`)).toEqual([]);
      expect(calls.filter((c) => c.fn === 'LMSFinish').map((c) => c.result)).toEqual(['true']);
      await review.context.close();
    });

    it('fails: failed once the pool is out of attempts, with its score', async () => {
      const world = worlds.get('passed/failed')!;
      const session = await openLaunch(world);
      await failPool(session);
      await practice(session);
      const body = await leave(world, session);
      expect(body['cmi.core.lesson_status']).toBe('failed');
      expect(body['cmi.core.score.raw']).toBe('0');
      expect(committedObjectives(body).get('pool')).toMatchObject({ status: 'failed', 'score.raw': '0' });
      await session.context.close();
    });
  });

  it('passed/incomplete: a failing learner stays incomplete, and the score is still reported (no mastery score)', async () => {
    const world = worlds.get('passed/incomplete')!;
    expect(world.pkg.masteryScore).toBeUndefined();
    const session = await openLaunch(world);
    await failPool(session);
    await practice(session);
    const body = await leave(world, session);
    expect(body['cmi.core.lesson_status']).toBe('incomplete');
    expect(body['cmi.core.score.raw']).toBe('0');
    await session.context.close();
  });

  it('completed/incomplete: a passing learner is completed, with the score', async () => {
    const world = worlds.get('completed/incomplete')!;
    expect(world.pkg.masteryScore).toBeUndefined();
    const session = await openLaunch(world);
    await passPool(session);
    await practice(session);
    const body = await leave(world, session);
    expect(body['cmi.core.lesson_status']).toBe('completed');
    expect(body['cmi.core.score.raw']).toBe('100');
    const statuses = (await setValueCalls(session.host)).filter((s) => s.element === 'cmi.core.lesson_status').map((s) => s.value);
    expect(statuses).toEqual(['incomplete', 'completed']);
    await session.context.close();
  });

  it('completed/failed: a failing learner is failed', async () => {
    const world = worlds.get('completed/failed')!;
    const session = await openLaunch(world);
    await failPool(session);
    await practice(session);
    const body = await leave(world, session);
    expect(body['cmi.core.lesson_status']).toBe('failed');
    expect(body['cmi.core.exit']).toBe('suspend');
    await session.context.close();
  });
});
