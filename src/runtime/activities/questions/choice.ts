import type { RuntimeQuestion } from '../../../shared/course-data.js';
import { all, one } from '../../core/dom.js';
import { sameIds } from '../../core/scoring.js';
import { seededShuffle } from '../../core/shuffle.js';
import type { QuestionType } from './question-type.js';

/** What the choice-based types (single, multiple, true-false) share; each picks its scoring and interaction type. */
export function choiceQuestionType(
  type: string,
  interactionType: QuestionType['interactionType'],
  score: (question: RuntimeQuestion, response: readonly string[]) => number,
): QuestionType {
  return {
    type,
    interactionType,
    score,
    read: (root) => inputs(root).filter((i) => i.checked).map((i) => i.value),
    write(root, response) {
      for (const input of inputs(root)) input.checked = response.includes(input.value);
    },
    correct: correctIds,
    review(root, question, response, reveal, t) {
      for (const choice of question.choices) {
        const box = one(`[data-choice="${choice.id}"]`, root);
        if (!box) continue;
        const chosen = response.includes(choice.id);
        const shown = chosen || (reveal && choice.correct);
        const kind = chosen ? (choice.correct ? 'right' : 'wrong') : 'expected';
        const verdict = one('[data-verdict]', box)!;
        verdict.textContent = t(kind === 'right' ? 'choiceRight' : kind === 'wrong' ? 'choiceWrong' : 'choiceExpected');
        verdict.className = 'verdict verdict--' + kind;
        verdict.hidden = !shown;
        box.dataset.result = shown ? kind : '';
        const feedback = one('[data-feedback]', box);
        if (feedback) feedback.hidden = !shown;
      }
      for (const input of inputs(root)) input.disabled = true;
    },
    reset(root, question, seed) {
      for (const el of all('[data-verdict],[data-feedback]', root)) el.hidden = true;
      for (const box of all('[data-choice]', root)) box.dataset.result = '';
      for (const input of inputs(root)) input.disabled = false;
      const list = one('[data-choices]', root);
      if (list) {
        const ids = question.choices.map((c) => c.id);
        for (const id of seed === null ? ids : seededShuffle(ids, seed)) {
          const box = one(`[data-choice="${id}"]`, list);
          if (box) list.appendChild(box);
        }
      }
    },
  };
}

function inputs(root: HTMLElement): HTMLInputElement[] {
  return all<HTMLInputElement>('input', root);
}

export function correctIds(question: RuntimeQuestion): string[] {
  return question.choices.filter((c) => c.correct).map((c) => c.id);
}

/** 1 when the response is exactly the set of correct choices, else 0. */
export function exactChoices(question: RuntimeQuestion, response: readonly string[]): number {
  return sameIds(correctIds(question), response) ? 1 : 0;
}
