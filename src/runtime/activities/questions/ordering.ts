import type { RuntimeQuestion } from '../../../shared/course-data.js';
import { all, one } from '../../core/dom.js';
import { seededShuffle } from '../../core/shuffle.js';
import { lockControls, markPart, orderParts, part, resetParts } from './parts.js';
import type { QuestionType } from './question-type.js';

const ids = (question: RuntimeQuestion) => question.choices.map((c) => c.id);
const list = (root: HTMLElement) => one('[data-order]', root)!;
const items = (root: HTMLElement) => all('[data-part]', list(root));

/**
 * Partial credit: (k − 1) / (n − 1), k being the longest run of items already in the right
 * relative order (not necessarily side by side). All in order earns 1, the reverse order 0,
 * one item out of place (n − 2) / (n − 1): fairer than counting items at their exact place,
 * where one item moved from first to last would earn 0.
 */
export function orderingShare(question: RuntimeQuestion, response: readonly string[]): number {
  const right = ids(question);
  const positions = response.map((id) => right.indexOf(id)).filter((p) => p >= 0);
  // Longest increasing subsequence, O(n²): at most 36 items.
  const run: number[] = [];
  positions.forEach((p, i) => {
    run[i] = 1 + Math.max(0, ...positions.slice(0, i).map((q, j) => (q < p ? run[j]! : 0)));
  });
  const longest = Math.max(0, ...run);
  return right.length < 2 ? (longest ? 1 : 0) : Math.max(0, (longest - 1) / (right.length - 1));
}

/** Enables every move but the first item's up and the last item's down. */
function updateMoves(root: HTMLElement): void {
  const rows = items(root);
  rows.forEach((row, k) => {
    for (const button of all<HTMLButtonElement>('[data-move]', row)) {
      button.disabled = button.dataset.move === '-1' ? k === 0 : k === rows.length - 1;
    }
  });
}

const wired = new WeakSet<HTMLElement>();

/** Moves an item on its up / down button; keeps the focus on the item and says its new place. */
function wire(root: HTMLElement): void {
  if (wired.has(root)) return;
  wired.add(root);
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-move]');
    const row = button?.closest<HTMLElement>('[data-part]');
    if (!button || !row) return;
    const up = button.dataset.move === '-1';
    const other = up ? row.previousElementSibling : row.nextElementSibling;
    if (!other) return;
    list(root).insertBefore(row, up ? other : other.nextElementSibling);
    updateMoves(root);
    // Moving the row blurred the button; when it is now disabled (row first or last), the other one takes the focus.
    (button.disabled ? one<HTMLButtonElement>('[data-move]:not(:disabled)', row) : button)?.focus();
    const status = one('[data-order-status]', root);
    if (status) {
      // Functions, not strings, as replacements: an item's text may hold `$&`.
      status.textContent = (status.dataset.format ?? '')
        .replace('{n}', () => String(items(root).indexOf(row) + 1))
        .replace('{item}', () => one('.ordering-text', row)?.textContent ?? '');
    }
    // The quiz saves answers on `change`.
    root.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Items to put in order with move up / move down buttons; always shown shuffled. */
export const ordering: QuestionType = {
  type: 'ordering',
  interactionType: 'sequencing',
  read: (root) => items(root).map((row) => row.dataset.part!),
  write(root, response) {
    orderParts(list(root), response);
    updateMoves(root);
  },
  score: orderingShare,
  correct: ids,
  review(root, question, response, reveal) {
    const right = ids(question);
    for (const id of right) markPart(part(root, id), response.indexOf(id) === right.indexOf(id), reveal);
    lockControls(root, true);
  },
  reset(root, question, seed) {
    wire(root);
    resetParts(root);
    const right = ids(question);
    // Shuffled even when the quiz does not shuffle, and never shown already in order.
    let order = seededShuffle(right, seed ?? question.id);
    if (order.every((id, k) => id === right[k])) order = [...order.slice(1), order[0]!];
    orderParts(list(root), order);
    updateMoves(root);
  },
};
