import { randomBytes } from 'node:crypto';
import crc32js from 'crc-32';
import { describe, expect, it } from 'vitest';
import { buf } from '../../src/write/crc32.js';

describe('the zip checksum done by zlib (src/write/crc32.ts)', () => {
  it('gives what crc-32 gives, for whole buffers and for chunks chained through the seed', () => {
    expect(buf(Buffer.from('123456789')) >>> 0).toBe(0xcbf43926);
    for (const size of [0, 1, 7, 64, 1000, 65_537, 1 << 20]) {
      const data = randomBytes(size);
      expect(buf(data), `${size} bytes`).toBe(crc32js.buf(data));
      // As crc32-stream does: the running checksum, unsigned, as the next chunk's seed.
      let ours = 0;
      let theirs = 0;
      for (let at = 0; at < size; at += 4096) {
        ours = buf(data.subarray(at, at + 4096), ours) >>> 0;
        theirs = crc32js.buf(data.subarray(at, at + 4096), theirs) >>> 0;
      }
      expect(ours).toBe(theirs);
    }
  });
});
