import { describe, expect, it } from 'vitest';
import { CLI_BYTES, formatBytes, type ByteFormat } from '../../src/shared/format-bytes.js';

describe('formatBytes', () => {
  it('shows CLI and verify sizes with one decimal in decimal units', () => {
    expect([0, 999, 1000, 12_345, 999_949, 250_000_000, 3e9, 5e15].map((n) => formatBytes(n, CLI_BYTES))).toEqual([
      '0 B', '999 B', '1.0 kB', '12.3 kB', '999.9 kB', '250.0 MB', '3.0 GB', '5000.0 TB',
    ]);
  });

  it('trims a zero decimal so a limit reads as a round figure (loader diagnostics)', () => {
    const format: ByteFormat = { units: ['bytes', 'kB', 'MB', 'GB'], digits: 'trimmed' };
    expect([12, 1000, 1_500, 1_000_000, 1_000_005, 50_000_000, 1_250_000].map((n) => formatBytes(n, format))).toEqual([
      '12 bytes', '1 kB', '1.5 kB', '1 MB', '1 MB', '50 MB', '1.3 MB',
    ]);
  });

  it('writes learner-facing sizes in the course language, one decimal only below 10', () => {
    const fr: ByteFormat = { units: ['o', 'Ko', 'Mo', 'Go'], digits: 'readable', decimalSeparator: ',', separator: '\u00a0' };
    const en: ByteFormat = { units: ['B', 'KB', 'MB', 'GB'], digits: 'readable', separator: '\u00a0' };
    expect([14, 120_000, 1_234_567, 12_345_678].map((n) => formatBytes(n, fr))).toEqual(['14\u00a0o', '120\u00a0Ko', '1,2\u00a0Mo', '12\u00a0Mo']);
    expect([14, 120_000, 1_234_567, 12_345_678].map((n) => formatBytes(n, en))).toEqual(['14\u00a0B', '120\u00a0KB', '1.2\u00a0MB', '12\u00a0MB']);
  });
});
