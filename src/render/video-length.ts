/**
 * How long the course's MP4 videos last, read from their movie header (`mvhd`), so a step whose
 * author gave no `duration` can show the length of its videos. Only box headers are read (a few
 * reads per file, wherever the `moov` box lies); a file that is not such an MP4 has no length.
 */
import type { Course } from '../model/course.js';
import { openPackageFile } from '../load/file-checks.js';

/** At most this many boxes are looked at per level: an MP4 has a handful. */
const MAX_BOXES = 64;

/** Seconds each video file of the course lasts, by activity id; absent when unknown (WebM, URL, unreadable). */
export async function videoLengths(course: Course): Promise<Map<string, number>> {
  const lengths = new Map<string, number>();
  for (const step of course.steps) {
    if (step.duration !== undefined) continue; // the author's words are shown instead
    for (const activity of step.activities) {
      if (activity.kind !== 'video' || activity.source.type !== 'file' || activity.source.file.mediaType !== 'video/mp4') continue;
      const seconds = await mp4Seconds(activity.source.file.absPath, course.rootDir).catch(() => undefined);
      if (seconds !== undefined) lengths.set(activity.id, seconds);
    }
  }
  return lengths;
}

/** The duration in the `mvhd` box of an MP4 file, in seconds; undefined when there is none. */
export async function mp4Seconds(absPath: string, courseRoot: string): Promise<number | undefined> {
  const { handle, size } = await openPackageFile({ absPath, courseRoot });
  try {
    const read = async (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    /** The box of `type` among those from `start` to `end`: where its content starts, and its header. */
    const find = async (type: string, start: number, end: number) => {
      for (let i = 0, at = start; i < MAX_BOXES && at + 8 <= end; i++) {
        const head = await read(at, 48);
        if (head.length < 8) return undefined;
        let boxSize = head.readUInt32BE(0);
        let headerSize = 8;
        if (boxSize === 1 && head.length >= 16) [boxSize, headerSize] = [Number(head.readBigUInt64BE(8)), 16];
        else if (boxSize === 0) boxSize = end - at;
        if (boxSize < headerSize) return undefined;
        if (head.toString('latin1', 4, 8) === type) return { start: at + headerSize, end: Math.min(at + boxSize, end), head: head.subarray(headerSize) };
        at += boxSize;
      }
      return undefined;
    };
    const moov = await find('moov', 0, size);
    const mvhd = moov && (await find('mvhd', moov.start, moov.end));
    if (!mvhd || mvhd.head.length < 32) return undefined;
    // After the header: version, flags, two dates (4 bytes each in version 0, 8 in version 1), timescale, duration.
    const h = mvhd.head;
    const v1 = h[0] === 1;
    const timescale = h.readUInt32BE(v1 ? 20 : 12);
    const duration = v1 ? Number(h.readBigUInt64BE(24)) : h.readUInt32BE(16);
    return timescale > 0 && duration > 0 && duration < 0xffffffff ? duration / timescale : undefined;
  } finally {
    await handle.close();
  }
}
