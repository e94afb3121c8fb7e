/**
 * The course IRI an author may give in course.yaml (`iri`): the xAPI/cmi5 activity id of the
 * course, under which src/shared/iri.ts hangs the ids of its steps, activities and questions
 * by adding path segments (`<iri>/activities/<id>`).
 *
 * Accepted: `https://` or `http://` and a domain, or `urn:<namespace>:<name>` (RFC 8141);
 * lower-case scheme (LRSs compare ids as strings), no spaces, none of the characters IRIs
 * exclude, and no `?` or `#`, so the added segments stay in the path.
 */

/** Characters an IRI never contains (RFC 3987), and whitespace. */
const EXCLUDED = '\\s<>"{}|\\\\^`';
const HOST = `[^${EXCLUDED}?#/]`;
const REST = `[^${EXCLUDED}?#]`;

export const COURSE_IRI_PATTERN = `^(?:https?://${HOST}+(?:/${REST}*)?|urn:[A-Za-z0-9][A-Za-z0-9-]{1,31}:${REST}+)$`;

const courseIriRegex = new RegExp(COURSE_IRI_PATTERN, 'u');

/** Why `value` is not an acceptable course IRI, in a few words; undefined when it is one. */
export function courseIriProblem(value: string): string | undefined {
  if (courseIriRegex.test(value)) return undefined;
  if (/\s/u.test(value)) return 'it contains a space';
  if (!/^(?:https?:\/\/|urn:)/iu.test(value)) return 'it must start with `https://`, `http://` or `urn:`';
  if (!/^(?:https?:\/\/|urn:)/u.test(value)) return 'write `https://`, `http://` or `urn:` in lower case';
  if (/[?#]/u.test(value)) {
    return 'it has a `?` or `#`, but the ids of steps, activities and questions are made by adding `/…` to it, which must stay in its path';
  }
  if (new RegExp(`[${EXCLUDED}]`, 'u').test(value)) return 'it contains a character IRIs exclude (`<`, `>`, `"`, `{`, `}`, `|`, `\\`, `^` or `` ` ``)';
  if (value.startsWith('urn:')) return 'a URN reads `urn:<namespace>:<name>`, as in `urn:example:courses:intro`';
  return 'it names no domain after the `//`';
}
