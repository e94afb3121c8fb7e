/**
 * Manifests as element trees: well-formedness with a line, then elements with their names as
 * written (prefix included: Moodle matches names literally) and by local name.
 * fast-xml-parser bounds entity expansion by default, so a hostile DTD cannot blow it up.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  /** As written, prefix included (`adlcp:masteryscore`). */
  name: string;
  /** Without the prefix (`masteryscore`). */
  local: string;
  prefix: string;
  /** Attributes by name as written. */
  attrs: Map<string, string>;
  children: XmlElement[];
  /** Text directly inside, trimmed. */
  text: string;
}

export type ParsedXml = { ok: true; root: XmlElement } | { ok: false; reason: string; line?: number };

/** Text of a manifest: UTF-8 (what every tool writes), its byte-order mark dropped. */
export function decodeXml(bytes: Buffer): string {
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

export function parseXml(text: string): ParsedXml {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) return { ok: false, reason: valid.err.msg, line: valid.err.line };
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  let nodes: OrderedNode[];
  try {
    // The parser refuses more than 100 nested elements (a manifest has about 10), which also
    // bounds the recursion below.
    nodes = parser.parse(text) as OrderedNode[];
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const roots = nodes.map(toElement).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) return { ok: false, reason: roots.length === 0 ? 'no root element' : 'more than one root element' };
  return { ok: true, root: roots[0]! };
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '#comment' && !k.startsWith('?') && !k.startsWith('!'));
  if (name === undefined) return undefined;
  const content = (node[name] as OrderedNode[]) ?? [];
  const colon = name.indexOf(':');
  return {
    name,
    local: colon < 0 ? name : name.slice(colon + 1),
    prefix: colon < 0 ? '' : name.slice(0, colon),
    attrs: new Map(Object.entries(node[':@'] ?? {}).map(([k, v]) => [k, String(v)])),
    children: content.map(toElement).filter((e): e is XmlElement => e !== undefined),
    text: content.flatMap((c) => (typeof c['#text'] === 'string' || typeof c['#text'] === 'number' ? [String(c['#text'])] : [])).join('').trim(),
  };
}

/** Children by local name. */
export function childrenNamed(element: XmlElement | undefined, local: string): XmlElement[] {
  return element ? element.children.filter((c) => c.local === local) : [];
}

export function childNamed(element: XmlElement | undefined, local: string): XmlElement | undefined {
  return element?.children.find((c) => c.local === local);
}

/** Every element below `element` (itself included), depth first. */
export function* descendants(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* descendants(child);
}

/** An attribute by local name, whatever its prefix (`scormtype`, `adlcp:scormtype`). */
export function attrByLocal(element: XmlElement, local: string): { name: string; value: string } | undefined {
  for (const [name, value] of element.attrs) {
    if ((name.includes(':') ? name.slice(name.indexOf(':') + 1) : name) === local) return { name, value };
  }
  return undefined;
}

/** Namespaces declared on `element` (`''` for the default one), by prefix. */
export function namespaces(element: XmlElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of element.attrs) {
    if (name === 'xmlns') out.set('', value);
    else if (name.startsWith('xmlns:')) out.set(name.slice(6), value);
  }
  return out;
}

/**
 * The line of `attr="value"` in `text` (1-based), for pointing at the element a finding is
 * about; undefined when it cannot be found as written (escaped characters, or not unique
 * enough to matter).
 */
export function lineOf(text: string, attr: string, value: string): number | undefined {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`\\b${attr}\\s*=\\s*(["'])${escaped}\\1`).exec(text);
  return match ? text.slice(0, match.index).split('\n').length : undefined;
}

/** The line of the first `<local` or `<prefix:local` element in `text`. */
export function lineOfElement(text: string, local: string): number | undefined {
  const match = new RegExp(`<(?:[\\w.-]+:)?${local}[\\s>/]`).exec(text);
  return match ? text.slice(0, match.index).split('\n').length : undefined;
}
