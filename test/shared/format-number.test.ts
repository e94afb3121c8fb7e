import { describe, expect, it } from 'vitest';
import { withThousands } from '../../src/shared/format-number.js';

describe('withThousands', () => {
  it('writes whole numbers as en-US does, so messages read the same as before', () => {
    const numbers = [0, 7, 999, 1000, 4096, 65_535, 1_000_000, 123_456_789, -1234, Number.MAX_SAFE_INTEGER];
    expect(numbers.map((n) => withThousands(n))).toEqual(numbers.map((n) => n.toLocaleString('en-US')));
  });

  it('leaves fractions and huge numbers to Intl', () => {
    expect(withThousands(1234.5)).toBe('1,234.5');
    expect(withThousands(1e21)).toBe((1e21).toLocaleString('en-US'));
  });
});
