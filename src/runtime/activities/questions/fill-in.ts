import type { RuntimeQuestion } from '../../../shared/course-data.js';
import { all } from '../../core/dom.js';
import { lockControls, markPart, part, resetParts } from './parts.js';
import type { QuestionType } from './question-type.js';

const inputs = (root: HTMLElement) => all<HTMLInputElement>('input[data-blank]', root);

/**
 * Text as compared: spaces at both ends dropped and runs of spaces as one, typographic
 * apostrophes as `'`; lower case unless `caseSensitive`, accents dropped unless `accentSensitive`.
 */
export function normalizeAnswer(text: string, question: RuntimeQuestion): string {
  let out = text.trim().replace(/\s+/g, ' ').replace(/[’‘`´]/g, "'");
  if (!question.caseSensitive) out = out.toLowerCase();
  if (!question.accentSensitive) out = out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return out;
}

export function blankRight(question: RuntimeQuestion, index: number, text: string | undefined): boolean {
  const typed = normalizeAnswer(text ?? '', question);
  return typed !== '' && (question.blanks?.[index] ?? []).some((answer) => normalizeAnswer(answer, question) === typed);
}

/** Blanks typed into; partial credit: the share of blanks filled right. */
export const fillIn: QuestionType = {
  type: 'fill-in',
  interactionType: 'fill-in',
  // Every blank's text, in order, once any is filled: a blank left empty keeps its place.
  read(root) {
    const texts = inputs(root).map((i) => i.value.trim());
    return texts.some(Boolean) ? texts : [];
  },
  write(root, response) {
    inputs(root).forEach((input, k) => (input.value = response[k] ?? ''));
  },
  score(question, response) {
    const blanks = question.blanks ?? [];
    return blanks.length ? blanks.filter((_, k) => blankRight(question, k, response[k])).length / blanks.length : 0;
  },
  correct: (question) => (question.blanks ?? []).map((answers) => answers[0] ?? ''),
  review(root, question, response, reveal) {
    (question.blanks ?? []).forEach((_, k) => markPart(part(root, k), blankRight(question, k, response[k]), reveal));
    lockControls(root, true);
  },
  reset: (root) => resetParts(root),
};
