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

/** The 36 single characters a 1.2 `choice` response may use, in order. */
const CHOICE_CHARACTERS = '0123456789abcdefghijklmnopqrstuvwxyz';

export interface Scorm12Responses {
  type: Scorm12InteractionType;
  /** `cmi.interactions.n.student_response`. */
  response: string;
  /** `cmi.interactions.n.correct_responses.0.pattern`, or null when there is none. */
  pattern: string | null;
}

/**
 * Maps a neutral interaction to SCORM 1.2 formats. `choice`: each chosen choice becomes the
 * single character of its position in authored order (0–9 then a–z), comma-separated.
 * `true-false`: `t` or `f`. When that is impossible (more than 36 choices, an id not among
 * the choices), the interaction is written as `performance` with the ids as text, so the
 * answer is still recorded and no LMS rejects the format.
 */
export function toScorm12Responses(interaction: InteractionRecord): Scorm12Responses {
  const hasPattern = interaction.correct.length > 0;
  const mapped = mapByType(interaction);
  if (mapped) {
    const response = mapped(interaction.response);
    const pattern = hasPattern ? mapped(interaction.correct) : '';
    if (response !== null && pattern !== null) {
      return { type: scorm12TypeOf(interaction), response, pattern: hasPattern ? pattern : null };
    }
  }
  const asText = (values: string[]): string => values.join(',').slice(0, MAX_STRING255);
  const type = mapped ? 'performance' : scorm12TypeOf(interaction);
  return { type, response: asText(interaction.response), pattern: hasPattern ? asText(interaction.correct) : null };
}

function scorm12TypeOf(interaction: InteractionRecord): Scorm12InteractionType {
  return interaction.interactionType === 'other' ? 'performance' : interaction.interactionType;
}

/** A mapper from values to the type's format, or undefined when values are written as text. */
function mapByType(interaction: InteractionRecord): ((values: string[]) => string | null) | undefined {
  if (interaction.interactionType === 'choice') {
    const ids = (interaction.choices ?? []).map((c) => c.id);
    if (ids.length === 0 || ids.length > CHOICE_CHARACTERS.length) return () => null;
    return (values) => {
      const characters = values.map((v) => CHOICE_CHARACTERS.charAt(ids.indexOf(v)));
      return values.every((v) => ids.includes(v)) ? characters.join(',') : null;
    };
  }
  if (interaction.interactionType === 'true-false') {
    return (values) => {
      if (values.length !== 1) return null;
      return values[0] === 'true' ? 't' : values[0] === 'false' ? 'f' : null;
    };
  }
  return undefined;
}
