/**
 * Time formats the LMS standards ask for. Pure functions, shared by the runtime adapters
 * (browser) and tests. Everything is rounded to hundredths of a second first, so a value
 * never shows `60` seconds and formats stay monotonic.
 */

/** SCORM 1.2 CMITimespan allows at most 4 hour digits: 9999:59:59.99. */
const MAX_TIMESPAN_CENTISECONDS = ((9999 * 60 + 59) * 60 + 59) * 100 + 99;

/** Whole hundredths of a second; 0 for negative or invalid durations. */
function toCentiseconds(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 10) : 0;
}

/** [hours, minutes, seconds, centiseconds]. */
function splitCentiseconds(total: number): [number, number, number, number] {
  const seconds = Math.floor(total / 100);
  return [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60, total % 100];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` (hours 2–4 digits, always two decimals), for
 * `cmi.core.session_time` and `cmi.interactions.n.latency`. Negative or invalid durations
 * give zero; durations past 9999 hours are clamped (the format has no room for more).
 */
export function toCmiTimespan(ms: number): string {
  const [hours, minutes, seconds, centiseconds] = splitCentiseconds(Math.min(toCentiseconds(ms), MAX_TIMESPAN_CENTISECONDS)).map(pad2);
  return `${hours}:${minutes}:${seconds}.${centiseconds}`;
}

/**
 * SCORM 1.2 CMITime `HH:MM:SS`: the time of day in the learner's local time zone
 * (the standard names no zone; the learner reads it as wall-clock time), for
 * `cmi.interactions.n.time`.
 */
export function toCmiTime(date: Date): string {
  const valid = Number.isFinite(date.getTime()) ? date : new Date(0);
  return [valid.getHours(), valid.getMinutes(), valid.getSeconds()].map(pad2).join(':');
}

/**
 * ISO 8601 duration as xAPI and cmi5 (and SCORM 2004) expect: `PT1H2M3.4S`, seconds to
 * hundredths, zero parts left out, `PT0S` for nothing. Hours are not folded into days,
 * since a day is not always 24 hours in ISO 8601 and LRSs accept large hour counts.
 */
export function toIsoDuration(ms: number): string {
  const [hours, minutes, seconds, centiseconds] = splitCentiseconds(toCentiseconds(ms));
  let text = 'PT';
  if (hours > 0) text += `${hours}H`;
  if (minutes > 0) text += `${minutes}M`;
  if (seconds > 0 || centiseconds > 0) {
    const fraction = centiseconds > 0 ? `.${pad2(centiseconds).replace(/0$/, '')}` : '';
    text += `${seconds}${fraction}S`;
  }
  return text === 'PT' ? 'PT0S' : text;
}
