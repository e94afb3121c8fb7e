/** Quiz and course scores. Pure code, tested without a DOM. */

export interface WeightedShare {
  /** 0–1 share of the item's points obtained. */
  share: number;
  weight: number;
}

/**
 * Weighted percent 0–100, rounded to a whole number so that what is shown, stored and compared
 * agree. Nothing weighing anything (a survey of ungraded questions) scores 100: answering is passing.
 */
export function weightedPercent(items: readonly WeightedShare[]): number {
  const total = items.reduce((sum, i) => sum + i.weight, 0);
  if (!(total > 0)) return 100;
  const got = items.reduce((sum, i) => sum + i.weight * Math.max(0, Math.min(1, i.share)), 0);
  return Math.round((got / total) * 100);
}

/** True when the two id lists hold the same ids, in any order. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
}
