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

/**
 * Largest step between two `timeupdate` events still counted as continuous playing
 * (browsers fire every 250 ms or so; fast playback and a busy device stretch that a lot).
 * Anything larger is a jump, and the skipped part is not counted. Seeks are also cut
 * explicitly by the player's `seeking` event, so this bound is only a safety net.
 */
const MAX_PLAY_STEP = 10;

/** Turns the stream of playback times into played segments, ignoring seeks. */
export class SegmentTracker {
  private closed: Segment[];
  private from: number | null = null;
  private last = 0;

  constructor(saved: readonly Segment[] = []) {
    this.closed = mergeSegments(saved);
  }

  /** The playback position while playing. */
  tick(time: number): void {
    if (this.from !== null && time >= this.last && time - this.last <= MAX_PLAY_STEP) {
      this.last = time;
      return;
    }
    this.cut();
    this.from = time;
    this.last = time;
  }

  /** Playback stopped or jumped: close the open segment. */
  cut(): void {
    if (this.from !== null && this.last > this.from) this.closed = mergeSegments([...this.closed, [this.from, this.last]]);
    this.from = null;
  }

  segments(): Segment[] {
    return this.from !== null && this.last > this.from ? mergeSegments([...this.closed, [this.from, this.last]]) : this.closed;
  }
}
