/**
 * How the state codec (format p2) names things by id in a few characters, so that a course
 * of hundreds of questions fits SCORM 1.2's 4,096.
 *
 * - References: a visited activity, or a question of a quiz, is named by 2 or 3 base-36
 *   characters of a hash of its key (an activity's id; a question's id and the ids of its
 *   options), salted so that no two things of the set share one. The salt is saved as one
 *   base-36 character before the set: 0–h mean references of 2 characters, i–z of 3. A
 *   republished course finds each thing by its reference again; one removed, renamed, or (a
 *   question) whose options changed no longer matches and is dropped, as p1's ids were.
 * - Answers: when every value is an option of the question (choices, ordering items, scale
 *   points; matching: a source then a target) they are written as positions, one base-36
 *   character each (an LMS records 36 options at most: TOO_MANY_OPTIONS); other values
 *   (fill-in texts, numbers) are typed text: each is written `#<length>` and stored raw in
 *   the X section, one character per typed character (state-escape.ts).
 */
import type { RuntimeQuestion } from './course-data.js';
import { hashText } from './hash.js';
import { toStoredText } from './state-escape.js';

const SALTS = 36;
/** Salts below this one give 2-character references. */
const LONG_REFS = 18;

export const refLength = (salt: number): number => (salt < LONG_REFS ? 2 : 3);

export function refOf(key: string, salt: number): string {
  const length = refLength(salt);
  return (hashText(salt + '|' + key) % 36 ** length).toString(36).padStart(length, '0');
}

/** The first salt under which every key has its own reference (shortest references first). */
export function saltFor(keys: readonly string[]): number {
  for (let salt = 0; salt < SALTS; salt++) {
    if (new Set(keys.map((k) => refOf(k, salt))).size === keys.length) return salt;
  }
  return SALTS - 1;
}

/** Index of each key by its reference; -1 for a reference two keys share (it names neither). */
export function refIndex(keys: readonly string[], salt: number): Map<string, number> {
  const index = new Map<string, number>();
  keys.forEach((key, i) => {
    const ref = refOf(key, salt);
    index.set(ref, index.has(ref) ? -1 : i);
  });
  return index;
}

/** The lists an answer's values are positions in: [choices] or, for matching (`<source>.<target>`), [sources, targets]. */
function optionLists(q: RuntimeQuestion): string[][] {
  const ids = (items: { id: string }[] = []) => items.map((i) => i.id);
  return q.sources ? [ids(q.sources), ids(q.targets)] : [ids(q.choices)];
}

/** What names a question: its id and its options, so positions are only read against the same options. */
export function questionKey(q: RuntimeQuestion): string {
  return q.id + '|' + optionLists(q).join('|');
}

/**
 * A question with options: the positions of its values (a value that is no option is left
 * out). Without options: `#<length>` per value, the text pushed to `texts`. '' for no value.
 */
export function encodeAnswer(q: RuntimeQuestion, values: readonly string[], texts: string[] = []): string {
  const lists = optionLists(q);
  if (!lists[0]!.length) {
    return values
      .map((v) => {
        const stored = toStoredText(v);
        texts.push(stored);
        return '#' + stored.length.toString(36);
      })
      .join('');
  }
  return values
    .map((v) => {
      const positions = (q.sources ? v.split('.') : [v]).map((part, k) => lists[k]?.indexOf(part) ?? -1);
      return positions.length === lists.length && positions.every((i) => i >= 0 && i < 36) ? positions.map((i) => i.toString(36)).join('') : '';
    })
    .join('');
}

/**
 * Reads `encodeAnswer`'s payload back, taking texts by their lengths (for a question that is
 * gone too, so the next texts stay in place); positions beyond the options are dropped.
 */
export function decodeAnswer(q: RuntimeQuestion | undefined, payload: string, takeText: (length: string) => string | undefined): string[] {
  if (payload.startsWith('#')) return payload.slice(1).split('#').map((n) => takeText(n) ?? '');
  const lists = q ? optionLists(q) : [];
  const values: string[] = [];
  for (let i = 0; lists.length && i < payload.length; i += lists.length) {
    const parts = lists.map((list, k) => list[parseInt(payload.charAt(i + k), 36)]);
    if (!parts.includes(undefined)) values.push(parts.join('.'));
  }
  return [...new Set(values)];
}
