import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo
 * (case-insensitive; 1 edit for words of up to 3 letters, 2 up to 5, 3 beyond; a swap is 2),
 * or the only candidate that `word` begins.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || word.length === 0) return undefined;
  const lower = word.toLowerCase();
  // A shortened name (`single` for `single-choice`) is too far for edit distance but clear.
  const extended = candidates.filter((c) => lower.length >= 3 && c.toLowerCase().startsWith(lower));
  if (extended.length === 1) return extended[0];
  const best = closest(lower, candidates.map((c) => c.toLowerCase()));
  const index = candidates.findIndex((c) => c.toLowerCase() === best);
  const limit = word.length <= 3 ? 1 : word.length <= 5 ? 2 : 3;
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
