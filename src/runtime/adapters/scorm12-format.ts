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
}

/**
 * Maps a neutral interaction to the SCORM 1.2 formats (RTE §3.4.2.7), comma-separated and cut
 * to 255 characters (CMIString255). An option (a choice, an ordered item, a scale point, a
 * matching source or target) is written as the single character of its position, 0–9 then a–z:
 * `choice` `0,2`, `sequencing` in the learner's order `2,0,1`, `likert` `3`, `matching`
 * `<source>.<target>` pairs `0.1,1.0`. `true-false` is `t` or `f`. Values without options are
 * written as they are: `fill-in` the blanks' texts, `numeric` one number (its pattern: the
 * middle of the right range, itself right). When a format cannot hold the values (more than 36
 * options, an unknown id), the interaction is written as `performance` with the ids as text, so
 * the answer is still recorded and no LMS rejects it.
 */
export function toScorm12Responses(interaction: InteractionRecord): Scorm12Responses {
  const { interactionType, response, correct } = interaction;
  const type: Scorm12InteractionType = interactionType === 'other' ? 'performance' : interactionType;
  // The option lists a value's `.`-separated parts are positions in: sources then targets for matching.
  const lists = [interaction.choices, interaction.targets].filter((list) => list?.length);
  const item = (value: string): string | null => {
    if (type === 'true-false') return value === 'true' ? 't' : value === 'false' ? 'f' : null;
    if (!lists.length) return value;
    const parts = value.split('.').map((id, k) => position(lists[k], id));
    return parts.includes(null) ? null : parts.join('.');
  };
  const format = (values: string[]): string | null => {
    const items = values.map(item);
    return items.includes(null) ? null : cut(items.join(','));
  };
  const pattern = correct.length ? format(type === 'numeric' ? [String((+correct[0]! + +correct[1]!) / 2)] : correct) : null;
  const written = format(response);
  return written === null || (correct.length && pattern === null)
    ? { type: 'performance', response: cut(response.join(',')), pattern: correct.length ? cut(correct.join(',')) : null }
    : { type, response: written, pattern };
}

const cut = (text: string): string => text.slice(0, MAX_STRING255);

/** Position of an option as its single character (0–9 then a–z); null past the 36th, or when unknown. */
function position(options: { id: string }[] | undefined, id: string): string | null {
  const i = (options ?? []).findIndex((o) => o.id === id);
  return i < 0 || i > 35 ? null : i.toString(36);
}
