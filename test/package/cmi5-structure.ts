/**
 * The tests' own check of a cmi5 course structure (cmi5.xml), written from the cmi5 specification
 * §13.1 (requirements cmi5_13_1_*) and the element layout of its CourseStructure.xsd (§13.2): the
 * official XSD is not kept in this repository (../shared/schemas has it on CI, and the tests use it
 * there too). Each problem names the requirement it breaks and where:
 *
 *   checkCmi5Structure(xml) → []                                    valid
 *                           → ['cmi5_13_1_4_5 au[1] launchMethod "Popup" is not one of AnyWindow, OwnWindow']
 *
 * Elements outside the cmi5 namespace (vendor extensions, §13.1.5) are allowed where the XSD allows
 * them (after the cmi5 children) and not checked further.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
export const MOVE_ON_VALUES = ['NotApplicable', 'Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed'] as const;
export const LAUNCH_METHOD_VALUES = ['AnyWindow', 'OwnWindow'] as const;

export interface Cmi5CheckOptions {
  /** cmi5.xml inside a zip package: AU URLs must be relative (§14.1); without a zip, absolute (§14.2). */
  inZip?: boolean;
}

interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  text: string;
  /** Prefixes bound on this element or above it: prefix ('' for the default) → namespace. */
  namespaces: Map<string, string>;
}

/** An IRI with a scheme and no spaces (RFC 3987's absolute IRI, checked loosely). */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
/** xs:language. */
const LANGUAGE = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;
/** xs:decimal's lexical form. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const ABSOLUTE_URL = /^[A-Za-z][A-Za-z0-9+.-]*:/;

type Raw = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: false, processEntities: true });

function toElement(raw: Raw, inherited: Map<string, string>): XmlElement {
  const name = Object.keys(raw).find((key) => key !== ':@')!;
  const attributes = new Map(Object.entries((raw[':@'] as Record<string, string> | undefined) ?? {}));
  const namespaces = new Map(inherited);
  for (const [key, value] of attributes) {
    if (key === 'xmlns') namespaces.set('', value);
    else if (key.startsWith('xmlns:')) namespaces.set(key.slice(6), value);
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of raw[name] as Raw[]) {
    if ('#text' in child) text += String(child['#text']);
    else if (!('?xml' in child) && !('#comment' in child)) children.push(toElement(child, namespaces));
  }
  return { name, attributes, children, text, namespaces };
}

/** The element's namespace, from its prefix. */
function namespaceOf(element: XmlElement): string | undefined {
  const colon = element.name.indexOf(':');
  return element.namespaces.get(colon < 0 ? '' : element.name.slice(0, colon));
}

const localName = (element: XmlElement) => element.name.slice(element.name.indexOf(':') + 1);

export function checkCmi5Structure(xml: string, { inZip = true }: Cmi5CheckOptions = {}): string[] {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`cmi5_13_2_1 not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  const top = (parser.parse(xml) as Raw[]).filter((node) => !('?xml' in node) && !('#comment' in node) && !('#text' in node));
  const problems: string[] = [];
  const problem = (rule: string, where: string, what: string) => problems.push(`${rule} ${where} ${what}`);
  /** AU and block ids: unique within the course structure (cmi5_13_1_2_1, cmi5_13_1_4_1). */
  const memberIds = new Map<string, string>();
  const objectiveIds = new Map<string, string>();
  const objectiveRefs: Array<{ where: string; idref: string; rule: string }> = [];

  const isCmi5 = (element: XmlElement) => namespaceOf(element) === CMI5_NAMESPACE;

  /**
   * Checks `element`'s children against `expected` (in order; `min`/`max` occurrences), then allows
   * only elements of other namespaces; returns the children matched per name.
   */
  function sequence(element: XmlElement, where: string, rule: string, expected: Array<{ names: string[]; min: number; max: number }>): XmlElement[][] {
    const matched: XmlElement[][] = expected.map(() => []);
    let step = 0;
    for (const child of element.children) {
      if (!isCmi5(child)) {
        if (namespaceOf(child) === undefined) problem(rule, where, `<${child.name}> uses an undeclared prefix`);
        continue; // vendor extension (§13.1.5)
      }
      while (step < expected.length && (!expected[step]!.names.includes(localName(child)) || matched[step]!.length >= expected[step]!.max)) step++;
      if (step >= expected.length) {
        problem(rule, where, `<${localName(child)}> is not allowed here (expected ${expected.map((e) => e.names.join('|')).join(', ')} in that order)`);
        return matched;
      }
      matched[step]!.push(child);
    }
    expected.forEach((entry, i) => {
      if (matched[i]!.length < entry.min) problem(rule, where, `lacks <${entry.names.join('> or <')}>`);
    });
    return matched;
  }

  /** Only the listed attributes without a prefix; prefixed ones are extensions. */
  function attributes(element: XmlElement, where: string, allowed: string[]): void {
    for (const key of element.attributes.keys()) {
      if (key === 'xmlns' || key.includes(':')) continue;
      if (!allowed.includes(key)) problem('cmi5_13_2_1', where, `has an attribute "${key}" the course structure does not define`);
    }
  }

  /** The IRI in `attribute`; when `unique` is given, no other element registered there has it. */
  function iri(element: XmlElement, where: string, rule: string, attribute: string, unique?: Map<string, string>): string | undefined {
    const value = element.attributes.get(attribute)?.trim();
    if (value === undefined) problem(rule, where, `lacks its ${attribute} attribute`);
    else if (!IRI.test(value)) problem(rule, where, `${attribute} "${value}" is not an IRI`);
    else if (unique) {
      const other = unique.get(value);
      if (other) problem(rule, where, `${attribute} "${value}" is already the ${attribute} of ${other}`);
      else unique.set(value, where);
    }
    return value;
  }

  /** textType: one or more langstring, each with text and an optional xs:language. */
  function text(element: XmlElement | undefined, where: string, rule: string): void {
    if (!element) return;
    attributes(element, where, []);
    const [langstrings] = sequence(element, where, rule, [{ names: ['langstring'], min: 1, max: Infinity }]);
    langstrings!.forEach((langstring, i) => {
      const at = `${where}/langstring[${i + 1}]`;
      attributes(langstring, at, ['lang']);
      const lang = langstring.attributes.get('lang');
      if (lang !== undefined && !LANGUAGE.test(lang)) problem(rule, at, `lang "${lang}" is not a language tag`);
      if (langstring.children.length > 0) problem(rule, at, 'holds elements; it holds text only');
      if (langstring.text.trim() === '') problem(rule, at, 'is empty');
    });
  }

  function objectiveReferences(element: XmlElement | undefined, where: string, rule: string): void {
    if (!element) return;
    attributes(element, where, []);
    const [objectives] = sequence(element, where, rule, [{ names: ['objective'], min: 1, max: Infinity }]);
    objectives!.forEach((objective, i) => {
      const at = `${where}/objective[${i + 1}]`;
      attributes(objective, at, ['idref']);
      const idref = iri(objective, at, rule, 'idref');
      if (idref !== undefined) objectiveRefs.push({ where: at, idref, rule });
    });
  }

  const counters = { au: 0, block: 0 };
  function member(element: XmlElement, parent: string): void {
    const kind = localName(element) as 'au' | 'block';
    const where = `${parent}${kind}[${++counters[kind]}]`;
    if (kind === 'block') {
      attributes(element, where, ['id']);
      iri(element, where, 'cmi5_13_1_2_1', 'id', memberIds);
      const [title, description, objectives, members] = sequence(element, where, 'cmi5_13_2_1', [
        { names: ['title'], min: 1, max: 1 },
        { names: ['description'], min: 1, max: 1 },
        { names: ['objectives'], min: 0, max: 1 },
        { names: ['au', 'block'], min: 1, max: Infinity },
      ]);
      if (!title![0]) problem('cmi5_13_1_2_2', where, 'has no title');
      if (!description![0]) problem('cmi5_13_1_2_3', where, 'has no description');
      text(title![0], `${where}/title`, 'cmi5_13_1_2_2');
      text(description![0], `${where}/description`, 'cmi5_13_1_2_3');
      objectiveReferences(objectives![0], `${where}/objectives`, 'cmi5_13_1_2_4');
      for (const child of members!) member(child, `${where}/`);
      return;
    }
    attributes(element, where, ['id', 'moveOn', 'masteryScore', 'launchMethod', 'activityType']);
    iri(element, where, 'cmi5_13_1_4_1', 'id', memberIds);
    const moveOn = element.attributes.get('moveOn');
    if (moveOn !== undefined && !(MOVE_ON_VALUES as readonly string[]).includes(moveOn)) {
      problem('cmi5_13_1_4_6', where, `moveOn "${moveOn}" is not one of ${MOVE_ON_VALUES.join(', ')}`);
    }
    const launchMethod = element.attributes.get('launchMethod');
    if (launchMethod !== undefined && !(LAUNCH_METHOD_VALUES as readonly string[]).includes(launchMethod)) {
      problem('cmi5_13_1_4_5', where, `launchMethod "${launchMethod}" is not one of ${LAUNCH_METHOD_VALUES.join(', ')}`);
    }
    const masteryScore = element.attributes.get('masteryScore');
    if (masteryScore !== undefined && (!DECIMAL.test(masteryScore) || Number(masteryScore) < 0 || Number(masteryScore) > 1)) {
      problem('cmi5_13_1_4_6', where, `masteryScore "${masteryScore}" is not a decimal from 0 to 1`);
    }
    const [title, description, objectives, url] = sequence(element, where, 'cmi5_13_2_1', [
      { names: ['title'], min: 1, max: 1 },
      { names: ['description'], min: 1, max: 1 },
      { names: ['objectives'], min: 0, max: 1 },
      { names: ['url'], min: 1, max: 1 },
      { names: ['launchParameters'], min: 0, max: 1 },
      { names: ['entitlementKey'], min: 0, max: 1 },
    ]);
    if (!title![0]) problem('cmi5_13_1_4_2', where, 'has no title');
    if (!description![0]) problem('cmi5_13_1_4_3', where, 'has no description');
    text(title![0], `${where}/title`, 'cmi5_13_1_4_2');
    text(description![0], `${where}/description`, 'cmi5_13_1_4_3');
    objectiveReferences(objectives![0], `${where}/objectives`, 'cmi5_13_1_4_4');
    const launch = url![0]?.text.trim();
    if (url![0] && !launch) problem('cmi5_13_1_4_7', `${where}/url`, 'is empty');
    else if (launch && /\s/.test(launch)) problem('cmi5_13_1_4_7', `${where}/url`, `"${launch}" holds spaces (not a URL)`);
    else if (launch && inZip && ABSOLUTE_URL.test(launch)) problem('cmi5_14_1_4', `${where}/url`, `"${launch}" is absolute; media inside the zip use relative URLs`);
    else if (launch && !inZip && !ABSOLUTE_URL.test(launch)) problem('cmi5_14_2_1', `${where}/url`, `"${launch}" is relative; without a zip, URLs are fully qualified`);
  }

  if (top.length !== 1) return [`cmi5_13_2_1 document has ${top.length} root elements`];
  const root = toElement(top[0]!, new Map());
  if (localName(root) !== 'courseStructure' || !isCmi5(root)) {
    return [`cmi5_13_2_1 root is <${root.name}> in namespace ${namespaceOf(root) ?? '(none)'}, not <courseStructure> in ${CMI5_NAMESPACE}`];
  }
  attributes(root, 'courseStructure', []);
  const [course, objectives, members] = sequence(root, 'courseStructure', 'cmi5_13_2_1', [
    { names: ['course'], min: 1, max: 1 },
    { names: ['objectives'], min: 0, max: 1 },
    { names: ['au', 'block'], min: 1, max: Infinity },
  ]);
  if (course![0]) {
    const where = 'course';
    attributes(course![0], where, ['id']);
    iri(course![0], where, 'cmi5_13_1_1_1', 'id');
    const [title, description] = sequence(course![0], where, 'cmi5_13_2_1', [
      { names: ['title'], min: 1, max: 1 },
      { names: ['description'], min: 1, max: 1 },
    ]);
    text(title![0], `${where}/title`, 'cmi5_13_1_1_2');
    text(description![0], `${where}/description`, 'cmi5_13_1_1_3');
  }
  if (objectives![0]) {
    attributes(objectives![0], 'objectives', []);
    const [list] = sequence(objectives![0], 'objectives', 'cmi5_13_1_3_1', [{ names: ['objective'], min: 1, max: Infinity }]);
    list!.forEach((objective, i) => {
      const where = `objectives/objective[${i + 1}]`;
      attributes(objective, where, ['id']);
      iri(objective, where, 'cmi5_13_1_3_2', 'id', objectiveIds);
      // xs:all: title and description once each, in either order.
      const cmi5Children = objective.children.filter(isCmi5);
      const titles = cmi5Children.filter((c) => localName(c) === 'title');
      const descriptions = cmi5Children.filter((c) => localName(c) === 'description');
      if (titles.length !== 1) problem('cmi5_13_1_3_3', where, `has ${titles.length} titles; it needs one`);
      if (descriptions.length !== 1) problem('cmi5_13_1_3_4', where, `has ${descriptions.length} descriptions; it needs one`);
      for (const other of cmi5Children.filter((c) => !['title', 'description'].includes(localName(c)))) {
        problem('cmi5_13_2_1', where, `<${localName(other)}> is not allowed here`);
      }
      text(titles[0], `${where}/title`, 'cmi5_13_1_3_3');
      text(descriptions[0], `${where}/description`, 'cmi5_13_1_3_4');
    });
  }
  for (const child of members!) member(child, '');
  for (const ref of objectiveRefs) {
    if (!objectiveIds.has(ref.idref)) problem(ref.rule, ref.where, `idref "${ref.idref}" names no objective of the course`);
  }
  return problems;
}
