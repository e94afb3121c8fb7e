/**
 * The course IRI an author may give in course.yaml (`iri`): the xAPI/cmi5 activity id of the
 * course, under which src/shared/iri.ts hangs the ids of its steps, activities and questions
 * by adding path segments (`<iri>/activities/<id>`).
 *
 * Accepted: an absolute IRI (RFC 3987) that is either `https://` or `http://` with a host, or
 * `urn:<namespace>:<name>` (RFC 8141); lower-case scheme (LRSs compare ids as strings), and no
 * `?` or `#`, so the added segments stay in the path. The grammar is RFC 3987's, character by
 * character: `%` only before two hex digits, `[` `]` only around an IPv6 host, no spaces, no
 * controls, no characters IRIs leave out (private use, non-characters). So what course.yaml
 * says is what cmi5.xml (an `xs:anyURI`), tincan.xml and the statements carry, unchanged.
 */

/** ucschar (RFC 3987 §2.2): the non-ASCII characters an IRI may hold. */
const UCSCHAR = [
  '\\u00A0-\\uD7FF',
  '\\uF900-\\uFDCF',
  '\\uFDF0-\\uFFEF',
  ...Array.from({ length: 13 }, (_, i) => `\\u{${(i + 1).toString(16).toUpperCase()}0000}-\\u{${(i + 1).toString(16).toUpperCase()}FFFD}`),
  '\\u{E1000}-\\u{EFFFD}',
].join('');
const IUNRESERVED = `A-Za-z0-9\\-._~${UCSCHAR}`;
const SUB_DELIMS = "!$&'()*+,;=";
const PCT_ENCODED = '%[0-9A-Fa-f]{2}';
/** One character of an IRI part: iunreserved, pct-encoded, sub-delims, and `extra`. */
const ichar = (extra = '') => `(?:[${IUNRESERVED}${SUB_DELIMS}${extra}]|${PCT_ENCODED})`;
const IPCHAR = ichar(':@');

const DEC_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4 = `${DEC_OCTET}(?:\\.${DEC_OCTET}){3}`;
const H16 = '[0-9A-Fa-f]{1,4}';
const LS32 = `(?:${H16}:${H16}|${IPV4})`;
const IPV6 = [
  `(?:${H16}:){6}${LS32}`,
  `::(?:${H16}:){5}${LS32}`,
  `(?:${H16})?::(?:${H16}:){4}${LS32}`,
  `(?:(?:${H16}:){0,1}${H16})?::(?:${H16}:){3}${LS32}`,
  `(?:(?:${H16}:){0,2}${H16})?::(?:${H16}:){2}${LS32}`,
  `(?:(?:${H16}:){0,3}${H16})?::${H16}:${LS32}`,
  `(?:(?:${H16}:){0,4}${H16})?::${LS32}`,
  `(?:(?:${H16}:){0,5}${H16})?::${H16}`,
  `(?:(?:${H16}:){0,6}${H16})?::`,
].join('|');
const IP_LITERAL = `\\[(?:${IPV6}|v[0-9A-Fa-f]+\\.[A-Za-z0-9\\-._~${SUB_DELIMS}:]+)\\]`;
/** An http(s) IRI needs a host (RFC 9110): an IP literal, or a non-empty ireg-name (IPv4 included). */
const IHOST = `(?:${IP_LITERAL}|${ichar()}+)`;
const IAUTHORITY = `(?:${ichar(':')}*@)?${IHOST}(?::[0-9]*)?`;
const IPATH_ABEMPTY = `(?:/${IPCHAR}*)*`;

/** RFC 8141: a namespace id of 2 to 32 letters, digits and inner hyphens; the name, pchars and `/`. */
const URN = `urn:[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]:${IPCHAR}(?:${IPCHAR}|/)*`;

/**
 * Spaces of any kind (NBSP and the like are ucschar, but unreadable in an id), and the
 * bidirectional formatting characters RFC 3987 §4.1 forbids (and the later isolates).
 */
const NOWHERE = '(?![\\s\\S]*[\\s\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069])';

export const COURSE_IRI_PATTERN = `^${NOWHERE}(?:https?://${IAUTHORITY}${IPATH_ABEMPTY}|${URN})$`;

const courseIriRegex = new RegExp(COURSE_IRI_PATTERN, 'u');
const ucsChar = new RegExp(`^[${UCSCHAR}]$`, 'u');

/** Why `value` is not an acceptable course IRI, in a few words; undefined when it is one. */
export function courseIriProblem(value: string): string | undefined {
  if (courseIriRegex.test(value)) return undefined;
  if (/\s/u.test(value)) return 'it contains a space';
  const bidi = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/u.exec(value);
  if (bidi) return `it contains U+${bidi[0].codePointAt(0)!.toString(16).toUpperCase()}, a bidirectional formatting character IRIs forbid`;
  const control = /[\u0000-\u001f\u007f-\u009f]/u.exec(value);
  if (control) return `it contains a control character (U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
  if (!/^(?:https?:\/\/|urn:)/iu.test(value)) return 'it must start with `https://`, `http://` or `urn:`';
  if (!/^(?:https?:\/\/|urn:)/u.test(value)) return 'write `https://`, `http://` or `urn:` in lower case';
  if (/[?#]/u.test(value)) {
    return 'it has a `?` or `#`, but the ids of steps, activities and questions are made by adding `/…` to it, which must stay in its path';
  }
  if (/%(?![0-9A-Fa-f]{2})/u.test(value)) return 'it has a `%` not followed by two hexadecimal digits (a percent sign itself is written `%25`)';
  const excluded = /[<>"{}|\\^`]/u.exec(value);
  if (excluded) return `it contains \`${excluded[0]}\`, a character IRIs exclude (write it percent-encoded, \`%${excluded[0].charCodeAt(0).toString(16).toUpperCase()}\`)`;
  const foreign = [...value].find((c) => c.codePointAt(0)! > 0x7f && !ucsChar.test(c));
  if (foreign) return `it contains U+${foreign.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, a character IRIs do not allow (private use or not a character)`;
  if (value.startsWith('urn:')) return 'a URN reads `urn:<namespace>:<name>`, as in `urn:example:courses:intro` (the namespace: 2 to 32 letters, digits or inner hyphens)';
  const authority = /^https?:\/\/([^/]*)/u.exec(value)?.[1] ?? '';
  const host = authority.replace(/^[^@]*@/u, '');
  if (host === '' || host.startsWith(':')) return 'it names no domain after the `//`';
  if (/[[\]]/u.test(value.slice(value.indexOf('//') + 2 + authority.length)) || /[[\]]/u.test(authority.replace(/^[^@]*@/u, '').replace(/^\[[^\]]*\](?::\d*)?$/u, ''))) {
    return 'it has `[` or `]` outside the brackets of an IPv6 address (write `%5B` and `%5D`)';
  }
  if (host.startsWith('[')) return 'the address between `[` and `]` is not an IPv6 address';
  if (/:[^:]*$/u.test(host) && !/:[0-9]*$/u.test(host)) return 'the port after the host’s `:` must be digits';
  return 'it is not an absolute IRI (RFC 3987)';
}
