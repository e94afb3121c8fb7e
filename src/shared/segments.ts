/** Played parts of a video, in seconds: [start, end] pairs. Pure code, shared by the runtime and the state codec. */
export type Segment = [number, number];

/** Sorted copies, with empty segments dropped and overlapping or touching ones merged. */
export function mergeSegments(segments: readonly (readonly [number, number])[]): Segment[] {
  const merged: Segment[] = [];
  for (const [start, end] of segments.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
