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

/** The lists an answer's values are positions in: [choices] or, for matching, [sources, targets]. */
function optionLists(q: RuntimeQuestion): string[][] {
  return q.sources ? [q.sources.map((s) => s.id), (q.targets ?? []).map((t) => t.id)] : [q.choices.map((c) => c.id)];
}

/** What names a question: its id and its options, so positions are only read against the same options. */
export function questionKey(q: RuntimeQuestion): string {
  return q.id + '|' + optionLists(q).join('|');
}

/** Positions when every value is an option, else `#<length>` per value with the text pushed to `texts`; '' for no value. */
export function encodeAnswer(q: RuntimeQuestion, values: readonly string[], texts: string[] = []): string {
  const [list = [], targets] = optionLists(q);
  const position = (id: string | undefined, ids: string[]) => {
    const i = id === undefined ? -1 : ids.indexOf(id);
    return i < 0 || i > 35 ? '' : i.toString(36);
  };
  const positions = values.map((v) => {
    if (!targets) return position(v, list);
    const [source, target, more] = v.split('.');
    const pair = position(source, list) + position(target, targets);
    return pair.length === 2 && more === undefined ? pair : '';
  });
  if (positions.every(Boolean)) return positions.join('');
  return values
    .map((v) => {
      const stored = toStoredText(v);
      texts.push(stored);
      return '#' + stored.length.toString(36);
    })
    .join('');
}

/**
 * Reads `encodeAnswer`'s payload back, taking texts by their lengths (for a question that is
 * gone too, so the next texts stay in place); positions beyond the options are dropped.
 */
export function decodeAnswer(q: RuntimeQuestion | undefined, payload: string, takeText: (length: string) => string | undefined): string[] {
  if (payload.startsWith('#')) return payload.slice(1).split('#').map((n) => takeText(n) ?? '');
  if (!q) return [];
  const [list = [], targets] = optionLists(q);
  const values: string[] = [];
  const width = targets ? 2 : 1;
  for (let i = 0; i + width <= payload.length; i += width) {
    const value = list[parseInt(payload.charAt(i), 36)];
    const target = targets?.[parseInt(payload.charAt(i + 1), 36)];
    if (value !== undefined && (!targets || target !== undefined)) values.push(targets ? `${value}.${target}` : value);
  }
  return values;
}

/**
 * Values the question can hold: options once each (for matching, pairs of a source and a
 * target); other types keep their values as typed (fill-in blanks may repeat or be empty).
 */
export function validValues(q: RuntimeQuestion, values: string[]): string[] {
  const [list = [], targets] = optionLists(q);
  if (!targets && list.length === 0) return values;
  const valid = (v: string) => {
    if (!targets) return list.includes(v);
    const [source = '', target = '', more] = v.split('.');
    return more === undefined && list.includes(source) && targets.includes(target);
  };
  return [...new Set(values)].filter(valid);
}
