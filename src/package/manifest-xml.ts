/**
 * Helpers every XML manifest (imsmanifest.xml, cmi5.xml, tincan.xml) needs: one builder
 * configuration, XML-safe identifiers, and file references as URIs.
 */
import { XMLBuilder } from 'fast-xml-parser';

/** Attribute keys in the objects given to `buildXml` start with this prefix. */
export const ATTR = '@_';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
});

/**
 * Serialises a fast-xml-parser object tree with a UTF-8 declaration. The builder escapes
 * `& < > " '` in text and attributes; characters XML 1.0 forbids (C0 controls) are removed.
 */
export function buildXml(root: Record<string, unknown>): string {
  const xml = builder.build({ '?xml': { [`${ATTR}version`]: '1.0', [`${ATTR}encoding`]: 'UTF-8' }, ...root }) as string;
  return xml.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/**
 * An `xsd:ID` (an XML NCName) made from an author's id: characters outside
 * `A-Z a-z 0-9 . - _` become `_`, and an id that does not start with a letter or `_`
 * (a digit, say) gets a prefix. Ids the loader accepts come out unchanged.
 */
export function toXmlId(id: string, prefix = 'id-'): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^[A-Za-z_]/.test(safe) ? safe : `${prefix}${safe}`;
}

/** A package path as a relative URI reference: each segment percent-encoded, `/` kept. */
export function fileHref(packagePath: string): string {
  return packagePath.split('/').map(encodeURIComponent).join('/');
}
