/**
 * A learner answers every question type in Chromium, in the fixture course
 * test/fixtures/valid/every-question-type, inside an LMS page whose `window.API` is
 * scorm-again: answers in progress survive a relaunch, the LMS receives one interaction per
 * question in the SCORM 1.2 formats (type, student_response, correct pattern, result) and the
 * quiz score, and a relaunch after submitting shows the submitted answers, marked.
 * The questions are answered with the keyboard only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launchChromium } from '../../support/chromium.js';
import { Learner, UI } from '../../support/learner.js';
import { startLmsHost, type LmsHost } from '../../support/lms-host.js';
import { buildPackage, REPO_ROOT, type BuiltPackage } from '../../support/sample-package.js';
import type { AuthoredCourse, AuthoredStep } from '../../support/sample-course.js';
import { CMI_DECIMAL, CMI_IDENTIFIER, interactionsWritten } from '../../support/scorm12-formats.js';
import { firstLaunchCmi, resumeCmiFrom } from '../../support/scorm12-lms-data.js';
import { openLaunch, waitForCommit, type OpenedLaunch, type Scorm12World } from '../../support/scorm12-e2e.js';
import { blockingViolations, runAxe, scoFrame } from '../../support/axe.js';
import { HOOK_TIMEOUT_MS, POLL, SLOW_TEST_TIMEOUT_MS } from '../../support/timeouts.js';

const COURSE_DIR = `${REPO_ROOT}test/fixtures/valid/every-question-type`;
const STEP = { title: 'Chaque type de question' } as AuthoredStep;
const COURSE = { title: 'Tous les types de questions', steps: [STEP] } as unknown as AuthoredCourse;
const QUIZ_TITLE = 'Un quiz de chaque type';
/** The ordering question's items, in the right order. */
const STEPS_IN_ORDER = ['Établir un diagnostic partagé', 'Signer la convention', 'Suivre les actions', 'Faire le bilan'];

/** SCORM 1.2 formats per interaction type (RTE §3.4.2.7), positions 0–9 then a–z. */
const FORMATS: Record<string, RegExp> = {
  choice: /^[0-9a-z](,[0-9a-z])*$/,
  'true-false': /^[01tf]$/,
  matching: /^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/,
  sequencing: /^[0-9a-z](,[0-9a-z])*$/,
  likert: /^[0-9a-z]$/,
  numeric: /^-?\d+(\.\d+)?$/,
  'fill-in': /^[^\n]{0,255}$/,
};

const world = {} as Scorm12World;
let pkg: BuiltPackage;
let host: LmsHost;
let browser: Browser;

beforeAll(async () => {
  pkg = await buildPackage(COURSE_DIR);
  host = await startLmsHost(pkg.dir, { cmi: firstLaunchCmi(pkg.masteryScore) });
  browser = await launchChromium();
  Object.assign(world, { pkg, host, browser, course: COURSE });
}, HOOK_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await pkg?.remove();
});

const question = (quiz: Locator, prompt: string) => quiz.getByRole('group', { name: new RegExp(escape(prompt)) });

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function openQuiz(launch: OpenedLaunch): Promise<Locator> {
  return launch.learner.openActivity(STEP, QUIZ_TITLE);
}

/** Moves the ordering question's items into `order` with the Monter buttons, from the keyboard. */
async function putInOrder(group: Locator, order: string[]): Promise<void> {
  const texts = () => group.locator('.ordering-text').allTextContents();
  for (const [k, text] of order.entries()) {
    for (let guard = 0; (await texts()).indexOf(text) > k && guard < order.length; guard++) {
      await group.getByRole('button', { name: `Monter « ${text} »` }).focus();
      await group.page().keyboard.press('Enter');
    }
  }
  expect(await texts()).toEqual(order);
}

/** The in-progress answers a learner gives (the same on every check below). */
async function answerEveryQuestion(quiz: Locator): Promise<void> {
  const keyboard = quiz.page().keyboard;
  await question(quiz, 'Quelle est la capitale').getByRole('radio', { name: 'Paris' }).check();
  for (const n of ['2', '5']) await question(quiz, 'nombres premiers').getByRole('checkbox', { name: n, exact: true }).check();
  await question(quiz, 'La Terre tourne').getByRole('radio', { name: 'Vrai' }).check();

  const roles = question(quiz, 'Associez chaque partenaire');
  await roles.getByRole('combobox', { name: 'La mairie' }).selectOption({ label: 'Financeur' });
  await roles.getByRole('combobox', { name: 'L\'association' }).selectOption({ label: 'Observateur' });
  await roles.getByRole('combobox', { name: 'L\'école' }).selectOption({ label: 'Bénéficiaire' });

  await putInOrder(question(quiz, 'Remettez les étapes'), STEPS_IN_ORDER);

  const blanks = question(quiz, 'Complétez la phrase');
  await blanks.getByRole('textbox', { name: 'Mot manquant 1 sur 3' }).fill('Convention');
  await blanks.getByRole('textbox', { name: 'Mot manquant 2 sur 3' }).fill('trois');
  await blanks.getByRole('textbox', { name: 'Mot manquant 3 sur 3' }).fill('  evaluation ');
  await keyboard.press('Tab');

  await question(quiz, 'Quel pourcentage').getByRole('textbox', { name: 'Votre réponse' }).fill('42,5');
  await question(quiz, 'Combien de mois').getByRole('textbox', { name: 'Votre réponse' }).fill('48');
  await keyboard.press('Tab');

  await question(quiz, 'Je me sens capable').getByRole('radio', { name: 'Plutôt d’accord' }).check();
  await question(quiz, 'Ce module m').getByRole('radio', { name: 'Très utile' }).check();
}

/** The answers of `answerEveryQuestion` are in the page (after a relaunch). */
async function expectAnswersShown(quiz: Locator): Promise<void> {
  await expect.poll(() => question(quiz, 'Quelle est la capitale').getByRole('radio', { name: 'Paris' }).isChecked(), POLL).toBe(true);
  const roles = question(quiz, 'Associez chaque partenaire');
  expect(await roles.getByRole('combobox', { name: 'La mairie' }).inputValue()).toBe('a');
  expect(await roles.getByRole('combobox', { name: 'L\'association' }).inputValue()).toBe('d');
  expect(await roles.getByRole('combobox', { name: 'L\'école' }).inputValue()).toBe('c');
  expect(await question(quiz, 'Remettez les étapes').locator('.ordering-text').allTextContents()).toEqual(STEPS_IN_ORDER);
  const blanks = question(quiz, 'Complétez la phrase').getByRole('textbox');
  expect(await blanks.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['Convention', 'trois', 'evaluation']);
  expect(await question(quiz, 'Quel pourcentage').getByRole('textbox').inputValue()).toBe('42.5');
  expect(await question(quiz, 'Combien de mois').getByRole('textbox').inputValue()).toBe('48');
  expect(await question(quiz, 'Je me sens capable').getByRole('radio', { name: 'Plutôt d’accord' }).isChecked()).toBe(true);
  expect(await question(quiz, 'Ce module m').getByRole('radio', { name: 'Très utile' }).isChecked()).toBe(true);
}

describe('every question type in a SCORM 1.2 LMS', () => {
  let first: OpenedLaunch;
  let second: OpenedLaunch;

  it('keeps the answers in progress of every type across a relaunch', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    first = await openLaunch(world);
    first.learner = new Learner(first.sco, COURSE);
    const quiz = await openQuiz(first);
    expect(blockingViolations(await runAxe(scoFrame(first.host)))).toEqual([]);
    await answerEveryQuestion(quiz);
    await first.learner.leave();
    const left = await waitForCommit(world, first.launch, (c) => c.terminate);
    expect(left.body['cmi.core.exit']).toBe('suspend');

    second = await openLaunch(world, { cmi: resumeCmiFrom(left.body) });
    second.learner = new Learner(second.sco, COURSE);
    await expectAnswersShown(await openQuiz(second));
  });

  it('sends one interaction per question in SCORM 1.2 formats, and the quiz score', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    const quiz = await openQuiz(second);
    await quiz.getByRole('button', { name: UI.submit }).click();
    const score = await second.learner.shownScore(quiz);
    const committed = await waitForCommit(world, second.launch, (c) => Object.keys(c.body).some((k) => /^cmi\.interactions\.9\./.test(k)));
    const written = interactionsWritten(Object.entries(committed.body).map(([element, value]) => ({ element, value: String(value) })));
    const byId = new Map(written.map((w) => [w.fields.id, w.fields]));
    const expected: Record<string, { type: string; response: string; pattern?: string; result: string }> = {
      // Ids of one character 0–9 or a–z (the default ids a, b, c…) are written as they are, longer ids by position.
      'types-quiz.capitale': { type: 'choice', response: 'b', pattern: 'b', result: 'correct' },
      'types-quiz.premiers': { type: 'choice', response: '0,2', pattern: '0,2', result: 'correct' },
      'types-quiz.terre': { type: 'true-false', response: 't', pattern: 't', result: 'correct' },
      // Sources by position; targets by their default ids (Financeur a, Opérateur b, Bénéficiaire c, Observateur d).
      // Two pairs of three right: the points earned of weighting 1.
      'types-quiz.roles': { type: 'matching', response: '0.a,1.d,2.c', pattern: '0.a,1.b,2.c', result: '0.67' },
      'types-quiz.etapes': { type: 'sequencing', response: '0,1,2,3', pattern: '0,1,2,3', result: 'correct' },
      'types-quiz.convention': { type: 'fill-in', response: 'Convention,trois,evaluation', pattern: 'convention,deux,évaluation', result: '0.67' },
      'types-quiz.budget': { type: 'numeric', response: '42.5', pattern: '40', result: 'correct' },
      'types-quiz.duree': { type: 'numeric', response: '48', pattern: '24', result: 'wrong' },
      'types-quiz.confiance': { type: 'likert', response: 'd', result: 'neutral' },
      'types-quiz.utilite': { type: 'likert', response: 'c', result: 'neutral' },
    };
    expect([...byId.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [id, want] of Object.entries(expected)) {
      const got = byId.get(id)!;
      expect({ id, type: got.type, response: got.student_response, pattern: got['correct_responses.0.pattern'], result: got.result }).toEqual({
        id,
        type: want.type,
        response: want.response,
        pattern: want.pattern,
        result: want.result,
      });
      expect(got.student_response, id).toMatch(FORMATS[want.type]!);
      if (want.pattern) expect(got['correct_responses.0.pattern'], id).toMatch(FORMATS[want.type]!);
      expect(got.id).toMatch(CMI_IDENTIFIER);
      expect(got.weighting).toMatch(CMI_DECIMAL);
      expect(got.weighting).toBe(want.type === 'likert' ? '0' : '1');
    }
    // 8 graded questions: 5 right, 2 with 2 parts of 3 right, 1 wrong: 6.33 / 8 → 79 %; the Likert ones weigh nothing.
    expect(score).toBe(79);
    expect(committed.body['cmi.core.score.raw']).toBe(String(score));
    expect(committed.body['cmi.core.lesson_status']).toBe('passed');
    expect(second.runtimeLog).toEqual([]);
  });

  it('shows the submitted answers, marked, after a relaunch', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    await second.learner.leave();
    const third = await openLaunch(world, { cmi: resumeCmiFrom((await waitForCommit(world, second.launch, (c) => c.terminate)).body) });
    third.learner = new Learner(third.sco, COURSE);
    const quiz = await openQuiz(third);
    await expectAnswersShown(quiz);
    const roles = question(quiz, 'Associez chaque partenaire');
    await expect.poll(() => roles.getByText('inexact').filter({ visible: true }).count(), POLL).toBe(1);
    // The quiz is passed: the expected answers show beside the wrong parts.
    await roles.getByText('Réponse attendue : Opérateur').waitFor();
    await question(quiz, 'Complétez la phrase').getByText('Réponse attendue : deux').waitFor();
    await question(quiz, 'Combien de mois').getByText('Réponse attendue : entre 12 et 36').waitFor();
    expect(await roles.getByRole('combobox', { name: 'La mairie' }).isDisabled()).toBe(true);
    expect(await question(quiz, 'Remettez les étapes').getByRole('button').first().isDisabled()).toBe(true);
    const violations = await runAxe(scoFrame(third.host));
    expect(blockingViolations(violations)).toEqual([]);
    await third.context.close();
  });

  it('fits a 360 px wide phone without sideways scrolling, before and after submitting', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    const phone = await openLaunch(world, { viewport: { width: 360, height: 740 } });
    phone.learner = new Learner(phone.sco, COURSE);
    const quiz = await openQuiz(phone);
    const overflow = () => scoFrame(phone.host).evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await answerEveryQuestion(quiz);
    await quiz.getByRole('button', { name: UI.submit }).click();
    await phone.learner.shownScore(quiz);
    expect(await overflow()).toBeLessThanOrEqual(0);
    // The move buttons keep a 44 px target.
    const box = await question(quiz, 'Remettez les étapes').getByRole('button').first().boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    await phone.context.close();
  });

  afterAll(async () => {
    await first?.context.close();
    await second?.context.close();
  });
});
