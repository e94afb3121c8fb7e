/**
 * The read buffers of one zip: a stored file's chunks are read into a few buffers, each used again
 * once the zip file has its bytes on disk, instead of a new buffer for every chunk.
 *
 * Why: a new buffer is memory outside V8's heap that is garbage once written, and V8 frees young
 * buffers only when ~32 MiB of them have piled up (a scavenge for "external memory pressure"); and
 * archiver's chain of streams (a PassThrough, a CRC-32 stream, zip-stream, archiver, the file
 * stream) can hold a chunk or two at each stage while the disk is slower than the reads. Fresh
 * 1 MiB chunks kept a build ~30 MiB above one without media, whatever the media size (108 MiB with
 * 200 or 400 MB of video, 76 MiB without). Here a zip has at most `limit` chunks read and not yet
 * written: the next read waits for one of them to be written.
 *
 * Why it cannot stall: only stored entries read into these buffers, and archiver passes a stored
 * entry's chunks through unchanged, each stage as soon as the next takes it, down to the file
 * stream, whose writes (counted on views of the same memory) give the buffers back.
 * A deflated entry's chunks go into zlib and never reach the file as they are: those files are read
 * into buffers of their own, sized to the file, and collected like any other garbage.
 */
import { close, open, write, writev } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';

type WriteCallback<T> = (error: NodeJS.ErrnoException | null, bytes: number, written: T) => void;

export class ReadBuffers {
  readonly #free: Buffer[] = [];
  /** The buffers lent out, by their memory, with the count of bytes read into them not yet written. */
  readonly #lent = new Map<ArrayBufferLike, { buffer: Buffer; unwritten: number }>();
  /** Reads waiting for a buffer to come back. */
  readonly #waiting: ((buffer: Buffer) => void)[] = [];
  #allocated = 0;

  /** `limit` buffers of `chunkBytes` at most. */
  constructor(
    readonly chunkBytes: number,
    readonly limit: number,
  ) {}

  /**
   * A stream of the file's bytes, from its start to its end, in chunks of up to `chunkBytes`; the
   * handle is closed when the stream ends or is destroyed. `reuse`: for a stored entry, read into
   * this zip's buffers; otherwise (a deflated entry) into new buffers no larger than `size` needs.
   */
  readFile(handle: FileHandle, { size, reuse }: { size: number; reuse: boolean }): Readable {
    let position = 0;
    const stream: Readable = new Readable({
      // One chunk read ahead: the next stage's own buffer holds the one before.
      highWaterMark: 1,
      read: () => {
        const taken = reuse ? this.#take() : Promise.resolve(Buffer.allocUnsafeSlow(Math.min(this.chunkBytes, Math.max(size - position, 0) + 1)));
        taken
          .then(async (buffer) => {
            let bytesRead = 0;
            try {
              ({ bytesRead } = await handle.read(buffer, 0, buffer.length, position));
            } finally {
              if (bytesRead === 0 && reuse) this.#giveBack(buffer);
            }
            if (bytesRead === 0) {
              stream.push(null);
              return;
            }
            position += bytesRead;
            if (reuse) this.#lent.set(buffer.buffer, { buffer, unwritten: bytesRead });
            stream.push(buffer.subarray(0, bytesRead));
          })
          .catch((error: unknown) => stream.destroy(error as Error));
      },
      destroy: (error, callback) => {
        handle.close().then(
          () => callback(error),
          (closeError: unknown) => callback(error ?? (closeError as Error)),
        );
      },
    });
    return stream;
  }

  /**
   * File system calls for `createWriteStream(path, { fs })`: Node's own, which also count the bytes
   * written from this zip's buffers and give each buffer back once all of its bytes are.
   */
  get writeCalls() {
    const written = (chunk: Uint8Array, bytes: number) => {
      const lent = this.#lent.get(chunk.buffer);
      if (!lent) return;
      lent.unwritten -= bytes;
      if (lent.unwritten > 0) return;
      this.#lent.delete(chunk.buffer);
      this.#giveBack(lent.buffer);
    };
    return {
      open,
      close,
      write: (fd: number, chunk: Buffer, offset: number, length: number, position: number | null, callback: WriteCallback<Buffer>) =>
        write(fd, chunk, offset, length, position, (error, bytes) => {
          if (!error) written(chunk, bytes);
          callback(error, bytes, chunk);
        }),
      writev: (fd: number, chunks: Buffer[], position: number | null, callback: WriteCallback<Buffer[]>) =>
        writev(fd, chunks, position, (error, bytes) => {
          // A partial write covers the first chunks in order; the file stream writes the rest again.
          let left = error ? 0 : bytes;
          for (const chunk of chunks) {
            if (left <= 0) break;
            written(chunk, Math.min(left, chunk.length));
            left -= chunk.length;
          }
          callback(error, bytes, chunks);
        }),
    };
  }

  #take(): Promise<Buffer> {
    const free = this.#free.pop();
    if (free) return Promise.resolve(free);
    if (this.#allocated < this.limit) {
      this.#allocated++;
      return Promise.resolve(Buffer.allocUnsafeSlow(this.chunkBytes));
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #giveBack(buffer: Buffer): void {
    const waiting = this.#waiting.shift();
    if (waiting) waiting(buffer);
    else this.#free.push(buffer);
  }
}
