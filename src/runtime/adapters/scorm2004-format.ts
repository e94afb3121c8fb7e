/**
 * Values written to a SCORM 2004 LMS (4th Edition RTE, chapter 4), shaped and checked against
 * the data model's types before they are set: scorm-again and ADL's test suite refuse any
 * other. Pure functions.
 */
import type { InteractionRecord } from './lms-adapter.js';
import { formatItems, isTrueFalse } from './response-format.js';

/** characterstring SPM of `cmi.location`. */
export const MAX_LOCATION = 1000;
/** characterstring SPM of `cmi.suspend_data` and `adl.data.n.store`. */
export const MAX_STATE = 64_000;

/** real(10,7): plain decimals. */
const DECIMAL = /^-?\d{1,10}(\.\d{1,7})?$/;
/** short_identifier_type (choices, matching sources and targets, ordered items, scale points). */
const SHORT_ID = /^(?=.*\w)[\w\-()+.:=@;$!*'%/#]{1,250}$/;
/** long_identifier_type: a URI-like string of at most 4,000 characters without spaces. */
const LONG_ID = /^\S{1,4000}$/;
/** timeinterval (second,10,2): ISO 8601 duration. */
const DURATION = /^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/;
/** time (second,10,0): `YYYY-MM-DDThh:mm:ss.ssZ`. */
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,2})?Z$/;
const max = (n: number) => (value: string) => value.length <= n;
const matches = (pattern: RegExp) => (value: string) => pattern.test(value);
const within = (low: number, high: number) => (value: string) => DECIMAL.test(value) && +value >= low && +value <= high;

/**
 * The data model's rule for each element the adapter writes a value it computes or takes from the
 * course into, by the element's last part(s). Vocabulary elements (statuses, exit, type, navigation
 * requests) are written from the adapter's own literals only.
 */
const RULES: [RegExp, (value: string) => boolean][] = [
  [/\.id$/, matches(LONG_ID)],
  [/score\.scaled$/, within(-1, 1)],
  [/progress_measure$/, within(0, 1)],
  [/score\.(raw|min|max)$|weighting$/, matches(DECIMAL)],
  [/session_time$|latency$/, matches(DURATION)],
  [/timestamp$/, matches(TIME)],
  [/location$/, max(MAX_LOCATION)],
  [/suspend_data$|store$/, max(MAX_STATE)],
  [/description$/, max(260)],
  [/result$/, matches(/^(correct|incorrect|unanticipated|neutral|-?\d{1,10}(\.\d{1,7})?)$/)],
  [/learner_response$|pattern$/, max(4000)],
];

/** Null when `value` suits `element` by the 2004 data model, else why not (for the log). */
export function scorm2004Problem(element: string, value: string): string | null {
  const rule = RULES.find(([pattern]) => pattern.test(element));
  return !rule || rule[1](value) ? null : 'invalid';
}

/** A number as real(10,7): finite, at most 7 decimals, no exponent. */
export function toReal(value: number, low = -1e9, high = 1e9): string {
  const clamped = Math.min(high, Math.max(low, Number.isFinite(value) ? value : 0));
  const rounded = Math.round(clamped * 1e7) / 1e7;
  return rounded === 0 ? '0' : rounded.toFixed(7).replace(/\.?0+$/, '');
}

/** `YYYY-MM-DDThh:mm:ss.ssZ` (UTC, hundredths: the data model keeps no more). */
export function toScorm2004Time(date: Date): string {
  const valid = Number.isFinite(date.getTime()) ? date : new Date(0);
  return valid.toISOString().slice(0, 22) + 'Z';
}

/**
 * A localized_string_type: `{lang=xx}` then the text, cut to `length` characters; a text
 * starting with `{` would read as a delimiter, and `[,]` as an item separator: both are softened.
 */
export function localized(language: string, text: string, length = 250): string {
  const safe = text.replace(/\[,\]/g, ',').replace(/^\{/, '(');
  return `{lang=${language}}${[...safe].slice(0, length).join('')}`;
}

export interface Scorm2004Interaction {
  type: string;
  learnerResponse: string;
  /** `correct_responses.0.pattern`, or null when there is none (ungraded questions). */
  pattern: string | null;
  result: string;
}

/**
 * Maps a neutral interaction to the SCORM 2004 formats (RTE 4.2.9): `choice` and `sequencing`
 * ids joined by `[,]` (at most 36), `matching` `source[.]target` pairs joined by `[,]`,
 * `true-false` `true`/`false`, `likert` one scale point, `fill-in` a localized string per blank
 * (at most 10, 250 characters each; the pattern says `{case_matters=…}`), `numeric` the number
 * given and the range `min[:]max`. Values a format cannot hold (an id with a space, more items
 * than it allows, a number that is no decimal) are written as `other`, the texts as they are,
 * so the answer is still recorded and no LMS refuses it. A partly right answer has a numeric
 * result: the points it earned of its weighting.
 */
export function toScorm2004Interaction(record: InteractionRecord, language: string): Scorm2004Interaction {
  const { response, correct } = record;
  const points = record.scoreShare * record.weight;
  const partly = record.result === 'wrong' && record.scoreShare > 0 && record.scoreShare < 1 && record.weight > 0;
  const result = partly ? toReal(points) : record.result === 'wrong' ? 'incorrect' : record.result;
  let type: string = record.interactionType;
  const ids = (values: string[], parts = 1) =>
    values.length <= 36 && values.every((v) => v.split('.').length === parts && v.split('.').every((id) => SHORT_ID.test(id)));
  const ok =
    type === 'true-false'
      ? isTrueFalse(record)
      : type === 'choice' || type === 'sequencing'
        ? ids(response) && ids(correct)
        : type === 'matching'
          ? ids(response, 2) && ids(correct, 2)
          : type === 'likert'
            ? response.length <= 1 && ids(response)
            : type === 'numeric'
              ? response.every((v) => DECIMAL.test(v)) && response.length <= 1 && correct.every((v) => DECIMAL.test(v))
              : type === 'fill-in'
                ? response.length <= 10 && correct.length <= 10
                : false;
  if (!ok) {
    const plain = (values: string[]) => [...values.join(', ')].slice(0, 4000).join('');
    return { type: 'other', learnerResponse: plain(response), pattern: correct.length ? plain(correct) : null, result };
  }
  if (type === 'fill-in') {
    const texts = (values: string[]) => values.map((v) => localized(language, v)).join('[,]');
    const caseMatters = `{case_matters=${record.caseSensitive === true}}`;
    return { type, learnerResponse: texts(response), pattern: correct.length ? caseMatters + texts(correct) : null, result };
  }
  return { type, learnerResponse: formatItems(record, response), pattern: correct.length ? formatItems(record, correct) : null, result };
}
