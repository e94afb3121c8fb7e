/**
 * The SCORM 2004 package in Chromium, inside an LMS page whose `window.API_1484_11` is
 * scorm-again's Scorm2004API, with the fixture course test/fixtures/valid/every-question-type
 * (one step, one quiz of every question type, two attempts, passing score 50): leave and resume
 * (cmi.entry=resume, location, suspend_data), pass with every answer in the 2004 formats, fail,
 * review read-only. Each asserts the commit bodies the LMS received, and that it refused nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { Learner, UI } from '../../support/learner.js';
import { lmsCalls } from '../../support/lms-calls.js';
import { REPO_ROOT } from '../../support/sample-package.js';
import type { AuthoredCourse, AuthoredStep } from '../../support/sample-course.js';
import { lastCommit, openLaunch, waitForCommit, type OpenedLaunch, type Scorm12World } from '../../support/scorm12-e2e.js';
import { HOOK_TIMEOUT_MS, POLL, SLOW_TEST_TIMEOUT_MS } from '../../support/timeouts.js';
import { committedInteractions, refusedCalls, resumeCmiFrom, setValues, startScorm2004World } from './scorm2004-lms.js';

const COURSE_DIR = `${REPO_ROOT}test/fixtures/valid/every-question-type`;
const STEP = { title: 'Chaque type de question' } as AuthoredStep;
const COURSE = { title: 'Tous les types de questions', steps: [STEP] } as unknown as AuthoredCourse;
const QUIZ_TITLE = 'Un quiz de chaque type';
const STEPS_IN_ORDER = ['Établir un diagnostic partagé', 'Signer la convention', 'Suivre les actions', 'Faire le bilan'];
/** ISO 8601 duration (timeinterval) and time (second,10,0) as SCORM 2004 writes them. */
const DURATION = /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,2})?Z$/;

let world: Scorm12World & { settings: Record<string, string> };
beforeAll(async () => {
  world = await startScorm2004World(COURSE_DIR, COURSE);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await world?.browser?.close();
  await world?.host?.close();
  await world?.pkg?.remove();
});

const question = (quiz: Locator, prompt: string) => quiz.getByRole('group', { name: new RegExp(prompt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });

async function open(options: Parameters<typeof openLaunch>[1] = {}): Promise<OpenedLaunch & { quiz: Locator }> {
  const launch = await openLaunch(world, options);
  launch.learner = new Learner(launch.sco, COURSE);
  return { ...launch, quiz: await launch.learner.openActivity(STEP, QUIZ_TITLE) };
}

async function answerEveryQuestion(quiz: Locator): Promise<void> {
  await question(quiz, 'Quelle est la capitale').getByRole('radio', { name: 'Paris' }).check();
  for (const n of ['2', '5']) await question(quiz, 'nombres premiers').getByRole('checkbox', { name: n, exact: true }).check();
  await question(quiz, 'La Terre tourne').getByRole('radio', { name: 'Vrai' }).check();
  const roles = question(quiz, 'Associez chaque partenaire');
  await roles.getByRole('combobox', { name: 'La mairie' }).selectOption({ label: 'Financeur' });
  await roles.getByRole('combobox', { name: "L'association" }).selectOption({ label: 'Observateur' });
  await roles.getByRole('combobox', { name: "L'école" }).selectOption({ label: 'Bénéficiaire' });
  const group = question(quiz, 'Remettez les étapes');
  const texts = () => group.locator('.ordering-text').allTextContents();
  for (const [k, text] of STEPS_IN_ORDER.entries()) {
    for (let guard = 0; (await texts()).indexOf(text) > k && guard < STEPS_IN_ORDER.length; guard++) {
      await group.getByRole('button', { name: `Monter « ${text} »` }).click();
    }
  }
  const blanks = question(quiz, 'Complétez la phrase');
  await blanks.getByRole('textbox', { name: 'Mot manquant 1 sur 3' }).fill('Convention');
  await blanks.getByRole('textbox', { name: 'Mot manquant 2 sur 3' }).fill('trois');
  await blanks.getByRole('textbox', { name: 'Mot manquant 3 sur 3' }).fill('evaluation');
  await question(quiz, 'Quel pourcentage').getByRole('textbox', { name: 'Votre réponse' }).fill('42,5');
  await question(quiz, 'Combien de mois').getByRole('textbox', { name: 'Votre réponse' }).fill('48');
  await question(quiz, 'Je me sens capable').getByRole('radio', { name: 'Plutôt d’accord' }).check();
  await question(quiz, 'Ce module m').getByRole('radio', { name: 'Très utile' }).check();
  await quiz.page().keyboard.press('Tab');
}

/** A wrong answer to every graded question (the ordering question stays in the shuffled order shown). */
async function answerWrongly(quiz: Locator): Promise<void> {
  await question(quiz, 'Quelle est la capitale').getByRole('radio', { name: 'Lyon' }).check();
  await question(quiz, 'nombres premiers').getByRole('checkbox', { name: '4', exact: true }).check();
  await question(quiz, 'La Terre tourne').getByRole('radio', { name: 'Faux' }).check();
  const roles = question(quiz, 'Associez chaque partenaire');
  await roles.getByRole('combobox', { name: 'La mairie' }).selectOption({ label: 'Observateur' });
  await roles.getByRole('combobox', { name: "L'association" }).selectOption({ label: 'Financeur' });
  await roles.getByRole('combobox', { name: "L'école" }).selectOption({ label: 'Opérateur' });
  const blanks = question(quiz, 'Complétez la phrase');
  for (const n of [1, 2, 3]) await blanks.getByRole('textbox', { name: `Mot manquant ${n} sur 3` }).fill('non');
  await question(quiz, 'Quel pourcentage').getByRole('textbox', { name: 'Votre réponse' }).fill('1');
  await question(quiz, 'Combien de mois').getByRole('textbox', { name: 'Votre réponse' }).fill('1');
  await question(quiz, 'Je me sens capable').getByRole('radio', { name: 'Plutôt d’accord' }).check();
  await question(quiz, 'Ce module m').getByRole('radio', { name: 'Très utile' }).check();
  await quiz.page().keyboard.press('Tab');
}

describe('a learner takes the SCORM 2004 package in an LMS', () => {
  let first: OpenedLaunch & { quiz: Locator };
  let second: OpenedLaunch & { quiz: Locator };

  it('leaves mid-quiz: suspend, suspendAll, location, suspend_data, ISO session time, incomplete; nothing refused', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    first = await open();
    await answerEveryQuestion(first.quiz);
    await first.learner.leave();
    const body = (await waitForCommit(world, first.launch, (c) => c.terminate)).body;
    expect(body).toMatchObject({ 'cmi.exit': 'suspend', 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'unknown', 'cmi.location': 'types/types-quiz' });
    expect(body['cmi.suspend_data']!.length).toBeGreaterThan(0);
    expect(body['cmi.session_time']).toMatch(DURATION);
    expect(body['cmi.score.scaled'] ?? '').toBe('');
    const sets = await setValues(first.host);
    expect(sets.filter((s) => s.element === 'adl.nav.request').map((s) => s.value)).toEqual(['suspendAll']);
    expect((await lmsCalls(first.host)).map((c) => c.fn).filter((fn) => fn === 'Initialize' || fn === 'Terminate')).toEqual(['Initialize', 'Terminate']);
    expect(await refusedCalls(first.host)).toEqual([]);
    expect(first.runtimeLog).toEqual([]);
    await first.context.close();
  });

  it('relaunched with entry=resume: the answers come back, and submitting passes with every answer in the 2004 formats', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    const resume = resumeCmiFrom(lastCommit(world, first.launch).body, world.settings);
    expect(resume).toMatchObject({ 'cmi.entry': 'resume', 'cmi.location': 'types/types-quiz' });
    second = await open({ cmi: resume });
    const { quiz } = second;
    await expect.poll(() => question(quiz, 'Quelle est la capitale').getByRole('radio', { name: 'Paris' }).isChecked(), POLL).toBe(true);
    expect(await question(quiz, 'Combien de mois').getByRole('textbox').inputValue()).toBe('48');
    await quiz.getByRole('button', { name: UI.submit }).click();
    expect(await second.learner.shownScore(quiz)).toBe(79);
    const committed = await waitForCommit(world, second.launch, (c) => committedInteractions(c.body).size === 10);
    const body = committed.body;
    expect(body).toMatchObject({
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
      'cmi.progress_measure': '1',
      'cmi.score.raw': '79',
      'cmi.score.min': '0',
      'cmi.score.max': '100',
      'cmi.scaled_passing_score': '0.5',
    });
    expect(body['cmi.score.scaled']).toBe('0.79');
    const expected: Record<string, { type: string; response: string; pattern?: string; result: string }> = {
      'types-quiz.capitale': { type: 'choice', response: 'b', pattern: 'b', result: 'correct' },
      'types-quiz.premiers': { type: 'choice', response: 'deux[,]cinq', pattern: 'deux[,]cinq', result: 'correct' },
      'types-quiz.terre': { type: 'true-false', response: 'true', pattern: 'true', result: 'correct' },
      'types-quiz.roles': { type: 'matching', response: 'mairie[.]a[,]association[.]d[,]ecole[.]c', pattern: 'mairie[.]a[,]association[.]b[,]ecole[.]c', result: '0.6666667' },
      'types-quiz.etapes': { type: 'sequencing', response: '', pattern: '', result: 'correct' },
      'types-quiz.convention': {
        type: 'fill-in',
        response: '{lang=fr}Convention[,]{lang=fr}trois[,]{lang=fr}evaluation',
        pattern: '{case_matters=false}{lang=fr}convention[,]{lang=fr}deux[,]{lang=fr}évaluation',
        result: '0.6666667',
      },
      'types-quiz.budget': { type: 'numeric', response: '42.5', pattern: '35[:]45', result: 'correct' },
      'types-quiz.duree': { type: 'numeric', response: '48', pattern: '12[:]36', result: 'incorrect' },
      'types-quiz.confiance': { type: 'likert', response: '', result: 'neutral' },
      'types-quiz.utilite': { type: 'likert', response: '', result: 'neutral' },
    };
    const interactions = committedInteractions(body);
    expect([...interactions.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [id, want] of Object.entries(expected)) {
      const got = interactions.get(id)!;
      expect(got.type, id).toBe(want.type);
      expect(got.result, id).toBe(want.result);
      if (want.response) expect(got.learner_response, id).toBe(want.response);
      if (want.pattern) expect(got['correct_responses.0.pattern'], id).toBe(want.pattern);
      expect(got.latency, id).toMatch(DURATION);
      expect(got.timestamp, id).toMatch(TIME);
      expect(got.weighting, id).toBe(want.type === 'likert' ? '0' : '1');
      expect(got.description, id).toMatch(/^\{lang=fr\}./);
      expect(got['objectives.0.id'], id).toBe('types');
    }
    // Sequencing and likert by their ids (the fixture's default ids), whatever they are.
    expect(interactions.get('types-quiz.etapes')!.learner_response).toBe(interactions.get('types-quiz.etapes')!['correct_responses.0.pattern']);
    expect(interactions.get('types-quiz.confiance')!.learner_response).toMatch(/^[\w-]+$/);
    expect(body['cmi.objectives.0.id']).toBe('types');
    expect(body).toMatchObject({ 'cmi.objectives.0.completion_status': 'completed', 'cmi.objectives.0.success_status': 'passed' });

    await second.learner.leave();
    const final = (await waitForCommit(world, second.launch, (c) => c.terminate)).body;
    expect(final['cmi.exit']).toBe('normal');
    expect((await setValues(second.host)).filter((s) => s.element === 'adl.nav.request').map((s) => s.value)).toEqual(['exitAll']);
    expect(await refusedCalls(second.host)).toEqual([]);
    expect(second.runtimeLog).toEqual([]);
    await second.context.close();
  });

  it('in review (no credit), shows the passed attempt read-only and sets nothing', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    const review = await open({ cmi: resumeCmiFrom(lastCommit(world, second.launch).body, world.settings, { 'cmi.mode': 'review', 'cmi.credit': 'no-credit', 'cmi.entry': '' }) });
    await expect.poll(() => question(review.quiz, 'Quelle est la capitale').getByRole('radio', { name: 'Paris' }).isChecked(), POLL).toBe(true);
    expect(await question(review.quiz, 'Quelle est la capitale').getByRole('radio', { name: 'Paris' }).isDisabled()).toBe(true);
    await review.learner.leave();
    await waitForCommit(world, review.launch, (c) => c.terminate);
    const calls = await lmsCalls(review.host);
    expect(calls.filter((c) => c.fn === 'SetValue' || c.fn === 'Commit')).toEqual([]);
    expect(calls.map((c) => c.fn).filter((fn) => fn !== 'GetValue')).toEqual(['Initialize', 'Terminate']);
    await review.context.close();
  });

  it('fails: both attempts below the passing score give success failed, completed, and a suspended attempt', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    const failing = await open();
    const { quiz } = failing;
    for (let attempt = 1; attempt <= 2; attempt++) {
      if (attempt > 1) await failing.learner.retry(quiz);
      await answerWrongly(quiz);
      await quiz.getByRole('button', { name: UI.submit }).click();
      expect(await failing.learner.shownScore(quiz)).toBeLessThan(50);
    }
    const decided = await waitForCommit(world, failing.launch, (c) => c.body['cmi.success_status'] === 'failed');
    expect(decided.body).toMatchObject({ 'cmi.completion_status': 'completed', 'cmi.progress_measure': '1' });
    expect(Number(decided.body['cmi.score.scaled'])).toBeLessThan(0.5);
    await failing.learner.leave();
    const final = (await waitForCommit(world, failing.launch, (c) => c.terminate)).body;
    // Failed: the attempt stays open (its attempts used must survive a relaunch).
    expect(final['cmi.exit']).toBe('suspend');
    expect(final['cmi.success_status']).toBe('failed');
    expect(await refusedCalls(failing.host)).toEqual([]);
    expect(failing.runtimeLog).toEqual([]);
    await failing.context.close();
  });
});
