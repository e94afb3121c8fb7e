/**
 * Text from a course (its values, file names, lines shown in code frames) printed to a
 * terminal as what it is, never as commands to the terminal: a title holding `ESC ]0;…BEL`
 * would retitle the window, `ESC [2J` clear the screen, and other sequences are worse.
 * Control characters (C0 but tab, DEL, C1) and the bidirectional overrides that reorder what
 * a line shows are written as `\x1b`, `\u202e`.
 */
const INVISIBLE = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const UNPRINTABLE = new RegExp(`[\\u0000-\\u0008\\u000a-\\u001f${INVISIBLE}]`, 'g');
/** What JSON.stringify leaves raw (it escapes C0 itself; its newlines are layout). */
const RAW_IN_JSON = new RegExp(`[${INVISIBLE}]`, 'g');

/** `text` with control characters escaped (tabs kept: code frames line up with them). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escape);
}

/**
 * JSON for a terminal or a log: `JSON.stringify` escapes C0 controls already; DEL, C1 and the
 * bidirectional overrides get `\u` escapes too (the same string once parsed).
 */
export function printableJson(value: unknown, space = 2): string {
  return JSON.stringify(value, null, space).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
