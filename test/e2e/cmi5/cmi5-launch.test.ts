/**
 * The sample course built with `--target cmi5`, launched in Chromium by a test LMS
 * (test/support/cmi5-launcher.ts: one-time fetch URL, LMS.LaunchData, a token-checking
 * listener that refuses what ADL's CATAPULT refuses, in front of the npm LRS and a State
 * server). A learner takes part of the course, passes a quiz and leaves; the statements read
 * back from the LRS follow the cmi5 rules, and the browser ends on the LMS's returnURL. Closing
 * the window or reloading ends the session too (terminated, once); the reloaded page says so and
 * sends nothing. A Browse launch sends only initialized and terminated. With one AU per step, the
 * AU opens its step and reports it completed and passed. Whatever a test does, the LMS refused
 * nothing and the LRS accepted each statement once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Statement } from '@xapi/xapi';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../../support/chromium.js';
import {
  buildCmi5Package,
  CMI5_CATEGORY,
  MOVEON_CATEGORY,
  SESSION_ID_EXTENSION,
  startCmi5Lms,
  type Cmi5Lms,
  type Cmi5Ticket,
} from '../../support/cmi5-launcher.js';
import { Learner, UI } from '../../support/learner.js';
import { readAuthoredCourse, rightChoices, type AuthoredStep } from '../../support/sample-course.js';
import { SAMPLE_COURSE_DIR } from '../../support/sample-package.js';
import { BROWSER_WAIT_MS, POLL } from '../../support/timeouts.js';
import { validateStatement } from '../../support/xapi-validation.js';

const course = readAuthoredCourse(SAMPLE_COURSE_DIR);
const step = course.steps[0] as AuthoredStep;
// As CATAPULT gives it (no objectType): the LMS refuses any statement or request whose actor differs.
const actor = { name: 'Camille Martin', account: { homePage: 'https://lms.example.org', name: 'cmartin' } };
const CMI5 = 'https://w3id.org/xapi/cmi5/';

const verb = (s: Statement) => s.verb.id.split('/').pop();
const objectId = (s: Statement) => (s.object as { id: string }).id;
const categories = (s: Statement) => (s.context?.contextActivities?.category ?? []).map((a) => a.id);
const isDefined = (s: Statement) => categories(s).includes(CMI5_CATEGORY) && verb(s) !== 'launched';
/** What the AU sent in one session (the LMS's own `launched` left out). */
const ofSession = (statements: Statement[], ticket: Cmi5Ticket) =>
  statements.filter((s) => s.context?.extensions?.[SESSION_ID_EXTENSION] === ticket.sessionId && verb(s) !== 'launched');

let work: string;
let browser: Browser;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'parcours-cmi5-e2e-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function open(page: Page, ticket: Cmi5Ticket): Promise<Learner> {
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(ticket.url);
  const learner = new Learner(page, course);
  await learner.heading().first().waitFor();
  return learner;
}

async function sessionEnded(lms: Cmi5Lms, ticket: Cmi5Ticket): Promise<Statement[]> {
  let statements: Statement[] = [];
  await vi.waitFor(async () => {
    statements = ofSession(await lms.statements(ticket.registration), ticket);
    expect(statements.some((s) => isDefined(s) && verb(s) === 'terminated')).toBe(true);
  }, POLL);
  return statements;
}

/** Leaves with the course's button and waits for the LMS's return page. */
async function leave(page: Page, ticket: Cmi5Ticket): Promise<void> {
  await page.getByRole('button', { name: UI.leave, exact: true }).click();
  await page.waitForURL(ticket.returnURL, { timeout: BROWSER_WAIT_MS });
}

/** What every path must leave behind: nothing refused (CATAPULT would have), each statement stored once. */
function expectCleanLms(lms: Cmi5Lms): void {
  expect(lms.refusals).toEqual([]);
  expect([...lms.front.accepted].filter(([, times]) => times !== 1)).toEqual([]);
}


/** Opens the step's tool and fills every field (a tool is done once filled in, by default). */
async function fillTool(learner: Learner, step: AuthoredStep): Promise<void> {
  const view = await learner.openActivity(step, step.tool!.title);
  await learner.fillTool(view, Object.fromEntries(step.tool!.fields.map((f) => [f.id, f.type === 'text' ? 'Un partenariat avec la mairie' : f.items.slice(0, 1).map((i) => i.id)])), step);
}

describe('cmi5 package, one AU for the course', () => {
  let lms: Cmi5Lms;

  beforeAll(async () => {
    lms = await startCmi5Lms(await buildCmi5Package(path.join(work, 'course-au')));
  });

  afterEach(() => expectCleanLms(lms));

  afterAll(async () => {
    await lms?.stop();
  });

  it('runs a session by the cmi5 rules and returns the learner to the LMS', async () => {
    expect(lms.aus).toHaveLength(1);
    const au = lms.aus[0]!;
    expect(au).toMatchObject({ url: 'index.html', moveOn: 'CompletedAndPassed', masteryScore: course.passingScore / 100 });
    const registration = crypto.randomUUID();
    // The LMS lowers the mastery score: one quiz of four at 100 % (a course score near 25 %) passes.
    const ticket = await lms.launch(au, { actor, registration, masteryScore: 0.2 });
    lms.setPreferences(actor, { languagePreference: 'fr-FR', audioPreference: 'on' });
    const page = await browser.newPage();
    const learner = await open(page, ticket);

    await learner.watchVideo(step);
    const quizView = await learner.openActivity(step, step.quiz!.title);
    expect(await learner.answerQuiz(quizView, step.quiz!, rightChoices)).toBe(100);
    await learner.openActivity(step, step.sheet!.title);
    await leave(page, ticket);
    await page.close();

    const statements = await sessionEnded(lms, ticket);
    expect(lms.fetchRequests(ticket)).toEqual([{ method: 'POST', answered: 'token' }]);
    expect(lms.listenerLog.filter((r) => r.status === 401)).toEqual([]);
    expect(lms.listenerLog.some((r) => r.method === 'GET' && r.path === '/xAPI/agents/profile')).toBe(true);

    for (const s of statements) {
      expect(validateStatement(s)).toEqual([]);
      // The LMS compared each posted actor with the launch's exactly (no refusal); the LRS adds
      // objectType when it stores a statement.
      expect(s.actor).toEqual({ objectType: 'Agent', ...actor });
      expect(s.context?.registration).toBe(registration);
      // The context template, merged into every statement: publisher AU id and session id.
      expect(s.context?.contextActivities?.grouping?.map((a) => a.id)).toContain(au.id);
      expect(s.context?.extensions?.[SESSION_ID_EXTENSION]).toBe(ticket.sessionId);
    }
    // The LRS stores one statement per id: a second, different statement under a used id is
    // refused (409) and lost, so look for refusals at its front, not for duplicates in its store.
    expect(lms.front.log.filter((r) => r.path.endsWith('/statements') && r.status === 409)).toEqual([]);
    expect(verb(statements[0]!)).toBe('initialized');
    expect(isDefined(statements[0]!)).toBe(true);
    expect(verb(statements.at(-1)!)).toBe('terminated');
    expect(objectId(statements.at(-1)!)).toBe(au.activityId);

    const defined = statements.filter(isDefined);
    // The course is not finished (one step of four): no completed; passed on the LMS's 0.2.
    expect(defined.map(verb)).toEqual(['initialized', 'passed', 'terminated']);
    expect(defined.every((s) => objectId(s) === au.activityId)).toBe(true);
    const [, passed, terminated] = defined;
    // Course score: the quizzes' best scores weighted by their questions (weight 1 each), unsubmitted ones 0.
    const questions = course.steps.reduce((n, s) => n + (s.quiz?.questions.length ?? 0), 0);
    const raw = Math.round((100 * step.quiz!.questions.length) / questions);
    expect(raw).toBeLessThan(course.passingScore);
    expect(passed?.result).toMatchObject({ success: true, score: { scaled: raw / 100, raw, min: 0, max: 100 }, duration: expect.stringMatching(/^PT/) });
    expect(passed?.context?.extensions?.[CMI5 + 'context/extensions/masteryscore']).toBe(0.2);
    expect(categories(passed!)).toEqual(expect.arrayContaining([CMI5_CATEGORY, MOVEON_CATEGORY]));
    expect(terminated?.result?.duration).toMatch(/^PT/);
    expect(categories(terminated!)).not.toContain(MOVEON_CATEGORY);
    const progress = terminated?.result?.extensions?.[CMI5 + 'result/extensions/progress'];
    expect(progress).toBeGreaterThan(0);
    expect(progress).toBeLessThan(100);

    // "cmi5 allowed" statements: the answers and the video, between initialized and terminated, no cmi5 category.
    const allowed = statements.filter((s) => !isDefined(s));
    expect(allowed.filter((s) => verb(s) === 'answered')).toHaveLength(step.quiz!.questions.length);
    expect(allowed.some((s) => objectId(s).endsWith(`/activities/${step.video!.id}`) && verb(s) === 'played')).toBe(true);
    for (const s of allowed) expect(categories(s)).not.toContain(CMI5_CATEGORY);
    // Named under the course's own IRI (cmi5.xml), never under the AU id this LMS assigned at import.
    expect(lms.courseId).toBe('urn:example:parcours:valorisez-cooperation');
    for (const s of allowed) expect(objectId(s).startsWith(lms.courseId + '/') || objectId(s).startsWith('https://w3id.org/xapi/'), objectId(s)).toBe(true);
    expect(JSON.stringify(allowed)).not.toContain(au.activityId);

    // The AU read LMS.LaunchData and left it as the LMS wrote it; it saved its own resume state.
    expect(JSON.parse(lms.readState(ticket, 'LMS.LaunchData') ?? '{}')).toEqual(ticket.launchData);
    // The State document goes in its own request: polled, it may arrive after the statements.
    await vi.waitFor(() => expect(JSON.parse(lms.readState(ticket, 'parcours-state') ?? '{}')).toMatchObject({ reported: { passed: true } }), POLL);
  });

  it('ends the session when the window closes: terminated once, after the answers', async () => {
    const au = lms.aus[0]!;
    const ticket = await lms.launch(au, { actor, registration: crypto.randomUUID(), masteryScore: 0.2 });
    const page = await browser.newPage();
    const learner = await open(page, ticket);
    const quizView = await learner.openActivity(step, step.quiz!.title);
    expect(await learner.answerQuiz(quizView, step.quiz!, rightChoices)).toBe(100);
    // Saved while the page was shown; closing adds no State request beside terminated.
    await vi.waitFor(() => expect(JSON.parse(lms.readState(ticket, 'parcours-state') ?? '{}')).toMatchObject({ reported: { passed: true } }), POLL);
    await page.close({ runBeforeUnload: true });
    const statements = await sessionEnded(lms, ticket);
    expect(statements.filter(isDefined).map(verb)).toEqual(['initialized', 'passed', 'terminated']);
    expect(verb(statements.at(-1)!)).toBe('terminated');
    expect(statements.filter((s) => verb(s) === 'answered')).toHaveLength(step.quiz!.questions.length);
  });

  it('ends the session at a reload: the reloaded page says so and sends nothing; a new launch resumes', async () => {
    const au = lms.aus[0]!;
    const registration = crypto.randomUUID();
    const ticket = await lms.launch(au, { actor, registration, masteryScore: 0.2 });
    const page = await browser.newPage();
    const learner = await open(page, ticket);
    const quizView = await learner.openActivity(step, step.quiz!.title);
    expect(await learner.answerQuiz(quizView, step.quiz!, rightChoices)).toBe(100);
    await page.reload();
    await expect.poll(() => page.getByRole('alert').textContent(), POLL).toMatch(/session est terminée/);
    const statements = await sessionEnded(lms, ticket);
    expect(statements.filter(isDefined).map(verb)).toEqual(['initialized', 'passed', 'terminated']);
    expect(lms.fetchRequests(ticket)).toEqual([{ method: 'POST', answered: 'token' }]);
    // The page runs on untracked: answering again sends nothing (the LMS would refuse it: 8.1.2.0-2).
    await learner.openActivity(step, step.sheet!.title);
    await page.close({ runBeforeUnload: true });
    expect(ofSession(await lms.statements(registration), ticket)).toHaveLength(statements.length);

    const next = await lms.launch(au, { actor, registration, masteryScore: 0.2 });
    const again = await browser.newPage();
    await open(again, next);
    await expect.poll(() => again.getByText(UI.resumed).isVisible(), POLL).toBe(true);
    await leave(again, next);
    await again.close();
    expect((await sessionEnded(lms, next)).filter(isDefined).map(verb)).toEqual(['initialized', 'terminated']);
  });

  it('resumes in the next session from the State API, and does not pass the learner twice', async () => {
    const au = lms.aus[0]!;
    const registration = crypto.randomUUID();
    const first = await lms.launch(au, { actor, registration, masteryScore: 0.2 });
    const page = await browser.newPage();
    let learner = await open(page, first);
    const quizView = await learner.openActivity(step, step.quiz!.title);
    expect(await learner.answerQuiz(quizView, step.quiz!, rightChoices)).toBe(100);
    await leave(page, first);
    await sessionEnded(lms, first);

    const second = await lms.launch(au, { actor, registration, masteryScore: 0.2 });
    learner = await open(page, second);
    await expect.poll(() => page.getByText(UI.resumed).isVisible(), POLL).toBe(true);
    expect(await learner.shownScore(await learner.openActivity(step, step.quiz!.title))).toBe(100);
    await leave(page, second);
    await page.close();
    const statements = await sessionEnded(lms, second);
    expect(statements.filter(isDefined).map(verb)).toEqual(['initialized', 'terminated']);
  });

  it('tells the learner when the launch link was already used; that window sends nothing', async () => {
    const ticket = await lms.launch(lms.aus[0]!, { actor, registration: crypto.randomUUID() });
    const first = await browser.newContext();
    await open(await first.newPage(), ticket);
    await vi.waitFor(() => expect(lms.fetchRequests(ticket)).toHaveLength(1), POLL);
    // The same one-time link in another browser (no sessionStorage to find the token in).
    const second = await browser.newContext();
    const page = await second.newPage();
    await open(page, ticket);
    await expect.poll(() => page.getByRole('alert').textContent(), POLL).toMatch(/lien de lancement déjà utilisé ou expiré/);
    expect(lms.fetchRequests(ticket)).toEqual([
      { method: 'POST', answered: 'token' },
      { method: 'POST', answered: 'error' },
    ]);
    await first.close();
    await second.close();
    const sent = ofSession(await lms.statements(ticket.registration), ticket);
    expect(sent.filter((s) => verb(s) === 'initialized')).toHaveLength(1);
  });

  it('does not follow a returnURL that is not a web address: no script runs, the goodbye page stays', async () => {
    const ticket = await lms.launch(lms.aus[0]!, { actor, registration: crypto.randomUUID(), returnURL: '  JaVaScRiPt:window.parcoursPwned=document.cookie' });
    const page = await browser.newPage();
    await open(page, ticket);
    await page.getByRole('button', { name: UI.leave, exact: true }).click();
    const statements = await sessionEnded(lms, ticket);
    expect(statements.filter(isDefined).map(verb)).toEqual(['initialized', 'terminated']);
    expect(new URL(page.url()).origin).toBe(lms.packageOrigin);
    expect(await page.evaluate(() => (window as { parcoursPwned?: unknown }).parcoursPwned)).toBeUndefined();
    await page.close();
  });

  it('sends only initialized and terminated in Browse mode, whatever the learner does', async () => {
    const au = lms.aus[0]!;
    const ticket = await lms.launch(au, { actor, registration: crypto.randomUUID(), launchMode: 'Browse', masteryScore: 0.2 });
    const page = await browser.newPage();
    const learner = await open(page, ticket);
    const quizView = await learner.openActivity(step, step.quiz!.title);
    // Browse and Review are read-only: the quiz can be read, not taken (quiz.ts).
    const question = step.quiz!.questions[0]!;
    expect(await learner.choice(quizView, question, question.choices[0]!).isDisabled()).toBe(true);
    expect(await quizView.getByRole('button', { name: UI.submit }).isVisible()).toBe(false);
    await learner.openActivity(step, step.sheet!.title);
    await leave(page, ticket);
    await page.close();
    const statements = await sessionEnded(lms, ticket);
    expect(statements.map(verb)).toEqual(['initialized', 'terminated']);
    expect(lms.readState(ticket, 'parcours-state')).toBeUndefined();
  });
});

describe('cmi5 package, one AU per step', () => {
  let lms: Cmi5Lms;

  beforeAll(async () => {
    lms = await startCmi5Lms(await buildCmi5Package(path.join(work, 'step-aus'), { cmi5AuPerStep: true }));
  });

  afterEach(() => expectCleanLms(lms));

  afterAll(async () => {
    await lms?.stop();
  });

  it('opens the AU’s step and reports it completed and passed', async () => {
    expect(lms.aus.map((au) => au.url)).toEqual(course.steps.map((s) => `index.html?step=${s.id}`));
    const au = lms.aus[0]!;
    const ticket = await lms.launch(au, { actor, registration: crypto.randomUUID() });
    const page = await browser.newPage();
    const learner = await open(page, ticket);
    // The runtime moves to the AU's step once it has started: wait for it rather than read at once.
    await expect.poll(() => learner.heading().first().textContent(), POLL).toBe(step.title);

    await learner.watchVideo(step);
    const quizView = await learner.openActivity(step, step.quiz!.title);
    expect(await learner.answerQuiz(quizView, step.quiz!, rightChoices)).toBe(100);
    await learner.openActivity(step, step.sheet!.title);
    await fillTool(learner, step);
    await leave(page, ticket);
    await page.close();

    const statements = await sessionEnded(lms, ticket);
    for (const s of statements) expect(validateStatement(s)).toEqual([]);
    const defined = statements.filter(isDefined);
    expect(defined[0] && verb(defined[0])).toBe('initialized');
    expect(defined.at(-1) && verb(defined.at(-1)!)).toBe('terminated');
    expect(defined.map(verb).sort()).toEqual(['completed', 'initialized', 'passed', 'terminated']);
    const passed = defined.find((s) => verb(s) === 'passed');
    expect(passed?.result).toMatchObject({ success: true, score: { scaled: 1, raw: 100 } });
    expect(passed?.context?.extensions?.[CMI5 + 'context/extensions/masteryscore']).toBe(au.masteryScore);
    expect(defined.find((s) => verb(s) === 'completed')?.result).toEqual({ completion: true, duration: expect.stringMatching(/^PT/) });
  });
});
