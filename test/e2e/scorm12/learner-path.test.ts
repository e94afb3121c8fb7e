/**
 * A learner takes the sample course's SCORM 1.2 package in Chromium, inside an LMS page
 * whose `window.API` is scorm-again: first session (step 1 done, step 2 begun, leave),
 * relaunch with what the LMS kept, then the rest of the path. Asserts what the LMS received.
 */
import { describe, expect, it } from 'vitest';
import { UI } from '../../support/learner.js';
import { apiState, lmsCalls, setValueCalls } from '../../support/lms-calls.js';
import { rightChoices, wrongChoices, type AuthoredStep } from '../../support/sample-course.js';
import { finalCommit, lastCommit, type OpenedLaunch, openLaunch, untilRuntimeStarted, useScorm12World, waitForCommit } from '../../support/scorm12-e2e.js';
import {
  CHOICE_RESPONSE,
  CMI_DECIMAL,
  CMI_IDENTIFIER,
  CMI_TIME,
  CMI_TIMESPAN,
  committedInteractionCount,
  committedObjectives,
  interactionsWritten,
  TRUE_FALSE_RESPONSE,
} from '../../support/scorm12-formats.js';
import { resumeCmiFrom } from '../../support/scorm12-lms-data.js';
import { SLOW_TEST_TIMEOUT_MS } from '../../support/timeouts.js';

const world = useScorm12World();

const TOOL_TEXT = 'Avec la mairie et une association : un jardin partagé, depuis 2021.';

describe('a learner takes the SCORM 1.2 package in an LMS iframe', () => {
  let first: OpenedLaunch;
  let second: OpenedLaunch;
  let step1: AuthoredStep;
  let step2: AuthoredStep;

  // Videos play (sped up) in these two: more room than the default on a busy CI machine.
  it('first session: the SCO reports incomplete, its place, the session time and the step objectives with their scores', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    [step1, step2] = world.course.steps as [AuthoredStep, AuthoredStep];
    first = await openLaunch(world);
    const { learner } = first;

    // The path view comes first, with the steps listed.
    await learner.view(world.course.title).waitFor();
    for (const [i, step] of world.course.steps.entries()) {
      await learner.view(world.course.title).getByRole('link', { name: UI.stepLink(i + 1, step.title), exact: true }).waitFor();
    }

    // Step 1: the video to its threshold, the quiz wrong then right, the sheet, the tool.
    await learner.watchVideo(step1);
    const quiz1 = step1.quiz!;
    let quizView = await learner.openActivity(step1, quiz1.title);
    const wrongScore = await learner.answerQuiz(quizView, quiz1, wrongChoices);
    expect(wrongScore).toBeLessThan(quiz1.passingScore);
    await quizView.getByText(UI.attemptsLeft(quiz1.attempts - 1)).waitFor();
    const afterWrong = await waitForCommit(world, first.launch, (c) => committedInteractionCount(c.body) === quiz1.questions.length);
    expect(afterWrong.body['cmi.core.lesson_status']).toBe('incomplete');

    await learner.retry(quizView);
    // A new attempt starts blank: no score shown until it is submitted.
    expect(await quizView.getByText(UI.quizScore).isVisible()).toBe(false);
    const rightScore = await learner.answerQuiz(quizView, quiz1, rightChoices);
    expect(rightScore).toBe(100);
    const afterRight = await waitForCommit(world, first.launch, (c) => committedInteractionCount(c.body) === 2 * quiz1.questions.length);
    expect(afterRight.body['cmi.core.lesson_status']).toBe('incomplete');
    // The LMS has a mastery score (from the manifest), so the course score waits for the
    // course's verdict: a partial score would let the LMS fail a learner who merely paused.
    expect(afterRight.body['cmi.student_data.mastery_score']).toBe(String(world.pkg.masteryScore));
    expect(afterRight.body['cmi.core.score.raw']).toBe('');

    const sheetView = await learner.openActivity(step1, step1.sheet!.title);
    await sheetView.getByRole('button', { name: UI.print }).waitFor();

    const toolView = await learner.openActivity(step1, step1.tool!.title);
    await learner.fillTool(toolView, { partenariat: TOOL_TEXT, apports: ['interet-general'] }, step1);

    // Step 2: part of the video, one wrong attempt at the quiz; then the learner leaves.
    await learner.watchVideo(step2, 0.4);
    quizView = await learner.openActivity(step2, step2.quiz!.title);
    await learner.answerQuiz(quizView, step2.quiz!, wrongChoices);
    await quizView.getByText(UI.attemptsLeft(step2.quiz!.attempts - 1)).waitFor();
    await learner.leave();

    // LMSFinish's commit is the last the LMS received.
    const final = await finalCommit(world, first.launch);
    expect(lastCommit(world, first.launch)).toBe(final);
    const body = final.body;
    const sets = await setValueCalls(first.host);
    expect(lastSet(sets, 'cmi.core.lesson_status')).toBe('incomplete');
    expect(body['cmi.core.exit']).toBe('suspend');
    expect(body['cmi.core.lesson_location']).toBe(`${step2.id}/${step2.quiz!.id}`);
    expect(body['cmi.core.score.raw']).toBe('');
    expect(body['cmi.suspend_data']!.length).toBeGreaterThan(0);
    expect(body['cmi.suspend_data']!.length).toBeLessThanOrEqual(4096);

    const sessionTimes = sets.filter((s) => s.element === 'cmi.core.session_time');
    expect(sessionTimes).toHaveLength(1);
    expect(sessionTimes[0]!.value).toMatch(CMI_TIMESPAN);
    expect(body['cmi.core.session_time']).toMatch(CMI_TIMESPAN);
    expect(body['cmi.core.session_time']).not.toBe('00:00:00');

    // Objectives: step 1 passed with its quiz score; step 2 begun, its quiz at 0.
    const objectives = committedObjectives(body);
    expect(objectives.get(step1.id)).toMatchObject({ status: 'passed', 'score.raw': '100', 'score.min': '0', 'score.max': '100' });
    expect(objectives.get(step2.id)).toMatchObject({ status: 'incomplete', 'score.raw': '0' });
    expect(objectives.has(world.course.steps[2]!.id)).toBe(false);
  });

  it('leaving mid-course, the LMS holds incomplete, even with the mastery score applied as Moodle does by default', () => {
    // An LMS that applies adlcp:masteryscore at LMSFinish (Moodle's default, scorm-again's
    // Scorm12API default) turns any raw score below it into "failed": a learner who merely
    // paused after step 1 must not be failed.
    const body = lastCommit(world, first.launch).body;
    expect(body['cmi.student_data.mastery_score']).toBe(String(world.pkg.masteryScore));
    expect(body['cmi.core.lesson_status']).toBe('incomplete');
  });

  it('first session: every answer is one interaction in SCORM 1.2 formats', async () => {
    const sets = await setValueCalls(first.host);
    const interactions = interactionsWritten(sets);
    const quiz1 = step1.quiz!;
    const quiz2 = step2.quiz!;
    const expected = [
      ...quiz1.questions.map((q) => ({ quiz: quiz1, question: q, result: 'wrong', response: wrongChoices(q) })),
      ...quiz1.questions.map((q) => ({ quiz: quiz1, question: q, result: 'correct', response: rightChoices(q) })),
      ...quiz2.questions.map((q) => ({ quiz: quiz2, question: q, result: 'wrong', response: wrongChoices(q) })),
    ];
    expect(interactions.map((i) => i.index)).toEqual(expected.map((_, n) => n));
    expect(committedInteractionCount(lastCommit(world, first.launch).body)).toBe(expected.length);

    for (const [n, want] of expected.entries()) {
      const got = interactions[n]!.fields;
      const where = `interaction ${n} (${want.quiz.id}.${want.question.id})`;
      expect(got.id, where).toMatch(CMI_IDENTIFIER);
      expect(got.id, where).toContain(want.question.id);
      const type = want.question.type === 'true-false' ? 'true-false' : 'choice';
      expect(got.type, where).toBe(type);
      const format = type === 'true-false' ? TRUE_FALSE_RESPONSE : CHOICE_RESPONSE;
      expect(got.student_response, where).toMatch(format);
      expect(got['correct_responses.0.pattern'], where).toMatch(format);
      expect(got.result, where).toBe(want.result);
      expect(got.latency, where).toMatch(CMI_TIMESPAN);
      expect(got.time, where).toMatch(CMI_TIME);
      if (got.weighting !== undefined) expect(got.weighting, where).toMatch(CMI_DECIMAL);
      // One response character per choice ticked; a right answer is the correct pattern itself.
      expect(got.student_response!.split(',').length, where).toBe(want.response.length);
      if (want.result === 'correct') expect(sortedChars(got.student_response!), where).toBe(sortedChars(got['correct_responses.0.pattern']!));
      if (type === 'true-false') expect(got.student_response, where).toBe(want.response[0]!.id === 'true' ? 't' : 'f');
    }
  });

  it('first session: every call used strings, the LMS accepted every value, and "not attempted" was never written', async () => {
    const calls = await lmsCalls(first.host);
    expect(calls[0]).toMatchObject({ fn: 'LMSInitialize', args: [''], result: 'true', error: '0' });
    expect(calls.filter((c) => c.fn === 'LMSFinish')).toEqual([expect.objectContaining({ args: [''], result: 'true' })]);
    for (const call of calls) expect(call.argTypes.every((t) => t === 'string'), `${call.fn}(${call.args.join(', ')})`).toBe(true);
    const refused = calls.filter((c) => c.fn === 'LMSSetValue' && (c.result !== 'true' || c.error !== '0'));
    expect(refused).toEqual([]);
    const statuses = calls.filter((c) => c.fn === 'LMSSetValue' && c.args[0] === 'cmi.core.lesson_status').map((c) => c.args[1]);
    expect(statuses).not.toContain('not attempted');
    expect(statuses.length).toBeGreaterThan(0);
    expect(first.runtimeLog).toEqual([]);
  });

  it('relaunch with entry=resume: back on the same page, with answers, attempts, video progress and tool fields', async () => {
    const resumeData = resumeCmiFrom(lastCommit(world, first.launch).body);
    expect(resumeData['cmi.core.entry']).toBe('resume');
    await first.context.close();
    // Videos held back until the runtime runs, so that it sees their metadata arrive; the
    // other order is video-resume.test.ts's business.
    const videos = world.host.hold(/\.mp4$/);
    try {
      second = await openLaunch(world, {
        cmi: resumeData,
        whileLoading: async (host) => {
          await untilRuntimeStarted(host);
          videos.release();
        },
      });
    } finally {
      videos.release();
    }
    const { learner } = second;

    // Where the learner left: the step-2 quiz, with a notice saying so.
    const quiz2 = step2.quiz!;
    let quizView = learner.view(quiz2.title);
    await quizView.waitFor();
    await expect(learner.heading().filter({ visible: true }).textContent()).resolves.toBe(quiz2.title);
    await second.sco.getByRole('status').filter({ hasText: UI.resumed }).waitFor();

    // Its failed attempt is there: answers ticked, score, attempts left, and a retry.
    expect(await learner.shownScore(quizView)).toBe(0);
    await quizView.getByText(UI.attemptsLeft(quiz2.attempts - 1)).waitFor();
    await quizView.getByRole('button', { name: UI.retry }).waitFor();
    for (const question of quiz2.questions) {
      for (const choice of wrongChoices(question)) {
        expect(await learner.choice(quizView, question, choice).isChecked(), `${question.id}/${choice.id}`).toBe(true);
      }
    }

    // Step 1's quiz keeps its passing answers.
    const quiz1 = step1.quiz!;
    quizView = await learner.openActivity(step1, quiz1.title);
    expect(await learner.shownScore(quizView)).toBe(100);
    for (const question of quiz1.questions) {
      for (const choice of question.choices) {
        expect(await learner.choice(quizView, question, choice).isChecked(), `${question.id}/${choice.id}`).toBe(choice.correct);
      }
    }

    // Step 1's video counts as watched; step 2's keeps the part seen.
    const video1 = await learner.openActivity(step1, step1.video!.title);
    await video1.getByText(UI.videoWatched, { exact: true }).waitFor();
    const video2 = await learner.openActivity(step2, step2.video!.title);
    const progress = video2.getByText(/Vous avez vu \d+\s% de la vidéo/);
    await progress.waitFor();
    const seen = Number(/(\d+)/.exec((await progress.textContent()) ?? '')?.[1]);
    expect(seen).toBeGreaterThanOrEqual(30);
    expect(seen).toBeLessThan(90);

    // The tool's fields are filled as the learner left them.
    const toolView = await learner.openActivity(step1, step1.tool!.title);
    const tool = step1.tool!;
    await expect(toolView.getByLabel(tool.fields[0]!.label, { exact: true }).inputValue()).resolves.toBe(TOOL_TEXT);
    const checklist = toolView.getByRole('group', { name: tool.fields[1]!.label, exact: true });
    expect(await checklist.getByRole('checkbox', { name: tool.fields[1]!.items[0]!.label }).isChecked()).toBe(false);
    expect(await checklist.getByRole('checkbox', { name: tool.fields[1]!.items[1]!.label }).isChecked()).toBe(true);

    const entry = (await lmsCalls(second.host)).find((c) => c.fn === 'LMSGetValue' && c.args[0] === 'cmi.core.entry');
    expect(entry?.result).toBe('resume');
  });

  it('finishing the four steps passes the course: passed, 100, every objective passed', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    const { learner } = second;
    const quiz2 = step2.quiz!;
    let quizView = await learner.openActivity(step2, quiz2.title);
    await learner.retry(quizView);
    expect(await learner.answerQuiz(quizView, quiz2, rightChoices)).toBe(100);
    await learner.watchVideo(step2);
    await learner.openActivity(step2, step2.sheet!.title);
    await learner.completeTool(step2);

    for (const step of world.course.steps.slice(2)) {
      await learner.watchVideo(step);
      quizView = await learner.openActivity(step, step.quiz!.title);
      expect(await learner.answerQuiz(quizView, step.quiz!, rightChoices)).toBe(100);
      await learner.openActivity(step, step.sheet!.title);
      await learner.completeTool(step);
    }
    await learner.overview();
    await learner.leave();

    const body = (await finalCommit(world, second.launch)).body;
    expect(lastSet(await setValueCalls(second.host), 'cmi.core.lesson_status')).toBe('passed');
    expect(body['cmi.core.lesson_status']).toBe('passed');
    expect(body['cmi.core.score.raw']).toBe('100');
    expect(body['cmi.core.score.min']).toBe('0');
    expect(body['cmi.core.score.max']).toBe('100');
    expect(body['cmi.core.session_time']).toMatch(CMI_TIMESPAN);
    // The LMS's API holds the same final state as its last commit.
    const api = await apiState(second.host);
    expect(api['cmi.core.lesson_status']).toBe('passed');
    expect(api['cmi.core.score.raw']).toBe('100');
    expect(api['cmi.suspend_data']).toBe(body['cmi.suspend_data']);
    const objectives = committedObjectives(body);
    for (const step of world.course.steps) {
      expect(objectives.get(step.id), step.id).toMatchObject({ status: 'passed', 'score.raw': '100' });
    }
    const calls = await lmsCalls(second.host);
    const refused = calls.filter((c) => c.fn === 'LMSSetValue' && (c.result !== 'true' || c.error !== '0'));
    expect(refused).toEqual([]);
    const statuses = calls.filter((c) => c.fn === 'LMSSetValue' && c.args[0] === 'cmi.core.lesson_status').map((c) => c.args[1]);
    expect(statuses).not.toContain('not attempted');
    expect(second.runtimeLog).toEqual([]);
  });

  it('relaunched after passing, the learner finds the course passed and the LMS keeps passed', async () => {
    const resumeData = resumeCmiFrom(lastCommit(world, second.launch).body);
    await second.context.close();
    const third = await openLaunch(world, { cmi: resumeData });
    const overview = await third.learner.overview();
    await overview.getByText('Parcours réussi').waitFor();
    const step4 = world.course.steps[3]!;
    const quizView = await third.learner.openActivity(step4, step4.quiz!.title);
    expect(await third.learner.shownScore(quizView)).toBe(100);
    await third.learner.leave();
    const body = (await finalCommit(world, third.launch)).body;
    expect(body['cmi.core.lesson_status']).toBe('passed');
    expect(body['cmi.core.score.raw']).toBe('100');
    const statuses = (await setValueCalls(third.host)).filter((s) => s.element === 'cmi.core.lesson_status');
    expect(statuses.map((s) => s.value)).not.toContain('incomplete');
    await third.context.close();
  });
});

function lastSet(sets: { element: string; value: string }[], element: string): string | undefined {
  return sets.filter((s) => s.element === element).pop()?.value;
}

function sortedChars(response: string): string {
  return response.split(',').sort().join(',');
}
