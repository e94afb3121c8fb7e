import { describe, expect, it } from 'vitest';
import { createSegmentTracker, mergeSegments, watchedShare, wholeSeconds } from '../../../src/runtime/core/segments.js';

describe('played segments', () => {
  it('merges overlapping and touching segments, sorted', () => {
    expect(mergeSegments([[10, 20], [0, 5], [5, 8], [15, 25], [30, 30]])).toEqual([[0, 8], [10, 25]]);
  });

  it('measures the share watched, counting overlaps once and nothing past the end', () => {
    expect(watchedShare([[0, 50], [25, 75]], 100)).toBe(0.75);
    expect(watchedShare([[90, 130]], 100)).toBe(0.1);
    expect(watchedShare([[0, 10]], 0)).toBe(0);
  });

  it('rounds to whole seconds outward for the saved state', () => {
    expect(wholeSeconds([[0.4, 9.2], [9.9, 12.01]])).toEqual([[0, 13]]);
  });

  it('counts continuous playing but not a seek forward', () => {
    const tracker = createSegmentTracker();
    for (let t = 0; t <= 10; t += 0.25) tracker.tick(t);
    tracker.cut(); // the player's `seeking`: the learner jumped ahead
    for (let t = 60; t <= 62; t += 0.25) tracker.tick(t);
    expect(tracker.segments()).toEqual([[0, 10], [60, 62]]);
    expect(watchedShare(tracker.segments(), 100)).toBeCloseTo(0.12);
  });

  /**
   * `timeupdate` as a busy device fires it while a 10-minute video plays to its end at `rate`:
   * every 250 ms of wall time, but now and then late by up to `stallSeconds` (a long task, a
   * background tab), so media time jumps by up to rate × stall between two samples.
   */
  function playThrough(rate: number, stallSeconds: number, seed: number): ReturnType<typeof createSegmentTracker> {
    const duration = 600;
    const tracker = createSegmentTracker();
    let random = seed;
    const next = () => ((random = (random * 16807) % 2147483647) / 2147483647);
    for (let t = 0; t < duration; ) {
      tracker.tick(t);
      const wall = next() < 0.2 ? 0.25 + next() * stallSeconds : 0.25 * (0.8 + next() * 0.4);
      t += wall * rate;
    }
    tracker.tick(duration); // `ended`
    tracker.cut();
    return tracker;
  }

  it.each([8, 16])('credits a video played to its end at %d× on a busy device, samples seconds apart', (rate) => {
    for (const seed of [1, 7, 42, 1234]) {
      const tracker = playThrough(rate, 2, seed);
      expect(tracker.segments()).toEqual([[0, 600]]);
      expect(watchedShare(tracker.segments(), 600)).toBe(1);
    }
  });

  it.each([8, 16])('at %d× still leaves out what a seek skipped', (rate) => {
    const tracker = createSegmentTracker();
    for (let t = 0; t <= 100; t += rate * 1.5) tracker.tick(t);
    tracker.cut(); // seeking
    for (let t = 400; t <= 600; t += rate * 1.5) tracker.tick(t);
    tracker.tick(600);
    tracker.cut();
    expect(watchedShare(tracker.segments(), 600)).toBeCloseTo((96 + 200) / 600, 2);
  });

  it('does not count a part watched twice twice', () => {
    const tracker = createSegmentTracker([[0, 30]]);
    for (let t = 10; t <= 40; t += 0.5) tracker.tick(t);
    tracker.cut();
    expect(tracker.segments()).toEqual([[0, 40]]);
  });

  it('starts a new segment after a pause, resuming from the saved segments', () => {
    const tracker = createSegmentTracker([[0, 5]]);
    tracker.tick(20);
    tracker.tick(21);
    tracker.cut();
    tracker.tick(21.5);
    tracker.tick(23);
    expect(tracker.segments()).toEqual([[0, 5], [20, 21], [21.5, 23]]);
  });
});
