/**
 * crc-32's `buf`, the checksum archiver's zip writer computes over every entry (crc32-stream,
 * compress-commons), done by Node's zlib (native, Node ≥ 20.15) instead of JavaScript: the bundle
 * (scripts/bundle-cli.ts) puts this module where archiver imports `crc-32`. In a fresh process the
 * JavaScript loop ran cold over every byte of the media, ~16 ms of a sample build. Same values,
 * signed as crc-32 returns them (callers take `>>> 0`): test/write/crc32.test.ts.
 */
import { crc32 } from 'node:zlib';

export function buf(data: Uint8Array, seed = 0): number {
  return crc32(data, seed >>> 0) | 0;
}

export default { buf };
