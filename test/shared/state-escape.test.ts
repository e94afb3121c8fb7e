import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COSTLIEST_TEXT_CHARACTER,
  DELIMITERS,
  escapeValue,
  fromStoredText,
  splitUnescaped,
  toStoredText,
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

  it('names the costliest typed character the state budget assumes, checked over every UTF-16 code unit', () => {
    expect(toStoredText(COSTLIEST_TEXT_CHARACTER)).toHaveLength(1);
    expect(utf8Length(toStoredText(COSTLIEST_TEXT_CHARACTER))).toBe(3);
    for (let code = 0; code <= 0xffff; code++) {
      const stored = toStoredText(String.fromCharCode(code));
      expect(stored.length).toBeLessThanOrEqual(1);
      expect(utf8Length(stored)).toBeLessThanOrEqual(3);
    }
    // An astral character is two code units (two toward maxLength) and four bytes.
    expect(utf8Length(toStoredText('😀'))).toBe(4);
  });

  it('stores learner text raw, never longer, without what transports alter', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const stored = toStoredText(text);
        expect(stored.length).toBeLessThanOrEqual(text.length);
        expect(stored).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
    );
    expect(fromStoredText(toStoredText("Mécénat d'une PME\r\n« 100 % local » & <b>"))).toBe("Mécénat d'une PME\n« 100 % local » & <b>");
  });

  it('drops a broken escape from a corrupt string instead of throwing', () => {
    expect(unescapeValue('ab~')).toBe('ab');
    expect(unescapeValue('a~\u00e9b')).toBe('ab');
  });
});
