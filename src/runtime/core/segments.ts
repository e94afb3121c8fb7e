/** Played parts of a video, in seconds: [start, end] pairs. Pure code, tested without a DOM. */
import { mergeSegments, type Segment } from '../../shared/segments.js';

export { mergeSegments, type Segment };

/** Share (0–1) of a video of `duration` seconds that the segments cover. */
export function watchedShare(segments: readonly Segment[], duration: number): number {
  if (!(duration > 0)) return 0;
  const covered = mergeSegments(segments).reduce((sum, [a, b]) => sum + Math.min(b, duration) - Math.min(a, duration), 0);
  return Math.min(1, covered / duration);
}

/** Whole seconds for the saved state: start rounded down, end up, then merged. */
export function wholeSeconds(segments: readonly Segment[]): Segment[] {
  return mergeSegments(segments.map(([a, b]) => [Math.floor(a), Math.ceil(b)]));
}

export interface SegmentTracker {
  /** The playback position while playing, sampled at any interval. */
  tick(time: number): void;
  /** Playback stopped or jumped (pause, `seeking`, end): close the open segment. */
  cut(): void;
  /** Every played segment, the open one included. */
  segments(): Segment[];
}

/**
 * Turns the stream of playback times into played segments, ignoring seeks. Between two samples
 * of continuous playing, whatever the media time advanced was played: samples are sparse at
 * high playback rates and on a busy device (16× with a 1 s stall is 16 s of media), and every
 * jump is a seek, which the player signals (`seeking`, HTML's seek algorithm) and which must
 * `cut()` the segment. Only a step backwards without one starts a new segment.
 */
export function createSegmentTracker(saved: readonly Segment[] = []): SegmentTracker {
  let closed = mergeSegments(saved);
  /** Start of the segment being played; null when none is. */
  let from: number | null = null;
  let last = 0;
  const segments = () => (from !== null && last > from ? mergeSegments([...closed, [from, last]]) : closed);
  const cut = () => {
    closed = segments();
    from = null;
  };
  return {
    tick(time) {
      const playing = from !== null && time >= last;
      if (!playing) {
        cut();
        from = time;
      }
      last = time;
    },
    cut,
    segments,
  };
}
