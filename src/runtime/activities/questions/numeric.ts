import { one } from '../../core/dom.js';
import { lockControls, markPart, part, resetParts } from './parts.js';
import type { QuestionType } from './question-type.js';

/**
 * The number typed, written plainly (`-1500.5`), or null when it is not one. Accepts a comma or
 * a point for decimals, spaces between digits ("1 500,5"), a leading + or −.
 */
export function parseNumber(text: string): string | null {
  const plain = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.').replace(/^\u2212/, '-').replace(/^\+/, '');
  // `3.` → `3`, `-.5` → `-0.5`: what the LMS formats take.
  return /^-?(\d+\.?\d*|\.\d+)$/.test(plain) ? plain.replace(/\.$/, '').replace(/^(-?)\./, '$10.') : null;
}

/** A number written without exponent (the LMS formats take decimals only). */
const plainNumber = (n: number): string => n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });

const input = (root: HTMLElement) => one<HTMLInputElement>('input', root)!;

/** One number, right within the question's range (bounds included). */
export const numeric: QuestionType = {
  type: 'numeric',
  interactionType: 'numeric',
  // Text that is no number counts as unanswered, and the field says so (aria-invalid and its message, templates/partials/question-numeric.hbs).
  read(root) {
    const field = input(root);
    const value = parseNumber(field.value);
    const note = one('[data-invalid]', root)!;
    const bad = value === null && !!field.value.trim();
    field.ariaInvalid = '' + bad;
    note.textContent = bad ? note.dataset.invalid! : '';
    return value === null ? [] : [value];
  },
  write(root, response) {
    input(root).value = response[0] ?? '';
  },
  score(question, response) {
    const [min = NaN, max = NaN] = question.range ?? [];
    const value = Number(parseNumber(response[0] ?? '') ?? NaN);
    // A little slack for binary fractions (0.1 + 0.2 is not 0.3).
    const slack = 1e-9 * Math.max(1, Math.abs(min), Math.abs(max));
    return value >= min - slack && value <= max + slack ? 1 : 0;
  },
  // The range `[min, max]`: xAPI writes `min[:]max`, SCORM 1.2 one number inside it.
  correct: (question) => (question.range ?? []).map(plainNumber),
  review(root, question, response, reveal) {
    markPart(part(root, 'value'), numeric.score(question, response) === 1, reveal);
    lockControls(root, true);
  },
  reset: (root) => resetParts(root),
};
