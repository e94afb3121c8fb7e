/**
 * Answers as an LMS's reports show them (issue 9 item 14), end to end: the rules fixture built
 * with the default (strict SCORM 1.2) and the Moodle preset (readable), taken in Chromium inside
 * a scorm-again LMS. Multiple choices reach the LMS in the author's order whatever order the
 * shuffled page showed them in; a partly right answer carries the points it earned; each question
 * has its own latency, from the quiz's first display to its answer's last change.
 */
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seededShuffle } from '../../../src/runtime/core/shuffle.js';
import { setValueCalls } from '../../support/lms-calls.js';
import { REPO_ROOT } from '../../support/sample-package.js';
import { openLaunch, type OpenedLaunch } from '../../support/scorm12-e2e.js';
import { CMI_TIMESPAN, interactionsWritten } from '../../support/scorm12-formats.js';
import { scorm12Worlds } from '../../support/scorm12-worlds.js';
import { POLL } from '../../support/timeouts.js';

const RULES_COURSE = path.join(REPO_ROOT, 'test', 'fixtures', 'valid', 'rules');
const COLOURS = ['red', 'blue', 'chair', 'table'];

/**
 * A learner for whom the shuffled practice question shows Blue above Red (the seed is the
 * learner's name, src/runtime/activities/quiz.ts): the page's order then differs from the author's.
 */
function learnerSeeingBlueFirst(): { cmiName: string } {
  for (let n = 1; n < 100; n++) {
    const order = seededShuffle(COLOURS, `Learner ${n}|practice-quiz|0|colours`);
    if (order.indexOf('blue') < order.indexOf('red')) return { cmiName: `${n}, Learner` };
  }
  throw new Error('no learner name shows Blue above Red');
}

const worlds = scorm12Worlds(RULES_COURSE);

async function openQuiz(session: OpenedLaunch, location: string): Promise<Locator> {
  const frame = session.host.frames().find((f) => f.url().includes('/sco/index.html'))!;
  await frame.evaluate((hash) => (window.location.hash = hash), `#/${location}`);
  const quiz = session.sco.locator(`[data-view="${location}"]`);
  await quiz.waitFor();
  return quiz;
}

/** The interactions the SCO wrote, by id. */
async function interactions(session: OpenedLaunch): Promise<Map<string, Record<string, string>>> {
  const written = interactionsWritten(await setValueCalls(session.host));
  return new Map(written.map((w) => [w.fields.id!, w.fields]));
}

describe('answers in the LMS reports', () => {
  it.each([
    ['generic', '0,1,2', '0,1'],
    ['moodle', 'red,blue,chair', 'red,blue'],
  ])('%s: choices in the author’s order whatever the shuffled page showed, a partly right answer with its points', async (lms, three, both) => {
    const world = worlds.get(lms)!;
    const { cmiName } = learnerSeeingBlueFirst();
    const session = await openLaunch(world, { cmi: { 'cmi.core.student_name': cmiName } });
    const quiz = await openQuiz(session, 'practice/practice-quiz');
    const boxes = await quiz.getByRole('checkbox').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(boxes.indexOf('blue')).toBeLessThan(boxes.indexOf('red'));

    // Blue, Red and Chair: both colours and one wrong choice, half of the credit (partialCredit),
    // so half of the question's weighting of 1; the choices in the author's order.
    await quiz.getByRole('checkbox', { name: 'Blue' }).check();
    await quiz.getByRole('checkbox', { name: 'Red' }).check();
    await quiz.getByRole('checkbox', { name: 'Chair' }).check();
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await expect.poll(async () => (await interactions(session)).get('practice-quiz.colours')?.result, POLL).toBe('0.5');
    expect((await interactions(session)).get('practice-quiz.colours')).toMatchObject({ student_response: three, 'correct_responses.0.pattern': both });
    await session.context.close();
  });

  it('gives each question its own latency: from the quiz’s first display to its answer’s last change', async () => {
    const world = worlds.get('generic')!;
    const session = await openLaunch(world);
    const quiz = await openQuiz(session, 'pool/pool-quiz');
    const shown = quiz.getByRole('group').filter({ visible: true });
    await expect.poll(() => shown.count(), POLL).toBe(2);
    await shown.nth(0).getByRole('radio', { name: 'True' }).check();
    // The second answer comes at least 1.5 s after the first.
    await session.sco.locator('body').evaluate(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    await shown.nth(1).getByRole('radio', { name: 'True' }).check();
    const ids = await shown.evaluateAll((groups) => groups.map((g) => g.getAttribute('data-question')));
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await expect.poll(async () => (await interactions(session)).size, POLL).toBe(2);

    const written = await interactions(session);
    const seconds = (timespan: string) => timespan.split(':').reduce((total, part) => total * 60 + Number(part), 0);
    const [first, second] = ids.map((id) => written.get(`pool-quiz.${id}`)!.latency!);
    expect(first).toMatch(CMI_TIMESPAN);
    expect(second).toMatch(CMI_TIMESPAN);
    expect(seconds(second!) - seconds(first!)).toBeGreaterThanOrEqual(1.4);
    await session.context.close();
  });
});
