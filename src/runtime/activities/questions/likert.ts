import { all } from '../../core/dom.js';
import { lockControls } from './parts.js';
import type { QuestionType } from './question-type.js';

const radios = (root: HTMLElement) => all<HTMLInputElement>('input', root);

/** A point on a scale: never scored, reported with result `neutral`; the scale keeps its order. */
export const likert: QuestionType = {
  type: 'likert',
  interactionType: 'likert',
  graded: false,
  read: (root) => radios(root).flatMap((r) => (r.checked ? [r.value] : [])),
  write(root, response) {
    for (const radio of radios(root)) radio.checked = response.includes(radio.value);
  },
  score: () => 0,
  correct: () => [],
  review: (root) => lockControls(root, true),
  reset: (root) => lockControls(root, false),
};
