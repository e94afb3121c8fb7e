/**
 * How the package finds (or misses) the LMS: in a popup window it finds `window.API` on its
 * opener; opened directly, with no LMS, it says so and keeps progress in the browser.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Learner, UI } from '../../support/learner.js';
import { lmsCalls } from '../../support/lms-calls.js';
import { rightChoices } from '../../support/sample-course.js';
import { finalCommit, lastCommit, openLaunch, untilRuntimeStarted, useScorm12World, waitForCommit } from '../../support/scorm12-e2e.js';

const world = useScorm12World();

describe('launch modes of the SCORM 1.2 package', () => {
  it('in a popup window, finds the API on the opener, reports and finishes', async () => {
    const session = await openLaunch(world, { display: 'popup' });
    const popup = session.sco as Page;
    expect(popup.url()).toContain('/sco/index.html');

    const started = await waitForCommit(world, session.launch, (c) => c.body['cmi.core.lesson_status'] === 'incomplete');
    expect(started.terminate).toBe(false);
    // Checked once the runtime has started (and committed): a notice shown late would be missed before.
    expect(await popup.getByText(UI.standaloneNotice).isVisible()).toBe(false);
    const calls = await lmsCalls(session.host);
    expect(calls[0]).toMatchObject({ fn: 'LMSInitialize', args: [''], result: 'true' });

    const step = world.course.steps[0]!;
    await session.learner.openActivity(step, step.sheet!.title);
    await session.learner.leave();
    // LMSFinish's commit is the last the LMS received.
    const final = await finalCommit(world, session.launch);
    expect(lastCommit(world, session.launch)).toBe(final);
    expect(final.body['cmi.core.exit']).toBe('suspend');
    expect(final.body['cmi.core.lesson_location']).toBe(`${step.id}/${step.sheet!.id}`);
    await session.context.close();
  });

  it('in the LMS iframe, shows no standalone notice', async () => {
    const session = await openLaunch(world);
    await session.learner.view(world.course.title).waitFor();
    // Once the runtime has found the LMS and started: a notice shown late would be missed before.
    await untilRuntimeStarted(session.host);
    expect(await session.sco.getByText(UI.standaloneNotice).isVisible()).toBe(false);
    await session.context.close();
  });

  it('with no mastery score from the LMS, reports the course score (0–100) from the first quiz on', async () => {
    const session = await openLaunch(world, { cmi: { 'cmi.student_data.mastery_score': '' } });
    const step = world.course.steps[0]!;
    const view = await session.learner.openActivity(step, step.quiz!.title);
    expect(await session.learner.answerQuiz(view, step.quiz!, rightChoices)).toBe(100);
    const commit = await waitForCommit(world, session.launch, (c) => c.body['cmi.core.score.raw'] !== '');
    const raw = Number(commit.body['cmi.core.score.raw']);
    // One quiz of four at 100: the course score counts the others as 0 until they are taken.
    expect(raw).toBeGreaterThan(0);
    expect(raw).toBeLessThan(world.course.passingScore);
    expect(commit.body['cmi.core.score.min']).toBe('0');
    expect(commit.body['cmi.core.score.max']).toBe('100');
    expect(commit.body['cmi.core.lesson_status']).toBe('incomplete');
    await session.learner.leave();
    // Without a mastery score the LMS leaves the status to the course.
    expect((await finalCommit(world, session.launch)).body['cmi.core.lesson_status']).toBe('incomplete');
    await session.context.close();
  });

  it('in browse mode (an LMS preview), marks the attempt browsed and sends nothing of the visit', async () => {
    const session = await openLaunch(world, { cmi: { 'cmi.core.lesson_mode': 'browse', 'cmi.core.credit': 'no-credit' } });
    const step = world.course.steps[0]!;
    await session.learner.openActivity(step, step.sheet!.title);
    await session.learner.openActivity(step, step.tool!.title);
    await session.learner.leave();
    const calls = await lmsCalls(session.host);
    expect(calls.filter((c) => c.fn === 'LMSSetValue').map((c) => c.args.join('='))).toEqual(['cmi.core.lesson_status=browsed']);
    const final = await finalCommit(world, session.launch);
    expect(final.body['cmi.suspend_data'] ?? '').toBe('');
    expect(final.body['cmi.core.lesson_location'] ?? '').toBe('');
    await session.context.close();
  });

  it('opened without an LMS, says so and keeps progress across a reload', async () => {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(world.host.scoUrl);
    const learner = new Learner(page, world.course);
    await page.getByRole('status').filter({ hasText: UI.standaloneNotice }).waitFor();

    // Some progress: a quiz submitted once (wrongly), a tool field filled, a page open.
    const step = world.course.steps[0]!;
    const quiz = step.quiz!;
    let quizView = await learner.openActivity(step, quiz.title);
    const question = quiz.questions[0]!;
    const wrong = question.choices.find((c) => !c.correct)!;
    await learner.answerQuiz(quizView, quiz, (q) => (q === question ? [wrong] : q.choices.filter((c) => !c.correct).slice(0, 1)));
    await quizView.getByText(UI.attemptsLeft(quiz.attempts - 1)).waitFor();
    const toolView = await learner.openActivity(step, step.tool!.title);
    const field = step.tool!.fields.find((f) => f.type === 'text')!;
    await toolView.getByLabel(field.label, { exact: true }).fill('Hors plateforme');

    await page.reload();
    await page.getByRole('status').filter({ hasText: UI.standaloneNotice }).waitFor();
    // Back on the tool, with the text typed.
    const reloadedTool = learner.view(step.tool!.title);
    await reloadedTool.waitFor();
    expect(await reloadedTool.getByLabel(field.label, { exact: true }).inputValue()).toBe('Hors plateforme');
    quizView = await learner.openActivity(step, quiz.title);
    await quizView.getByText(UI.attemptsLeft(quiz.attempts - 1)).waitFor();
    expect(await learner.choice(quizView, question, wrong).isChecked()).toBe(true);
    await context.close();
  });
});
