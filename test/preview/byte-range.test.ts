import { describe, expect, it } from 'vitest';
import { parseByteRange } from '../../src/preview/byte-range.js';

describe('parseByteRange', () => {
  it('reads the forms a video player sends', () => {
    expect(parseByteRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseByteRange('bytes=90-200', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
  });

  it('sends the whole file for no header, other units, several ranges or nonsense', () => {
    for (const header of [undefined, '', 'items=0-5', 'bytes=0-5,10-15', 'bytes=-', 'bytes=9-3', 'bytes=a-b']) {
      expect(parseByteRange(header, 100), String(header)).toBeNull();
    }
  });

  it('says 416 for a range past the end', () => {
    expect(parseByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
});
