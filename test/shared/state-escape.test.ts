import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COSTLIEST_CHARACTER,
  COSTLIEST_CHARACTER_IN_BYTES,
  DELIMITERS,
  escapeValue,
  splitUnescaped,
  unescapeValue,
} from '../../src/shared/state-escape.js';

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

describe('state escaping', () => {
  it('round-trips any well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(unescapeValue(escapeValue(text))).toBe(text);
      }),
    );
  });

  it('keeps accented letters as they are and escapes delimiters in two characters', () => {
    expect(escapeValue('Mécénat – œuvre')).toBe('Mécénat – œuvre');
    for (const d of DELIMITERS) expect(escapeValue(d)).toHaveLength(2);
  });

  it('replaces lone surrogates, which no LMS could store, by U+FFFD', () => {
    expect(unescapeValue(escapeValue('a\ud800b'))).toBe('a\ufffdb');
  });

  it('never leaves a delimiter in an escaped value, so splitting finds the original parts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1 }), (parts) => {
        const joined = parts.map(escapeValue).join('|');
        expect(splitUnescaped(joined, '|').map(unescapeValue)).toEqual(parts);
      }),
    );
  });

  it('names the costliest characters the state budget assumes, checked over every UTF-16 code unit', () => {
    const worstChars = escapeValue(COSTLIEST_CHARACTER).length;
    const worstBytes = utf8Length(escapeValue(COSTLIEST_CHARACTER_IN_BYTES));
    expect(worstChars).toBe(2);
    expect(worstBytes).toBe(3);
    for (let code = 0; code <= 0xffff; code++) {
      const escaped = escapeValue(String.fromCharCode(code));
      expect(escaped.length).toBeLessThanOrEqual(worstChars);
      expect(utf8Length(escaped)).toBeLessThanOrEqual(worstBytes);
    }
    // A pair of code units (one astral character) costs 4 bytes: 2 per code unit.
    expect(utf8Length(escapeValue('😀'))).toBe(4);
  });

  it('drops a broken escape from a corrupt string instead of throwing', () => {
    expect(unescapeValue('ab~')).toBe('ab');
    expect(unescapeValue('a~\u00e9b')).toBe('ab');
  });
});
