import { createWriteStream } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadBuffers } from '../../src/write/read-buffers.js';

const CHUNK = 64 * 1024;
let work: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-read-buffers-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function sourceFile(bytes: number): Promise<{ file: string; content: Buffer }> {
  const content = randomBytes(bytes);
  const file = path.join(work, 'in.mp4');
  await writeFile(file, content);
  return { file, content };
}

/** Copies the file through the buffers into `out`, noting the memory behind every chunk read. */
async function copy(buffers: ReadBuffers, file: string, size: number, reuse: boolean, corkFirst = 0) {
  const out = path.join(work, 'out.bin');
  // Corked, the file stream must accept the chunks held back without pausing the source.
  const output = createWriteStream(out, { fs: buffers.writeCalls, highWaterMark: corkFirst > 0 ? 1 << 30 : undefined });
  const source = buffers.readFile(await open(file), { size, reuse });
  const memories = new Set<ArrayBufferLike>();
  const chunkSizes: number[] = [];
  if (corkFirst > 0) output.cork();
  source.on('data', (chunk: Buffer) => {
    memories.add(chunk.buffer);
    chunkSizes.push(chunk.length);
    // Held back until `corkFirst` chunks are read: then written together, in one writev.
    if (chunkSizes.length === corkFirst) process.nextTick(() => output.uncork());
  });
  await pipeline(source, output);
  return { written: await readFile(out), memories, chunkSizes };
}

describe('ReadBuffers', () => {
  it('streams a stored file whole through no more buffers than its limit, each used again once written', async () => {
    const { file, content } = await sourceFile(10 * CHUNK + 5);
    const { written, memories, chunkSizes } = await copy(new ReadBuffers(CHUNK, 2), file, content.length, true);
    expect(written.equals(content)).toBe(true);
    expect(chunkSizes).toEqual([...Array(10).fill(CHUNK), 5]);
    expect(memories.size).toBeLessThanOrEqual(2);
  });

  it('gives buffers back when the file stream writes several chunks at once', async () => {
    // Three chunks read and none written: the fourth read waits until the writev gives them back.
    const { file, content } = await sourceFile(7 * CHUNK);
    const { written, memories } = await copy(new ReadBuffers(CHUNK, 3), file, content.length, true, 3);
    expect(written.equals(content)).toBe(true);
    expect(memories.size).toBeLessThanOrEqual(3);
  });

  it('reads a deflated entry\'s file into buffers of its own, none larger than the file needs', async () => {
    const { file, content } = await sourceFile(CHUNK + 100);
    const { written, memories, chunkSizes } = await copy(new ReadBuffers(CHUNK, 2), file, content.length, false);
    expect(written.equals(content)).toBe(true);
    expect(chunkSizes).toEqual([CHUNK, 100]);
    expect(memories.size).toBe(2);
    expect([...memories].map((m) => m.byteLength)).toEqual([CHUNK, 101]);
  });

  it('reads an empty file as no chunk at all', async () => {
    const { file } = await sourceFile(0);
    const { written, chunkSizes } = await copy(new ReadBuffers(CHUNK, 2), file, 0, true);
    expect(written.length).toBe(0);
    expect(chunkSizes).toEqual([]);
  });
});
