import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toCmiTime, toCmiTimespan, toIsoDuration } from '../../src/shared/time.js';

// Moodle's validators (mod/scorm/datamodels/scorm_12.js), as listed in STANDARDS.md §2 and §6.
const MOODLE_CMI_TIMESPAN = /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/;
const MOODLE_CMI_TIME = /^([0-2]{1}[0-9]{1}):([0-5]{1}[0-9]{1}):([0-5]{1}[0-9]{1})(\.[0-9]{1,2})?$/;
const ISO_DURATION = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?$/;

const HOUR = 3_600_000;

function timespanToMs(text: string): number {
  const m = MOODLE_CMI_TIMESPAN.exec(text);
  if (!m) throw new Error(`not a timespan: ${text}`);
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3]) + Number(m[4] ?? 0)) * 1000;
}

function isoToMs(text: string): number {
  const m = ISO_DURATION.exec(text);
  if (!m || text === 'PT') throw new Error(`not a duration: ${text}`);
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}

const durations = fc.oneof(
  fc.integer({ min: 0, max: 10 * HOUR }),
  fc.double({ min: 0, max: 12_000 * HOUR, noNaN: true }),
);

describe('toCmiTimespan', () => {
  it('writes SCORM 1.2 CMITimespan with two decimals', () => {
    expect(toCmiTimespan(0)).toBe('00:00:00.00');
    expect(toCmiTimespan(1500)).toBe('00:00:01.50');
    expect(toCmiTimespan(HOUR + 2 * 60_000 + 3_456)).toBe('01:02:03.46');
    expect(toCmiTimespan(123 * HOUR)).toBe('123:00:00.00');
  });

  it('carries rounding into the next unit instead of writing 60 seconds', () => {
    expect(toCmiTimespan(59_999)).toBe('00:01:00.00');
    expect(toCmiTimespan(HOUR - 1)).toBe('01:00:00.00');
  });

  it('clamps at 9999:59:59.99 and treats invalid durations as zero', () => {
    expect(toCmiTimespan(20_000 * HOUR)).toBe('9999:59:59.99');
    expect(toCmiTimespan(-5)).toBe('00:00:00.00');
    expect(toCmiTimespan(Number.NaN)).toBe('00:00:00.00');
    expect(toCmiTimespan(Number.POSITIVE_INFINITY)).toBe('00:00:00.00');
  });

  it('always matches Moodle’s CMITimespan check and stays monotonic', () => {
    fc.assert(
      fc.property(durations, durations, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const tLo = toCmiTimespan(lo);
        const tHi = toCmiTimespan(hi);
        expect(tLo).toMatch(MOODLE_CMI_TIMESPAN);
        expect(tHi).toMatch(MOODLE_CMI_TIMESPAN);
        expect(timespanToMs(tLo)).toBeLessThanOrEqual(timespanToMs(tHi));
        if (hi < 9999 * HOUR) expect(Math.abs(timespanToMs(tHi) - hi)).toBeLessThanOrEqual(5.0001);
      }),
    );
  });
});

describe('toCmiTime', () => {
  it('writes the local time of day as HH:MM:SS', () => {
    expect(toCmiTime(new Date(2024, 0, 2, 9, 5, 7, 900))).toBe('09:05:07');
    expect(toCmiTime(new Date(2024, 0, 2, 23, 59, 59))).toBe('23:59:59');
  });

  it('always matches Moodle’s CMITime check with hours below 24', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (date) => {
        const text = toCmiTime(date);
        expect(text).toMatch(MOODLE_CMI_TIME);
        expect(Number(text.slice(0, 2))).toBeLessThan(24);
      }),
    );
  });
});

describe('toIsoDuration', () => {
  it('writes ISO 8601 durations with zero parts left out', () => {
    expect(toIsoDuration(0)).toBe('PT0S');
    expect(toIsoDuration(HOUR + 2 * 60_000 + 3_400)).toBe('PT1H2M3.4S');
    expect(toIsoDuration(HOUR)).toBe('PT1H');
    expect(toIsoDuration(90_000)).toBe('PT1M30S');
    expect(toIsoDuration(50)).toBe('PT0.05S');
    expect(toIsoDuration(30 * HOUR)).toBe('PT30H');
    expect(toIsoDuration(-1)).toBe('PT0S');
  });

  it('is well formed, close to the input and monotonic', () => {
    fc.assert(
      fc.property(durations, durations, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(toIsoDuration(lo)).toMatch(ISO_DURATION);
        expect(isoToMs(toIsoDuration(lo))).toBeLessThanOrEqual(isoToMs(toIsoDuration(hi)));
        expect(Math.abs(isoToMs(toIsoDuration(hi)) - hi)).toBeLessThanOrEqual(5.0001 + hi * 1e-12);
      }),
    );
  });
});
