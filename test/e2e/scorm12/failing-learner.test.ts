/**
 * A learner who answers every quiz wrongly, with every attempt allowed, fails the course:
 * the SCO reports `failed` once no quiz can be retried, and a relaunch keeps the attempts used.
 */
import { describe, expect, it } from 'vitest';
import { UI } from '../../support/learner.js';
import { lmsCalls, setValueCalls } from '../../support/lms-calls.js';
import { wrongChoices } from '../../support/sample-course.js';
import { finalCommit, lastCommit, openLaunch, useScorm12World, waitForCommit, type OpenedLaunch } from '../../support/scorm12-e2e.js';
import { committedInteractionCount, committedObjectives } from '../../support/scorm12-formats.js';
import { resumeCmiFrom } from '../../support/scorm12-lms-data.js';

const world = useScorm12World();

describe('a learner who fails every quiz', () => {
  let session: OpenedLaunch;

  it('uses every attempt of every quiz and is reported failed', async () => {
    session = await openLaunch(world);
    const { learner } = session;
    const steps = world.course.steps;
    let answered = 0;

    for (const [i, step] of steps.entries()) {
      const quiz = step.quiz!;
      const view = await learner.openActivity(step, quiz.title);
      for (let attempt = 1; attempt <= quiz.attempts; attempt++) {
        if (attempt > 1) await learner.retry(view);
        expect(await learner.answerQuiz(view, quiz, wrongChoices)).toBe(0);
        answered += quiz.questions.length;
      }
      await view.getByText(UI.noAttemptsLeft).waitFor();
      expect(await view.getByRole('button', { name: UI.retry }).isVisible()).toBe(false);

      // Each submission is committed; the course stays undecided while a quiz can still be taken.
      const commit = await waitForCommit(world, session.launch, (c) => committedInteractionCount(c.body) === answered);
      const last = i === steps.length - 1;
      expect(commit.body['cmi.core.lesson_status'], `after the quiz of ${step.id}`).toBe(last ? 'failed' : 'incomplete');
    }

    await learner.leave();
    const body = (await finalCommit(world, session.launch)).body;
    expect(body['cmi.core.lesson_status']).toBe('failed');
    expect(body['cmi.core.score.raw']).toBe('0');
    expect(body['cmi.core.score.min']).toBe('0');
    expect(body['cmi.core.score.max']).toBe('100');
    expect(body['cmi.core.exit']).toBe('suspend');
    const objectives = committedObjectives(body);
    for (const step of steps) expect(objectives.get(step.id)?.['score.raw'], step.id).toBe('0');

    const calls = await lmsCalls(session.host);
    const statuses = calls.filter((c) => c.fn === 'LMSSetValue' && c.args[0] === 'cmi.core.lesson_status').map((c) => c.args[1]);
    expect(statuses).toEqual(['incomplete', 'failed']);
    expect(calls.filter((c) => c.fn === 'LMSSetValue' && c.error !== '0')).toEqual([]);
    expect((await setValueCalls(session.host)).filter((s) => s.element.endsWith('.result') && s.value !== 'wrong')).toEqual([]);
  });

  it('relaunched, the quizzes stay out of attempts and the status stays failed', async () => {
    const resume = resumeCmiFrom(lastCommit(world, session.launch).body);
    await session.context.close();
    const again = await openLaunch(world, { cmi: resume });
    const step = world.course.steps[world.course.steps.length - 1]!;
    const view = again.learner.view(step.quiz!.title);
    await view.waitFor();
    await view.getByText(UI.noAttemptsLeft).waitFor();
    expect(await view.getByRole('button', { name: UI.retry }).isVisible()).toBe(false);
    expect(await view.getByRole('button', { name: UI.submit }).isVisible()).toBe(false);

    const statuses = (await setValueCalls(again.host)).filter((s) => s.element === 'cmi.core.lesson_status');
    expect(statuses.map((s) => s.value)).not.toContain('incomplete');
    await again.learner.leave();
    expect((await finalCommit(world, again.launch)).body['cmi.core.lesson_status']).toBe('failed');
    await again.context.close();
  });
});
