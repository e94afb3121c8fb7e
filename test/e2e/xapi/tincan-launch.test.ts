/**
 * The sample course built with `--target xapi`, launched the TinCan way in Chromium against a
 * real LRS (@learninglocker/xapi-statements) and a State server: a learner watches a video,
 * answers a quiz and leaves; the statements read back from the LRS tell that story. A relaunch
 * resumes from the State API. Then the LRS drops off mid-course and the window closes: every
 * statement still arrives, exactly once (counted at the LRS's front: each id accepted once). The
 * LRS requires the launch's credentials: a launch with others is refused (401) and stores nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Statement } from '@xapi/xapi';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { launchChromium } from '../../support/chromium.js';
import { Learner, TEST_PLAYBACK_RATE, UI } from '../../support/learner.js';
import { startXapiEnvironment, type XapiEnvironment } from '../../support/lrs-launch.js';
import { readAuthoredCourse, type AuthoredQuestion, type AuthoredStep } from '../../support/sample-course.js';
import { SAMPLE_COURSE_DIR } from '../../support/sample-package.js';
import { POLL, VIDEO_WAIT_MS } from '../../support/timeouts.js';
import { validateStatement } from '../../support/xapi-validation.js';

const course = readAuthoredCourse(SAMPLE_COURSE_DIR);
/** The sample course's own IRI (course.yaml `iri`), which tincan.xml declares and the LMS launches. */
const ROOT = (parse(readFileSync(path.join(SAMPLE_COURSE_DIR, 'course.yaml'), 'utf8')) as { iri: string }).iri;
const actor = { objectType: 'Agent', name: 'Camille Martin', mbox: 'mailto:camille.martin@example.org' };
const X = 'https://w3id.org/xapi/video/extensions/';

let env: XapiEnvironment;
let browser: Browser;

beforeAll(async () => {
  [env, browser] = await Promise.all([startXapiEnvironment('xapi'), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

// Whatever a test did, the LRS accepted no statement twice (the front counts each 2xx).
afterEach(() => expect([...env.front.accepted].filter(([, times]) => times !== 1)).toEqual([]));

const verb = (s: Statement) => s.verb.id.split('/').pop();
const objectId = (s: Statement) => (s.object as { id: string }).id;
const byTime = (a: Statement, b: Statement) => String(a.timestamp).localeCompare(String(b.timestamp));

async function statementsOf(registration: string): Promise<Statement[]> {
  return (await env.lrs.statements()).filter((s) => s.context?.registration === registration).sort(byTime);
}

async function waitForStatements(registration: string, done: (statements: Statement[]) => boolean): Promise<Statement[]> {
  let latest: Statement[] = [];
  await vi.waitFor(async () => {
    latest = await statementsOf(registration);
    expect(done(latest)).toBe(true);
  }, POLL);
  return latest;
}

const terminatedCount = (statements: Statement[]) => statements.filter((s) => objectId(s) === ROOT && verb(s) === 'terminated').length;

async function open(context: BrowserContext, registration: string): Promise<{ page: Page; learner: Learner }> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(env.launchUrl({ actor, registration, activityId: ROOT }));
  const learner = new Learner(page, course);
  await learner.heading().first().waitFor();
  return { page, learner };
}

const correctChoices = (q: AuthoredQuestion) => q.choices.filter((c) => c.correct);

/** Plays the step's video, sped up, until the page says it was watched, then pauses it. */
async function watchVideo(learner: Learner, step: AuthoredStep): Promise<void> {
  const view = await learner.openActivity(step, step.video!.title);
  const player = view.locator('video');
  await player.evaluate((v: HTMLVideoElement, rate: number) => {
    v.muted = true;
    v.playbackRate = rate;
    void v.play().catch(() => undefined);
  }, TEST_PLAYBACK_RATE);
  await view.getByText(UI.videoWatched, { exact: true }).waitFor({ timeout: VIDEO_WAIT_MS });
  await player.evaluate((v: HTMLVideoElement) => v.pause());
}


/** Opens the step's tool and fills every field (a tool is done once filled in, by default). */
async function fillTool(learner: Learner, step: AuthoredStep): Promise<void> {
  const view = await learner.openActivity(step, step.tool!.title);
  await learner.fillTool(view, Object.fromEntries(step.tool!.fields.map((f) => [f.id, f.type === 'text' ? 'Un partenariat avec la mairie' : f.items.slice(0, 1).map((i) => i.id)])), step);
}

describe('xAPI package, TinCan launch', () => {
  const registration = crypto.randomUUID();
  const step = course.steps[0] as AuthoredStep;

  it('sends the learner’s session to the LRS: video, answers, step completion, in order', async () => {
    const context = await browser.newContext();
    const { learner } = await open(context, registration);
    await watchVideo(learner, step);
    const quizView = await learner.openActivity(step, step.quiz!.title);
    expect(await learner.answerQuiz(quizView, step.quiz!, correctChoices)).toBe(100);
    await learner.openActivity(step, step.sheet!.title);
    await fillTool(learner, step);
    await learner.leave();
    const statements = await waitForStatements(registration, (s) => terminatedCount(s) === 1);
    await context.close();

    for (const s of statements) {
      expect(validateStatement(s)).toEqual([]);
      expect(s.actor).toMatchObject({ mbox: actor.mbox });
    }
    // The LRS stores one statement per id: a second, different statement under a used id is
    // refused (409) and lost, so look for refusals at its front, not for duplicates in its store.
    expect(env.front.log.filter((r) => r.path.endsWith('/statements') && r.status === 409)).toEqual([]);
    expect(verb(statements[0]!)).toBe('initialized');
    expect(ROOT).toBe('urn:example:parcours:valorisez-cooperation');
    expect(objectId(statements[0]!)).toBe(ROOT);
    expect(objectId(statements.at(-1)!)).toBe(ROOT);
    expect(verb(statements.at(-1)!)).toBe('terminated');
    // One step out of four: the course is neither completed nor decided yet.
    expect(statements.filter((s) => objectId(s) === ROOT).map(verb)).toEqual(['initialized', 'terminated']);

    const stepStatements = statements.filter((s) => objectId(s) === `${ROOT}/steps/${step.id}`);
    expect(stepStatements.map(verb)).toEqual(['completed', 'passed']);
    expect(stepStatements[1]?.result).toMatchObject({ success: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } });
    expect(stepStatements[0]?.context?.contextActivities?.parent?.map((a) => a.id)).toEqual([ROOT]);

    const answered = statements.filter((s) => verb(s) === 'answered');
    expect(answered).toHaveLength(step.quiz!.questions.length);
    for (const question of step.quiz!.questions) {
      const s = answered.find((a) => objectId(a) === `${ROOT}/activities/${step.quiz!.id}/questions/${question.id}`);
      const correct = correctChoices(question).map((c) => c.id);
      expect(s?.result?.success).toBe(true);
      expect(s?.result?.score?.scaled).toBe(1);
      expect(s?.result?.response?.split('[,]').sort()).toEqual([...correct].sort());
      const definition = (s?.object as unknown as { definition: Record<string, unknown> }).definition;
      expect(definition['type']).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
      expect(definition['interactionType']).toBe(question.type === 'true-false' ? 'true-false' : 'choice');
      expect(String((definition['correctResponsesPattern'] as string[])[0]).split('[,]').sort()).toEqual([...correct].sort());
      expect(s?.context?.contextActivities?.parent?.map((a) => a.id)).toEqual([`${ROOT}/activities/${step.quiz!.id}`]);
    }

    const video = statements.filter((s) => objectId(s) === `${ROOT}/activities/${step.video!.id}`);
    const verbs = video.map(verb);
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    expect(verbs).toContain('played');
    expect(verbs.filter((v) => v === 'completed')).toHaveLength(1);
    const completed = video.find((s) => verb(s) === 'completed');
    expect(completed?.result?.completion).toBe(true);
    expect(Number(completed?.result?.extensions?.[X + 'progress'])).toBeGreaterThanOrEqual(step.video!.watchedThreshold);
    expect(completed?.context?.extensions?.[X + 'completion-threshold']).toBe(step.video!.watchedThreshold);
    expect(new Set(video.map((s) => s.context?.extensions?.[X + 'session-id']))).toEqual(new Set([video[0]?.id]));

    // The State document goes in its own request, which may still be on its way after the statements.
    await vi.waitFor(() => {
      const saved = env.state.read({ activityId: ROOT, agent: actor, registration, stateId: 'parcours-state' });
      expect(JSON.parse(saved ?? '{}')).toMatchObject({ state: expect.any(String), location: expect.stringContaining(step.id) });
    }, POLL);
  });

  it('resumes from the State API in a fresh browser, reports nothing twice, and still delivers when the window closes', async () => {
    const before = await statementsOf(registration);
    const context = await browser.newContext(); // nothing in localStorage: only the LRS remembers
    const { learner, page } = await open(context, registration);
    await expect.poll(() => page.getByText(UI.resumed).isVisible(), POLL).toBe(true);
    const quizView = await learner.openActivity(step, step.quiz!.title);
    expect(await learner.shownScore(quizView)).toBe(100);
    // The learner closes the window instead of leaving: the keepalive requests still deliver.
    await page.close({ runBeforeUnload: true });
    const after = await waitForStatements(registration, (s) => terminatedCount(s) === 2);
    await context.close();
    const added = after.filter((s) => !before.some((b) => b.id === s.id));
    expect(added.filter((s) => objectId(s) === ROOT).map(verb)).toEqual(['initialized', 'terminated']);
    expect(added.some((s) => objectId(s).includes('/steps/'))).toBe(false);
  });
});

describe('xAPI durable queue end to end', () => {
  it('loses nothing when the LRS drops mid-course and the window closes: all arrive once, at the next launch', async () => {
    const registration = crypto.randomUUID();
    const step = course.steps[1] as AuthoredStep;
    const context = await browser.newContext();
    const first = await open(context, registration);
    await waitForStatements(registration, (s) => s.some((x) => objectId(x) === ROOT && verb(x) === 'initialized'));

    env.front.setMode('offline');
    const quizView = await first.learner.openActivity(step, step.quiz!.title);
    expect(await first.learner.answerQuiz(quizView, step.quiz!, correctChoices)).toBe(100);
    const pending = () =>
      first.page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('parcours:xapi-queue:'))
          .reduce((n, k) => n + (JSON.parse(localStorage.getItem(k) ?? '[]') as unknown[]).length, 0),
      );
    await expect.poll(pending, POLL).toBeGreaterThanOrEqual(step.quiz!.questions.length);
    await first.page.close({ runBeforeUnload: true }); // pagehide: terminated queued, keepalive fails offline

    // While the network is down the LRS process is replaced, as after a crash and restart.
    const beforeRestart = await statementsOf(registration);
    await env.restartLrs();
    env.front.setMode('online');

    const second = await open(context, registration);
    // The first session's queue (its answers, its end) and the second session's start, each its own request.
    const statements = await waitForStatements(
      registration,
      (s) => terminatedCount(s) === 1 && s.filter((x) => verb(x) === 'answered').length === step.quiz!.questions.length && s.some((x) => objectId(x) === ROOT && verb(x) === 'initialized'),
    );
    const all = [...beforeRestart, ...statements];
    // Each accepted once by the LRS, at its front, where a resend would show.
    expect(all.map((s) => env.front.accepted.get(s.id!))).toEqual(all.map(() => 1));
    expect(all.filter((s) => objectId(s) === ROOT).map(verb)).toEqual(['initialized', 'terminated', 'initialized']);
    expect(all.filter((s) => verb(s) === 'answered').every((s) => s.result?.success === true)).toBe(true);

    // The state saved while offline came back from this browser's mirror and reached the LRS.
    const quizAgain = await second.learner.openActivity(step, step.quiz!.title);
    expect(await second.learner.shownScore(quizAgain)).toBe(100);
    await vi.waitFor(() => {
      const saved = JSON.parse(env.state.read({ activityId: ROOT, agent: actor, registration, stateId: 'parcours-state' }) ?? '{}');
      expect(saved.location).toContain(step.id);
    }, POLL);
    await context.close();
  });
});

describe('a resume document the runtime cannot read', () => {
  it('is kept as the LRS holds it, the learner told, until they act; then replaced', async () => {
    const registration = crypto.randomUUID();
    const address = { activityId: ROOT, agent: actor, registration, stateId: 'parcours-state' };
    const spoiled = JSON.stringify({ state: 'p2:', location: 'enjeux', reported: { steps: 'enjeux' } });
    const put = await fetch(`${env.state.url}?${new URLSearchParams({ ...address, agent: JSON.stringify(actor) })}`, {
      method: 'PUT',
      headers: { 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
      body: spoiled,
    });
    expect(put.status).toBe(204);
    const context = await browser.newContext();
    const first = await open(context, registration);
    await expect.poll(() => first.page.locator('[data-notice="unreadable"]').isVisible(), POLL).toBe(true);
    await first.page.close({ runBeforeUnload: true });
    await waitForStatements(registration, (s) => terminatedCount(s) === 1);
    expect(env.state.read(address)).toBe(spoiled);

    const second = await open(context, registration);
    await second.learner.openStep(course.steps[0]!);
    await vi.waitFor(() => expect(JSON.parse(env.state.read(address) ?? '{}')).toMatchObject({ state: expect.stringMatching(/^p\d+:/), location: expect.stringContaining(course.steps[0]!.id) }), POLL);
    await context.close();
  });
});

describe('the LRS requires the launch’s credentials', () => {
  it('refuses a launch whose auth it did not issue (401): nothing is stored, nothing is read', async () => {
    const registration = crypto.randomUUID();
    const context = await browser.newContext();
    const page = await context.newPage();
    const refusedBefore = env.front.log.filter((r) => r.status === 401).length;
    const auth = 'Basic ' + Buffer.from('someone:else').toString('base64');
    await page.goto(env.launchUrl({ actor, registration, activityId: ROOT, auth }));
    const learner = new Learner(page, course);
    await learner.heading().first().waitFor();
    await learner.openStep(course.steps[0]!);
    await vi.waitFor(() => expect(env.front.log.filter((r) => r.status === 401 && r.path === '/xAPI/statements').length).toBeGreaterThan(0), POLL);
    expect(env.front.log.filter((r) => r.status === 401).length).toBeGreaterThan(refusedBefore);
    await context.close();
    expect(await statementsOf(registration)).toEqual([]);
    expect(env.state.read({ activityId: ROOT, agent: actor, registration, stateId: 'parcours-state' })).toBeUndefined();
  });
});
