/**
 * Values written to a SCORM 1.2 LMS, shaped to pass the strictest checks we know
 * (Moodle's `mod/scorm/datamodels/scorm_12.js`, scorm-again). Pure functions.
 */
import type { InteractionRecord } from './lms-adapter.js';

/** SCORM 1.2 `cmi.interactions.n.type` vocabulary. */
export type Scorm12InteractionType =
  | 'true-false'
  | 'choice'
  | 'fill-in'
  | 'matching'
  | 'performance'
  | 'sequencing'
  | 'likert'
  | 'numeric';

/** CMIString255 values (lesson_location, student_response, patterns). */
export const MAX_STRING255 = 255;

/**
 * CMIDecimal clamped to [min, max] with at most two decimals, so it passes Moodle's
 * `^-?([0-9]{0,3})(\.[0-9]*)?$` and its range checks (scores 0–100, weighting −100–100).
 */
export function toCmiDecimal(value: number, min: number, max: number): string {
  const clamped = Math.min(max, Math.max(min, Number.isFinite(value) ? value : 0));
  const rounded = Math.round(clamped * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/**
 * CMIIdentifier as Moodle checks it: printable ASCII, no spaces, at most 255 characters.
 * Course ids already follow stricter rules; this guards against anything else.
 */
export function toCmiIdentifier(id: string): string {
  const safe = id.replace(/[^\u0021-\u007e]/g, '_').slice(0, MAX_STRING255);
  return safe === '' ? '_' : safe;
}

export interface Scorm12Responses {
  type: Scorm12InteractionType;
  /** `cmi.interactions.n.student_response`. */
  response: string;
  /** `cmi.interactions.n.correct_responses.0.pattern`, or null when there is none. */
  pattern: string | null;
  /** `cmi.interactions.n.result`: `correct`, `wrong`, `neutral`, or the points of a partly right answer. */
  result: string;
}

/**
 * Maps a neutral interaction to the SCORM 1.2 formats (RTE §3.4.2.7), comma-separated.
 *
 * - Strict (the default): an option (a choice, an ordered item, a scale point, a matching
 *   source or target) is one character 0–9 or a–z: its id when every id of its list is one such
 *   character (the default choice ids a, b, c…), else its position (0–9 then a–z): `choice`
 *   `a,c`, `sequencing` in the learner's order `2,0,1`, `likert` `3`, `matching`
 *   `<source>.<target>` pairs `0.b,1.a`. `true-false` is `t` or `f`.
 * - Readable: options are their ids (`quiz,fiche`, `mairie.financeur`) and true-false
 *   `true`/`false`, for LMSs that keep any CMIString255 there (Moodle, scorm-again) and show it
 *   as sent in their reports; a value longer than 255 characters falls back to strict.
 *
 * Values without options are written as they are: `fill-in` the blanks' texts (cut to 255
 * characters), `numeric` one number (its pattern: the middle of the right range, itself right).
 * When a format cannot hold the values (more than 36 options, an unknown id), the interaction is
 * written as `performance` with the ids as text, so the answer is still recorded and no LMS
 * rejects it. A partly right answer (0 < share < 1 of a weighted question) has a numeric result:
 * the points it earned out of its `weighting`, as SCORM 1.2 allows and Moodle's CMIResult accepts.
 */
export function toScorm12Responses(interaction: InteractionRecord, readable = false): Scorm12Responses {
  const { interactionType, response, correct } = interaction;
  const type: Scorm12InteractionType = interactionType === 'other' ? 'performance' : interactionType;
  const points = toCmiDecimal(interaction.scoreShare * +toCmiDecimal(interaction.weight, 0, 100), 0, 100);
  const partly = interaction.result === 'wrong' && interaction.scoreShare < 1 && points !== '0';
  const result = partly ? points : interaction.result;
  // The option lists a value's `.`-separated parts are options of: sources then targets for matching.
  const lists = [interaction.choices, interaction.targets].filter((list) => list?.length) as { id: string }[][];
  const write = (asIds: boolean): Omit<Scorm12Responses, 'result'> | null => {
    const item = (value: string): string | null => {
      if (type === 'true-false') return value === 'true' || value === 'false' ? (asIds ? value : value[0]!) : null;
      if (!lists.length) return value;
      const parts = value.split('.').map((id, k) => option(lists[k], id, asIds));
      return parts.includes(null) ? null : parts.join('.');
    };
    const format = (values: string[]): string | null => {
      const items = values.map(item);
      const text = items.join(',');
      return items.includes(null) || (asIds && text.length > MAX_STRING255) ? null : cut(text);
    };
    const pattern = correct.length ? format(type === 'numeric' ? [String((+correct[0]! + +correct[1]!) / 2)] : correct) : null;
    const written = format(response);
    return written === null || (correct.length && pattern === null) ? null : { type, response: written, pattern };
  };
  return {
    ...((readable && write(true)) ||
      write(false) || { type: 'performance', response: cut(response.join(',')), pattern: correct.length ? cut(correct.join(',')) : null }),
    result,
  };
}

const cut = (text: string): string => text.slice(0, MAX_STRING255);

/**
 * An option as written: its id when `asId`; else one character 0–9 or a–z, the id itself when
 * every id of the list is one such character, or the position (null past the 36th). Null when unknown.
 */
function option(options: { id: string }[] | undefined, id: string, asId: boolean): string | null {
  const list = options ?? [];
  const i = list.findIndex((o) => o.id === id);
  if (i < 0) return null;
  if (asId || list.every((o) => /^[0-9a-z]$/.test(o.id))) return id;
  return i > 35 ? null : i.toString(36);
}
