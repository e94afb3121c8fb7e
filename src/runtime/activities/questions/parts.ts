/**
 * Helpers of the question types whose response has parts (matching pairs, blanks, ordered
 * items, a number): each part carries `data-part` and the marks of templates/item-marks.hbs.
 */
import { all, one } from '../../core/dom.js';
import { seededShuffle } from '../../core/shuffle.js';

/** Shows a part right or wrong (null: clears); a wrong part also shows its expected answer when `reveal`. */
export function markPart(part: HTMLElement | null, right: boolean | null, reveal: boolean): void {
  if (!part) return;
  for (const mark of all('[data-mark]', part)) mark.hidden = right === null || mark.dataset.mark !== (right ? 'right' : 'wrong');
  const expected = one('[data-expected]', part);
  if (expected) expected.hidden = right !== false || !reveal;
  part.dataset.result = right === null ? '' : right ? 'right' : 'wrong';
}

/** The part of `root` for a source, item or blank id. */
export function part(root: HTMLElement, id: string | number): HTMLElement | null {
  return one(`[data-part="${id}"]`, root);
}

/** Clears every part's marks and unlocks (or locks) the controls. */
export function resetParts(root: HTMLElement, locked = false): void {
  for (const p of all('[data-part]', root)) markPart(p, null, false);
  lockControls(root, locked);
}

export function lockControls(root: HTMLElement, locked: boolean): void {
  for (const control of all<HTMLInputElement>('input,select,button', root)) control.disabled = locked;
}

/** Puts the children of `list` carrying `data-part` in the order of `ids` (unknown ids skipped, missing parts left after). */
export function orderParts(list: HTMLElement | null, ids: readonly string[]): void {
  if (!list) return;
  for (const id of ids) {
    const p = part(list, id);
    if (p) list.appendChild(p);
  }
}

/** Shuffles the parts of `list` with `seed` (null: authored order). */
export function shuffleParts(list: HTMLElement | null, ids: readonly string[], seed: string | null): void {
  orderParts(list, seed === null ? ids : seededShuffle(ids, seed));
}
