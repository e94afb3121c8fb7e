import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo
 * (case-insensitive; at most a third of the word's letters differ, and never more than 3).
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || word.length === 0) return undefined;
  const lower = word.toLowerCase();
  const best = closest(lower, candidates.map((c) => c.toLowerCase()));
  const index = candidates.findIndex((c) => c.toLowerCase() === best);
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  return index >= 0 && distance(lower, best) <= limit ? candidates[index] : undefined;
}

/** "; did you mean `x`?" when a candidate is close, else empty text: the tail of a message. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : `; did you mean \`${match}\`?`;
}

/** `a`, `b`, `c` as one line of text, for hints. */
export function codeList(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(', ');
}
