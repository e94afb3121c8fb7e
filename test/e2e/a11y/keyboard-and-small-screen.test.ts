/**
 * A keyboard-only learner answers and submits a quiz (Tab, arrows, Space, Enter) and sees
 * where the focus is; a phone-sized LMS frame (360 px) never scrolls sideways.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Locator } from 'playwright-core';
import { scoFrame } from '../../support/axe.js';
import { UI } from '../../support/learner.js';
import { wrongChoices } from '../../support/sample-course.js';
import { openLaunch, useScorm12World } from '../../support/scorm12-e2e.js';

const world = useScorm12World();

interface Focused {
  tag: string;
  type: string;
  value: string;
  checked: boolean;
  question: string | null;
  action: string | null;
  /** Whether the browser shows a focus indicator: :focus-visible with an outline (on it or its ::after). */
  visible: boolean;
}

function focused(frame: Frame): Promise<Focused> {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return { tag: 'body', type: '', value: '', checked: false, question: null, action: null, visible: false };
    const outlined = (style: CSSStyleDeclaration) => style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      tag: el.tagName.toLowerCase(),
      type: el.type ?? '',
      value: el.value ?? '',
      checked: !!el.checked,
      question: el.closest<HTMLElement>('[data-question]')?.dataset.question ?? null,
      action: el.dataset.action ?? null,
      visible: el.matches(':focus-visible') && (outlined(getComputedStyle(el)) || outlined(getComputedStyle(el, '::after'))),
    };
  });
}

describe('keyboard', () => {
  it('Tab reaches every quiz choice and the submit button; arrows, Space and Enter operate them', async () => {
    const session = await openLaunch(world);
    const step = world.course.steps[0]!;
    const quiz = step.quiz!;
    const quizView = await session.learner.openActivity(step, quiz.title);
    const frame = scoFrame(session.host);
    const keyboard = session.host.keyboard;
    const answered = new Set<string>();
    const unseenFocus: string[] = [];

    // Tab through the page, answering each question wrongly from the keyboard, up to the submit button.
    let reachedSubmit = false;
    for (let presses = 0; presses < 80 && !reachedSubmit; presses++) {
      await keyboard.press('Tab');
      const now = await focused(frame);
      if (!now.visible) unseenFocus.push(`${now.tag}[${now.type || now.action || ''}]`);
      if (now.action === 'submit') reachedSubmit = true;
      const question = quiz.questions.find((q) => q.id === now.question);
      if (!question || answered.has(question.id)) continue;
      if (now.type === 'radio') {
        // Arrows move within the group and select; land on a wrong choice, then Space.
        const isRight = (id: string) => question.choices.find((c) => c.id === id)?.correct ?? false;
        if (isRight((await focused(frame)).value)) await keyboard.press('ArrowDown');
        await keyboard.press('Space');
        const after = await focused(frame);
        expect(after.checked, `${question.id}: Space checks the radio`).toBe(true);
        expect(isRight(after.value), `${question.id}: a wrong choice was picked`).toBe(false);
        answered.add(question.id);
      } else if (now.type === 'checkbox') {
        await keyboard.press('Space');
        expect((await focused(frame)).checked, `${question.id}: Space ticks the checkbox`).toBe(true);
        answered.add(question.id);
      }
    }
    expect(reachedSubmit).toBe(true);
    expect([...answered].sort()).toEqual(quiz.questions.map((q) => q.id).sort());
    expect(unseenFocus, 'focused elements without a visible focus indicator').toEqual([]);

    await keyboard.press('Enter');
    const score = await session.learner.shownScore(quizView);
    expect(score).toBeLessThan(quiz.passingScore);

    // The retry button is reachable and Space starts a new attempt, focus on its first choice.
    let reachedRetry = false;
    for (let presses = 0; presses < 10 && !reachedRetry; presses++) {
      await keyboard.press('Tab');
      reachedRetry = (await focused(frame)).action === 'retry';
    }
    expect(reachedRetry).toBe(true);
    await keyboard.press('Space');
    const first = await focused(frame);
    expect(first.question).not.toBeNull();
    expect(await quizView.getByText(UI.quizScore).isVisible()).toBe(false);
    await session.context.close();
  });
});

describe('keyboard on the path view', () => {
  it('every Tab stop shows where the focus is, and each step is reachable', async () => {
    const session = await openLaunch(world);
    const frame = scoFrame(session.host);
    const overview = session.learner.view(world.course.title);
    await overview.getByRole('heading', { level: 1 }).focus();
    const unseenFocus: string[] = [];
    const stepLinks = new Set<string>();
    for (let presses = 0; presses < 40; presses++) {
      await session.host.keyboard.press('Tab');
      const now = await focused(frame);
      if (now.tag === 'body') break; // focus left the SCO
      const text = await frame.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      if (!now.visible) unseenFocus.push(`${now.tag}: ${text.slice(0, 40)}`);
      if (now.tag === 'a') stepLinks.add(text);
    }
    expect(unseenFocus, 'focused elements without a visible focus indicator').toEqual([]);
    for (const step of world.course.steps) expect([...stepLinks].some((t) => t.endsWith(step.title)), step.title).toBe(true);
    await session.context.close();
  });
});

describe('360 px wide LMS frame', () => {
  it('no page scrolls sideways', async () => {
    const session = await openLaunch(world, { viewport: { width: 360, height: 740 } });
    const frame = scoFrame(session.host);
    const { learner } = session;
    const step = world.course.steps[1]!;
    const overflows: string[] = [];
    const check = async (page: string, view: Locator) => {
      await view.waitFor();
      const result = await frame.evaluate(() => {
        const root = document.documentElement;
        const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > root.clientWidth + 0.5)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}`);
        return { width: root.clientWidth, scrollWidth: root.scrollWidth, culprits };
      });
      expect(result.width, 'the SCO is laid out at the phone width').toBeLessThanOrEqual(360);
      if (result.scrollWidth > result.width) overflows.push(`${page}: ${result.scrollWidth}px wide in ${result.width}px (${result.culprits.join(', ')})`);
    };

    await check('path view', learner.view(world.course.title));
    await check('step view', await learner.openStep(step));
    await check('video', await learner.openActivity(step, step.video!.title));
    const quizView = await learner.openActivity(step, step.quiz!.title);
    await check('quiz', quizView);
    await learner.answerQuiz(quizView, step.quiz!, wrongChoices);
    await check('quiz after submitting', quizView);
    await check('sheet', await learner.openActivity(step, step.sheet!.title));
    await check('tool', await learner.openActivity(step, step.tool!.title));
    expect(overflows).toEqual([]);
    await session.context.close();
  });
});
