/**
 * Streams a package's files into a zip, deterministically and atomically.
 *
 * - Deterministic: entries sorted by path, one fixed date and mode, no extra fields,
 *   so two builds of the same input are byte-identical (reproducible, cache-friendly).
 * - Atomic: the zip is written to `<zipPath>.<random>.tmp` beside it, then renamed; on any
 *   failure (or abort: Ctrl-C) the temp file is removed and nothing appears at `zipPath`.
 *   `writeZipTemp` stops before the rename, so that a build of several packages renames
 *   them all only once every one is written (src/build.ts).
 * - Streaming: files on disk are opened one at a time and streamed through in 1 MiB chunks
 *   (fewer, larger chunks through archiver's streams: less CPU per megabyte of video), read into
 *   a few buffers reused once written (./read-buffers.ts), so memory stays flat whatever the media
 *   size.
 * - Checked as read: a course file is checked again as it is opened (still inside the course,
 *   a regular file of a packaged type), and must still have the size it had when the course
 *   was loaded: one that grew, shrank or vanished since fails the package, naming the file.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipArchive } from 'archiver';
import type { PackageFile } from '../package/target.js';
import { isStored } from './compression.js';
import { openPackageFile } from '../load/file-checks.js';
import { CourseFileChangedError } from '../load/course-files.js';
import { ReadBuffers } from './read-buffers.js';
import { makeDirectory } from './make-directory.js';
import { withThousands } from '../shared/format-number.js';

/**
 * The date written on every entry. 1980-01-01 is the earliest a zip (DOS) date can hold;
 * any fixed value works, this one reads as "no real date" in `unzip -l`.
 */
export const ZIP_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
/** rw-r--r--: LMSs extract packages to serve them; nothing in a package is executable. */
export const ZIP_ENTRY_MODE = 0o644;
/** Deflate level for text entries. They are small, so the best ratio costs little time. */
const DEFLATE_LEVEL = 9;
/** Read size for files on disk: large enough that the per-chunk cost of the stream chain is small. */
const READ_CHUNK_BYTES = 1 << 20;
/**
 * Chunks of a zip's stored files read and not yet written, at most: one on its way to the disk,
 * one through archiver's streams, one being read, one to spare when the disk is slow.
 */
const READ_CHUNKS_IN_FLIGHT = 4;

export interface WrittenZip {
  bytes: number;
}

export interface WriteZipOptions {
  /** Aborting stops the write and removes the temp file (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** A complete zip under its temp name, waiting for `rename(tempPath, zipPath)`. */
export interface TempZip extends WrittenZip {
  tempPath: string;
}

export async function writeZip(zipPath: string, files: PackageFile[], options: WriteZipOptions = {}): Promise<WrittenZip> {
  const { tempPath, bytes } = await writeZipTemp(zipPath, files, options);
  try {
    await rename(tempPath, zipPath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  return { bytes };
}

/** Writes the zip beside `zipPath` under a temp name; the caller renames it or removes it. */
export async function writeZipTemp(zipPath: string, files: PackageFile[], { signal }: WriteZipOptions = {}): Promise<TempZip> {
  signal?.throwIfAborted();
  const entries = sortedEntries(files);
  const dir = path.dirname(path.resolve(zipPath));
  makeDirectory(dir);
  const tempPath = `${path.resolve(zipPath)}.${randomBytes(6).toString('hex')}.tmp`;

  const archive = new ZipArchive({ zlib: { level: DEFLATE_LEVEL } });
  const readBuffers = new ReadBuffers(READ_CHUNK_BYTES, READ_CHUNKS_IN_FLIGHT);
  const output = createWriteStream(tempPath, { flags: 'wx', fs: readBuffers.writeCalls });
  const written = pipeline(archive, output);
  written.catch(() => undefined); // observed below; this only avoids an unhandled rejection
  const abort = () => archive.destroy(signal?.reason);
  signal?.addEventListener('abort', abort, { once: true });
  if (signal?.aborted) abort(); // aborted while the folder was made: no event will come
  // The file being read: archiver's abort leaves an appended stream as it is, its file open.
  let reading: Readable | undefined;
  try {
    for (const file of entries) {
      // Stored entries only may read into the zip's reused buffers (./read-buffers.ts says why).
      const store = isStored(file.path);
      const source = file.kind === 'data' ? file.data : (reading = await openSource(file, archive, readBuffers, store));
      if (archive.destroyed && !Buffer.isBuffer(source)) source.destroy(); // aborted while it opened
      // Listened to only now: an 'error' while the file opened would reject it with no one waiting.
      const entryDone = once(archive, 'entry');
      archive.append(source, {
        name: file.path,
        date: ZIP_ENTRY_DATE,
        mode: ZIP_ENTRY_MODE,
        store,
      });
      // One entry at a time: archiver pipes a stream source as soon as it is appended, so
      // appending everything up front would open every file at once.
      await Promise.race([entryDone, written]);
    }
    // Errors surface through the pipeline; finalize's own promise is not needed.
    archive.finalize().catch(() => undefined);
    await written;
    signal?.throwIfAborted();
    return { tempPath, bytes: (await stat(tempPath)).size };
  } catch (error) {
    archive.abort();
    if (reading && !reading.closed) {
      reading.destroy(); // its file is closed before the caller hears of the failure
      await once(reading, 'close').catch(() => undefined);
    }
    await written.catch(() => undefined);
    // The file may still be opening: removed before it exists, it would appear afterwards.
    if (!output.closed) await once(output, 'close').catch(() => undefined);
    await rm(tempPath, { force: true });
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/** Sorted by path (code-unit order, independent of locale); rejects paths a zip must not hold. */
function sortedEntries(files: PackageFile[]): PackageFile[] {
  const seen = new Set<string>();
  for (const file of files) {
    const p = file.path;
    if (p === '' || p.startsWith('/') || p.includes('\\') || p.split('/').some((s) => s === '..' || s === '.' || s === '')) {
      throw new Error(`Package file path "${p}" must be relative, with "/" separators and no "." or ".." segments`);
    }
    if (seen.has(p)) throw new Error(`Package file path "${p}" appears twice`);
    seen.add(p);
  }
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * A read stream of the file, failing the whole archive if it fails (missing file, I/O error) or
 * if the file no longer has the size it had when the course was loaded.
 */
async function openSource(file: PackageFile & { kind: 'file' }, archive: ZipArchive, readBuffers: ReadBuffers, store: boolean): Promise<Readable> {
  // A course file is checked again as it is opened (still inside the course, a regular file of
  // a packaged type): it may have been swapped for a link since the course was loaded.
  const read = readBuffers.readFile((await openPackageFile(file)).handle, { size: file.size, reuse: store });
  // archiver pipes the source into its own stream and does not forward its errors.
  read.once('error', (error) => archive.destroy(error));
  // Counted as archiver reads it: more bytes than loaded fails at once, fewer at the end.
  let size = 0;
  read.on('data', (chunk) => {
    size += chunk.length;
    if (size > file.size) read.destroy(changedWhileRead(file, size));
  });
  read.once('end', () => {
    if (size !== file.size) archive.destroy(changedWhileRead(file, size));
  });
  return read;
}

function changedWhileRead(file: PackageFile & { kind: 'file' }, size: number): Error {
  const problem = `has ${size > file.size ? 'more than ' : ''}${withThousands(size)} bytes where it had ${withThousands(file.size)}`;
  if (file.courseRoot === undefined) return new Error(`\`${file.absPath}\` ${problem}: it changed while the package was written`);
  return new CourseFileChangedError(path.relative(file.courseRoot, file.absPath).split(path.sep).join('/'), problem);
}
