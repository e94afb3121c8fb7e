/**
 * Writes a package's files into a zip, deterministically and atomically.
 *
 * - Deterministic: entries sorted by path, one fixed date and mode, no extra fields,
 *   so two builds of the same input are byte-identical (reproducible, cache-friendly).
 *   The layout is archiver's (the writer Parcours used before, src/write/zip-format.ts):
 *   packages are byte-identical to the ones it wrote.
 * - Atomic: the zip is written to `<zipPath>.<random>.tmp` beside it, then renamed; on any
 *   failure (or abort: Ctrl-C) the temp file is removed and nothing appears at `zipPath`.
 *   `writeZipTemp` stops before the rename, so that a build of several packages renames
 *   them all only once every one is written (src/build.ts).
 * - Flat in memory and read once: a file on disk is read in 1 MiB chunks into two buffers
 *   (the next read runs while the previous chunk is written), its CRC-32 computed natively
 *   (zlib.crc32) on the way. A stored file (video, images) is never held whole, whatever its
 *   size. Archiver's stream chain (five streams per entry, a CRC-32 in JavaScript) cost more
 *   CPU than the disk did: the sample with 400 MB of video spent ~2 s in it.
 * - Checked as read: a course file is checked again as it is opened (still inside the course,
 *   a regular file of a packaged type), and must still have the size it had when the course
 *   was loaded: one that changed or vanished since fails the package, naming the file.
 */
import { constants as fsConstants } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { PackageFile } from '../package/target.js';
import { isStored } from './compression.js';
import { openPackageFile } from '../load/file-checks.js';
import { CourseFileChangedError } from '../load/course-files.js';
import { ZipLayout, type ZipEntryRecord } from './zip-format.js';

/**
 * The date written on every entry. 1980-01-01 is the earliest a zip (DOS) date can hold;
 * any fixed value works, this one reads as "no real date" in `unzip -l`.
 */
export const ZIP_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
/** rw-r--r--: LMSs extract packages to serve them; nothing in a package is executable. */
export const ZIP_ENTRY_MODE = 0o644;
/** Deflate level for text entries. They are small, so the best ratio costs little time. */
const DEFLATE_OPTIONS: zlib.ZlibOptions = { level: 9 };
/** Read size for files on disk: large enough that a chunk's system calls cost little, small enough to stay flat. */
const CHUNK_BYTES = 1 << 20;
/** Headers and small entries are gathered and written in one system call once this many bytes wait. */
const GATHER_BYTES = 256 << 10;

/**
 * A buffer this large is deflated on libuv's thread pool (the main thread renders meanwhile);
 * a smaller one at once, where the hand-over (~0.3 ms) would cost more than deflating it.
 */
const ASYNC_DEFLATE_BYTES = 64 << 10;

const deflateRaw = promisify(zlib.deflateRaw);

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
  await mkdir(dir, { recursive: true });
  signal?.throwIfAborted();
  const tempPath = `${path.resolve(zipPath)}.${randomBytes(6).toString('hex')}.tmp`;
  // O_EXCL: never write into a file someone else put there.
  const handle = await open(tempPath, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o644);
  const out = new ZipOutput(handle, signal);
  try {
    const layout = new ZipLayout(ZIP_ENTRY_DATE, ZIP_ENTRY_MODE);
    const records: ZipEntryRecord[] = [];
    for (const file of entries) {
      signal?.throwIfAborted();
      records.push(await writeEntry(out, layout, file));
    }
    out.push(layout.centralDirectory(records, out.position));
    await out.close();
    signal?.throwIfAborted();
    return { tempPath, bytes: out.position };
  } catch (error) {
    await out.close().catch(() => undefined);
    await rm(tempPath, { force: true });
    throw signal?.aborted ? signal.reason : error;
  }
}

/** One entry: its local header, its data, and (when the header could not hold them) its sizes and CRC after. */
async function writeEntry(out: ZipOutput, layout: ZipLayout, file: PackageFile): Promise<ZipEntryRecord> {
  const stored = isStored(file.path);
  const offset = out.position;
  if (file.kind === 'data') {
    const { data } = file;
    const crc = zlib.crc32(data);
    if (stored) {
      // A buffer stored: sizes and CRC known before its header, which holds them.
      const record = layout.record({ path: file.path, offset, stored: true, descriptor: false, crc, size: data.length, compressedSize: data.length });
      out.push(layout.localHeader(record), data);
      return record;
    }
    // An empty one is stored, yet described after its (no) data, as archiver did.
    const deflated = data.length === 0 ? data : await deflatedData(data, crc);
    const record = layout.record({ path: file.path, offset, stored: data.length === 0, descriptor: true, crc, size: data.length, compressedSize: deflated.length });
    out.push(layout.localHeader(record), deflated, layout.dataDescriptor(record));
    return record;
  }
  // A file on disk is read as it is written: its sizes and CRC follow its data (a data descriptor).
  const pending = layout.record({ path: file.path, offset, stored, descriptor: true, crc: 0, size: 0, compressedSize: 0 });
  out.push(layout.localHeader(pending));
  const { handle } = await openPackageFile(file);
  try {
    const { crc, size, compressedSize } = stored ? await copyFile(out, handle) : await deflateFile(out, handle);
    if (size !== file.size) throw changedWhileRead(file, size);
    const record = { ...pending, crc, size, compressedSize };
    out.push(layout.dataDescriptor(record));
    return record;
  } finally {
    await handle.close();
  }
}

/**
 * Deflated buffers by content: the same page and style go into every target's zip, the same
 * runtime into every course of a catalogue built by one process (a worker), so each is deflated
 * once. Keyed by CRC-32 and length, confirmed by comparing the bytes; bounded in size.
 */
const deflatedByContent = new Map<string, { data: Buffer; deflated: Promise<Buffer> }>();
let deflatedBytes = 0;
const DEFLATED_CACHE_BYTES = 16 << 20;
/** Smaller buffers (a manifest, a build record) are deflated each time: they cost little. */
const CACHED_DEFLATE_BYTES = 4 << 10;

function deflatedData(data: Buffer, crc: number): Promise<Buffer> {
  const deflate = () => (data.length < ASYNC_DEFLATE_BYTES ? Promise.resolve(zlib.deflateRawSync(data, DEFLATE_OPTIONS)) : deflateRaw(data, DEFLATE_OPTIONS));
  if (data.length < CACHED_DEFLATE_BYTES) return deflate();
  const key = `${crc}:${data.length}`;
  const known = deflatedByContent.get(key);
  if (known?.data.equals(data)) return known.deflated;
  const deflated = deflate();
  if (data.length <= DEFLATED_CACHE_BYTES / 4) {
    if (known) deflatedBytes -= known.data.length;
    deflatedByContent.set(key, { data, deflated });
    deflatedBytes += data.length;
    deflated.catch(() => {
      // A failure is not kept.
      if (deflatedByContent.get(key)?.deflated !== deflated) return;
      deflatedByContent.delete(key);
      deflatedBytes -= data.length;
    });
    // The oldest go first (a Map keeps its insertion order).
    for (const [oldKey, old] of deflatedByContent) {
      if (deflatedBytes <= DEFLATED_CACHE_BYTES) break;
      deflatedByContent.delete(oldKey);
      deflatedBytes -= old.data.length;
    }
  }
  return deflated;
}

interface Copied {
  crc: number;
  size: number;
  compressedSize: number;
}

/**
 * Copies a file as it is, in chunks: the next chunk is read while the previous one is written,
 * into two buffers taken in turn; the CRC-32 is computed between.
 */
async function copyFile(out: ZipOutput, handle: FileHandle): Promise<Copied> {
  const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
  const written: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  let crc = 0;
  let size = 0;
  let turn = 0;
  let reading = handle.read(buffers[0]!, 0, CHUNK_BYTES, 0);
  try {
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) break;
      const chunk = buffers[turn]!.subarray(0, bytesRead);
      size += bytesRead;
      turn ^= 1;
      await written[turn]; // the other buffer is free once its chunk is written
      out.signal?.throwIfAborted();
      reading = handle.read(buffers[turn]!, 0, CHUNK_BYTES, size);
      crc = zlib.crc32(chunk, crc);
      written[turn ^ 1] = out.write(chunk);
    }
    await Promise.all(written);
  } catch (error) {
    // Nothing may still use the buffers or the handle once this returns.
    await Promise.allSettled([reading, ...written]);
    throw error;
  }
  return { crc, size, compressedSize: size };
}

/** Deflates a file (text: captions, SVG, a page) as it is read, writing what comes out. */
async function deflateFile(out: ZipOutput, handle: FileHandle): Promise<Copied> {
  const deflate = zlib.createDeflateRaw(DEFLATE_OPTIONS);
  let crc = 0;
  let size = 0;
  const feeding = (async () => {
    try {
      for (;;) {
        // A new buffer each time: the deflate stream keeps the chunks it has not consumed yet.
        const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, size);
        if (bytesRead === 0) break;
        out.signal?.throwIfAborted();
        const chunk = buffer.subarray(0, bytesRead);
        size += bytesRead;
        crc = zlib.crc32(chunk, crc);
        if (!deflate.write(chunk)) await drained(deflate);
        if (deflate.destroyed) return; // the output failed: its error is the one thrown
      }
      deflate.end();
    } catch (error) {
      deflate.destroy(error as Error);
    }
  })();
  let compressedSize = 0;
  try {
    for await (const output of deflate as AsyncIterable<Buffer>) {
      compressedSize += output.length;
      await out.write(output);
    }
  } finally {
    deflate.destroy();
    await feeding;
  }
  return { crc, size, compressedSize };
}

/** Once the stream wants more input, or is gone. */
function drained(stream: zlib.DeflateRaw): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done);
      resolve();
    };
    stream.on('drain', done).on('close', done);
  });
}

function changedWhileRead(file: PackageFile & { kind: 'file' }, size: number): Error {
  const problem = `has ${size.toLocaleString('en-US')} bytes where it had ${file.size.toLocaleString('en-US')}`;
  if (file.courseRoot === undefined) return new Error(`\`${file.absPath}\` ${problem}: it changed while the package was written`);
  return new CourseFileChangedError(path.relative(file.courseRoot, file.absPath).split(path.sep).join('/'), problem);
}

/**
 * The zip file being written, from its start, in order: small pieces (headers, small entries)
 * are gathered and written together; a chunk of a file is written as it is. One write at a
 * time, each at its position.
 */
class ZipOutput {
  /** Bytes handed to push/write so far: the position of the next one. */
  position = 0;
  private gathered: Buffer[] = [];
  private gatheredBytes = 0;
  /** Where the file's writes stand: the last one queued. */
  private tail: Promise<void> = Promise.resolve();
  private writtenTo = 0;

  constructor(
    private readonly handle: FileHandle,
    readonly signal: AbortSignal | undefined,
  ) {}

  /** Queues small buffers, written with the next write or once enough are there. */
  push(...buffers: Buffer[]): void {
    for (const buffer of buffers) {
      this.gathered.push(buffer);
      this.gatheredBytes += buffer.length;
      this.position += buffer.length;
    }
    if (this.gatheredBytes >= GATHER_BYTES) void this.flush();
  }

  /** Writes `chunk` after everything before it; resolves once it is written (the caller may reuse it). */
  write(chunk: Buffer): Promise<void> {
    this.flush();
    this.position += chunk.length;
    return this.queue(chunk);
  }

  /** Writes what was gathered, then closes the file. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
  }

  private flush(): Promise<void> {
    if (this.gathered.length === 0) return this.tail;
    const buffer = this.gathered.length === 1 ? this.gathered[0]! : Buffer.concat(this.gathered, this.gatheredBytes);
    this.gathered = [];
    this.gatheredBytes = 0;
    return this.queue(buffer);
  }

  private queue(buffer: Buffer): Promise<void> {
    const at = this.writtenTo;
    this.writtenTo += buffer.length;
    const done = this.tail.then(() => writeFully(this.handle, buffer, at));
    // A failed write fails every later one: the file is not whole.
    this.tail = done;
    done.catch(() => undefined); // observed by whoever awaits this write or a later one
    return done;
  }
}

async function writeFully(handle: FileHandle, buffer: Buffer, position: number): Promise<void> {
  for (let done = 0; done < buffer.length; ) {
    const { bytesWritten } = await handle.write(buffer, done, buffer.length - done, position + done);
    done += bytesWritten;
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
