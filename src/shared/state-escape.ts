/**
 * Character-level rules for the learner-state string (see state-codec.ts).
 *
 * The saved state travels through LMS JavaScript, form or JSON posts and databases, and is
 * sometimes written back into an inline script or an XML attribute on relaunch.
 *
 * Ids, the bookmark and answer values are escaped: the output never holds control
 * characters, line separators, XML non-characters, lone surrogates, quotes, `\`, `<`, `>`,
 * `&`, `%`, `+`, nor the codec's delimiters; each of those becomes two characters
 * (`~x` or `^x`).
 *
 * Learner text (tool fields) is stored raw instead, behind a length, so one typed character
 * costs exactly one saved character: with escaping, a text full of quotes or line breaks
 * would cost twice its length, and the strict budget for SCORM 1.2's 4,096 characters would
 * refuse ordinary courses. Raw text is what JSON-based suspend data (Adapt, Rise) has always
 * carried; only what transports do alter is replaced: line breaks become U+2424 `␤` (no
 * `\r\n` rewriting can shift the lengths), other control characters, XML non-characters
 * and lone surrogates are dropped or replaced, never lengthening the text.
 */

/** Characters the codec uses as delimiters; they never appear unescaped inside a value. */
export const DELIMITERS = '|;=!,*';

const LEADER_A = '~';
const LEADER_B = '^';

/** `count` characters from code `from` on. */
const charRange = (from: number, count: number): string => String.fromCharCode(...Array.from({ length: count }, (_, i) => from + i));

/** The character after a leader for the i-th character of its table: 0–9, a–z, then A–Z. */
const escapeDigit = (i: number): string => (i < 36 ? i.toString(36) : (i - 26).toString(36).toUpperCase());

/**
 * The characters each leader escapes, the one at position i as `<leader><escapeDigit(i)>`.
 * Table order is part of the saved format: append only (62 characters at most), never reorder.
 */
const ESCAPE_TABLES: [string, string][] = [
  [LEADER_A, charRange(0, 32) + '\x7f' + LEADER_A + DELIMITERS + '\'"\\<>&%+\u2028\u2029\ufffe\uffff' + LEADER_B],
  [LEADER_B, charRange(0x80, 32)],
];

const ESCAPES = new Map<string, string>();
const UNESCAPES = new Map<string, string>();
for (const [leader, table] of ESCAPE_TABLES) {
  [...table].forEach((char, i) => {
    const code = leader + escapeDigit(i);
    ESCAPES.set(char, code);
    UNESCAPES.set(code, char);
  });
}

/**
 * A typed character that costs the most once saved: one character (as every typed
 * character) and three UTF-8 bytes (an astral character is two code units and four bytes).
 */
export const COSTLIEST_TEXT_CHARACTER = '\u20ac';

/** Stands for a line break in stored text. */
export const LINE_BREAK_MARK = '\u2424';

/** Lone surrogates (no LMS can store them) become U+FFFD. */
const replaceLoneSurrogates = (text: string): string =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** Escape a value for the state string. Lone surrogates (unencodable) become U+FFFD. */
export function escapeValue(text: string): string {
  return replaceLoneSurrogates(text).replace(/[^]/g, (char) => ESCAPES.get(char) ?? char);
}

/** Undo `escapeValue`. A broken escape (corrupt input) is dropped, never thrown on. */
export function unescapeValue(text: string): string {
  return text.replace(/[~^][^]?/g, (code) => UNESCAPES.get(code) ?? '');
}

/** Index of the first unescaped character among `chars` from `from` on, or -1. */
export function indexOfUnescaped(text: string, chars: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === LEADER_A || char === LEADER_B) i++;
    else if (chars.includes(char)) return i;
  }
  return -1;
}

/** Split on `separator` where it is not part of an escape. Always returns at least one part. */
export function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let end; (end = indexOfUnescaped(text, separator, start)) >= 0; start = end + 1) parts.push(text.slice(start, end));
  parts.push(text.slice(start));
  return parts;
}

/**
 * Learner text as stored: never longer than `text`. Line breaks (`\r\n`, `\r`, `\n`,
 * U+2028, U+2029) become `␤`; tabs stay; other control characters and U+FFFE/U+FFFF are
 * dropped; lone surrogates become U+FFFD.
 */
export function toStoredText(text: string): string {
  return replaceLoneSurrogates(
    text.replace(/\r\n?|[\n\u2028\u2029]/g, LINE_BREAK_MARK).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/g, ''),
  );
}

/** Learner text from its stored form. */
export function fromStoredText(stored: string): string {
  return stored.split(LINE_BREAK_MARK).join('\n');
}
