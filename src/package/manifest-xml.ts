/**
 * Helpers every XML manifest (imsmanifest.xml, cmi5.xml, tincan.xml) needs: one builder
 * configuration, XML-safe identifiers, and file references as URIs.
 */
import { createRequire } from 'node:module';
import type { XMLBuilder } from 'fast-xml-parser';

/** Attribute keys in the objects given to `buildXml` start with this prefix. */
export const ATTR = '@_';

let builder: XMLBuilder | undefined;

/**
 * fast-xml-parser is loaded on first use, not when this module is imported: the target
 * registry imports the targets, and the CLI imports the registry for `--help`, which should
 * start fast. (require() of its CommonJS build keeps `buildXml` synchronous.)
 */
function xmlBuilder(): XMLBuilder {
  if (!builder) {
    const { XMLBuilder: Builder } = createRequire(import.meta.url)('fast-xml-parser') as typeof import('fast-xml-parser');
    builder = new Builder({
      ignoreAttributes: false,
      attributeNamePrefix: ATTR,
      format: true,
      indentBy: '  ',
      suppressEmptyNode: true,
      suppressBooleanAttributes: false,
    });
  }
  return builder;
}

/**
 * Serialises a fast-xml-parser object tree with a UTF-8 declaration. The builder escapes
 * `& < > " '` in text and attributes; characters XML 1.0 forbids (C0 controls) are removed.
 */
export function buildXml(root: Record<string, unknown>): string {
  const xml = xmlBuilder().build({ '?xml': { [`${ATTR}version`]: '1.0', [`${ATTR}encoding`]: 'UTF-8' }, ...root }) as string;
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
