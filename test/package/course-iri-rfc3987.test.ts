/**
 * The course `iri` check follows RFC 3987 character by character, so whatever it accepts is a
 * valid `xs:anyURI` in cmi5.xml (checked against the official cmi5 CourseStructure.xsd with
 * libxml2, like an LMS importing the package) and reaches cmi5.xml and the page data unchanged.
 * Before, `[`, `]`, `%zz` made cmi5.xml schema-invalid, and control characters were dropped from
 * the XML but kept in the page data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { loadCourse } from '../../src/load/index.js';
import { buildCmi5Xml } from '../../src/package/targets/cmi5.js';
import { courseIriProblem } from '../../src/schema/course-iri.js';
import { hasOfficialCmi5Xsd } from '../support/official-schemas.js';
import { readZip } from '../write/zip-reader.js';
import { makeCourse } from './course-fixture.js';
import { OFFICIAL_CMI5, xmllintEach } from './xmllint.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
const courseIdIn = (xml: string) => (parser.parse(xml) as { courseStructure: { course: { id: string } } }).courseStructure.course.id;

describe('course IRI check (RFC 3987)', () => {
  it.each([
    ['https://example.org/a[1]', '`[` or `]` outside the brackets of an IPv6 address'],
    ['https://ex]ample.org/', '`[` or `]` outside'],
    ['https://[zz]/c', 'not an IPv6 address'],
    ['https://example.org/%zz', 'a `%` not followed by two hexadecimal digits'],
    ['https://example.org/%E0%A4%A', 'a `%` not followed by two hexadecimal digits'],
    ['https://example.org/a\u0007b', 'a control character (U+0007)'],
    ['https://example.org/a\u009bb', 'a control character (U+009B)'],
    ['https://example.org/a\u00a0b', 'a space'],
    ['https://example.org/a\u202eb', 'bidirectional formatting character'],
    ['https://example.org/\ue000', 'U+E000, a character IRIs do not allow'],
    ['https://example.org/a|b', '`|`, a character IRIs exclude'],
    ['https://example.org:8a/c', 'the port'],
    ['urn:a-:c', 'urn:<namespace>:<name>'],
  ])('refuses %j: %s', (iri, why) => {
    expect(courseIriProblem(iri)).toContain(why);
  });

  it.each([
    'https://[::1]/c',
    'https://[2001:db8::7]:8443/courses/',
    'https://user@example.org:80/c',
    "https://example.org/a&b'c(d)*+,;=:@~",
    'https://exemple.fr/parcours/coopération/%20/😀',
    'https://例え.テスト/コース',
    'urn:example:courses:intro/part-2',
  ])('accepts %j', (iri) => {
    expect(courseIriProblem(iri)).toBeUndefined();
  });

  it('reports INVALID_IRI with the reason at the `iri` line of course.yaml', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-iri-rfc-'));
    try {
      fs.cpSync(fileURLToPath(new URL('../fixtures/valid/minimal/', import.meta.url)), work, { recursive: true });
      fs.appendFileSync(path.join(work, 'course.yaml'), 'iri: "https://example.org/courses/[intro]"\n');
      const { diagnostics } = await loadCourse(work);
      expect(diagnostics).toMatchObject([{ code: 'INVALID_IRI', loc: { file: 'course.yaml', line: 8 }, message: expect.stringContaining('`[` or `]` outside') }]);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});

const iriChars = (extra: string[]) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...'abcXYZ019-._~!$&\'()*+,;='.split(''), ...extra, 'é', '中', '😀', 'ß'),
        fc.tuple(fc.constantFrom(...'0123456789abcdefABCDEF'), fc.constantFrom(...'0123456789abcdef')).map(([a, b]) => `%${a}${b}`),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));

/** Course IRIs written as the RFC allows: http(s) with a name, IPv4 or IPv6 host, port, path; or a URN. */
const validIri = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('https', 'http'),
      fc.option(iriChars([':']).map((user) => `${user}@`), { nil: '' }),
      fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6().map((ip) => `[${ip}]`), iriChars([]).filter((name) => name !== '')),
      fc.option(fc.integer({ min: 0, max: 65535 }).map((port) => `:${port}`), { nil: '' }),
      fc.array(iriChars([':', '@']), { maxLength: 4 }),
    )
    .map(([scheme, user, host, port, segments]) => `${scheme}://${user}${host}${port}${segments.map((s) => `/${s}`).join('')}`),
  fc
    .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$/), iriChars([':', '@']).filter((s) => s !== ''), fc.array(iriChars([':', '@']), { maxLength: 3 }))
    .map(([nid, first, rest]) => `urn:${nid}:${[first, ...rest].join('/')}`),
);

/** Paths with the characters that used to get through: brackets, stray `%`, controls, excluded ASCII. */
const hostileIri = fc
  .array(fc.constantFrom('a', 'é', '[', ']', '%', '2', 'z', 'F', '{', '}', '|', '\\', '^', '`', '<', '>', '"', ' ', '\u0007', '\u001b', '\u0085', '\ue000', '/', ':', '@'), { minLength: 1, maxLength: 10 })
  .map((chars) => `https://example.org/${chars.join('')}`);

describe.skipIf(!hasOfficialCmi5Xsd)('course IRIs against the official cmi5 schema', () => {
  it('makes a valid cmi5.xml from every IRI the check accepts, carrying it unchanged', async () => {
    const iris = fc.sample(validIri, { numRuns: 150, seed: 8_14 });
    for (const iri of iris) expect(courseIriProblem(iri), iri).toBeUndefined();
    const xmls = iris.map((iri) => buildCmi5Xml(makeCourse({ iri }), { masteryScore: true, cmi5AuPerStep: true }));
    const results = await xmllintEach(xmls, OFFICIAL_CMI5);
    results.forEach((result, i) => expect(result, iris[i]).toMatchObject({ status: 0 }));
    xmls.forEach((xml, i) => expect(courseIdIn(xml)).toBe(iris[i]));
  });

  it('refuses every hostile IRI the schema refuses (and whatever it would change)', async () => {
    const iris = [...new Set(fc.sample(hostileIri, { numRuns: 300, seed: 14 }))];
    const xmls = iris.map((iri) => buildCmi5Xml(makeCourse({ iri }), { masteryScore: true }));
    const results = await xmllintEach(xmls, OFFICIAL_CMI5);
    const accepted = iris.filter((iri) => courseIriProblem(iri) === undefined);
    expect(accepted.length).toBeGreaterThan(0);
    expect(iris.length - accepted.length).toBeGreaterThan(0);
    iris.forEach((iri, i) => {
      if (results[i]!.status !== 0) expect(courseIriProblem(iri), `${JSON.stringify(iri)} is schema-invalid`).toBeDefined();
      if (courseIriProblem(iri) === undefined) expect(courseIdIn(xmls[i]!), JSON.stringify(iri)).toBe(iri);
    });
  });
});

describe('the course IRI in a cmi5 package', () => {
  const iri = "https://exemple.fr/parcours/coopération/a&b'c(d)/%20/😀";
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-iri-pkg-'));
    fs.cpSync(fileURLToPath(new URL('../fixtures/valid/minimal/', import.meta.url)), path.join(work, 'course'), { recursive: true });
    fs.appendFileSync(path.join(work, 'course', 'course.yaml'), `iri: ${JSON.stringify(iri)}\n`);
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('is the same in cmi5.xml and in the page data as in course.yaml', async () => {
    const result = await build({ courseDir: path.join(work, 'course'), targets: ['cmi5'], options: { outDir: path.join(work, 'dist') } });
    expect(result.ok).toBe(true);
    const entries = readZip(result.packages[0]!.zipPath);
    const text = (name: string) => entries.find((e) => e.name === name)!.data().toString('utf8');
    const structure = text('cmi5.xml');
    expect(courseIdIn(structure)).toBe(iri);
    const data = JSON.parse(/<script type="application\/json" id="parcours-data">([\s\S]*?)<\/script>/.exec(text('index.html'))![1]!) as { iri?: string };
    expect(data.iri).toBe(iri);
    if (hasOfficialCmi5Xsd) expect((await xmllintEach([structure], OFFICIAL_CMI5))[0]).toMatchObject({ status: 0 });
  });
});
