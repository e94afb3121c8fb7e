/**
 * The tests' own cmi5.xml check (cmi5-structure.ts) against documents known valid and invalid: it
 * must accept every valid one and name the broken requirement of every invalid one. Where the
 * official CourseStructure.xsd lies beside the clone (../shared/schemas, CI), both checks must agree
 * on everything the XSD can express.
 */
import { describe, expect, it } from 'vitest';
import { hasOfficialCmi5Xsd } from '../support/official-schemas.js';
import { checkCmi5Structure } from './cmi5-structure.js';
import { OFFICIAL_CMI5, xmllint, xmllintEach } from './xmllint.js';

const NS = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
const text = (s: string) => `<langstring lang="en-US">${s}</langstring>`;

/** Every part of the course structure: objectives, nested blocks, AU options, vendor extensions. */
const FULL = `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="${NS}" xmlns:v="https://vendor.example/ext">
  <course id="https://example.org/course">
    <title>${text('Course')}<langstring lang="fr">Cours</langstring></title>
    <description>${text('All of it')}</description>
    <v:note>vendor data</v:note>
  </course>
  <objectives>
    <objective id="https://example.org/objective/1"><description>${text('First')}</description><title>${text('One')}</title></objective>
    <objective id="https://example.org/objective/2"><title>${text('Two')}</title><description>${text('Second')}</description></objective>
  </objectives>
  <block id="https://example.org/block/1" v:flag="x">
    <title>${text('Block')}</title>
    <description>${text('A block')}</description>
    <objectives><objective idref="https://example.org/objective/1"/></objectives>
    <au id="https://example.org/au/1" moveOn="CompletedOrPassed" masteryScore="0.75" launchMethod="OwnWindow" activityType="https://example.org/type">
      <title>${text('AU one')}</title>
      <description>${text('First AU')}</description>
      <objectives><objective idref="https://example.org/objective/2"/></objectives>
      <url>au1/index.html?lang=en</url>
      <launchParameters>{"level":1}</launchParameters>
      <entitlementKey>key-1</entitlementKey>
    </au>
    <block id="https://example.org/block/2">
      <title>${text('Inner')}</title>
      <description>${text('Inner block')}</description>
      <au id="https://example.org/au/2"><title>${text('AU two')}</title><description>${text('Second AU')}</description><url>au2.html</url></au>
    </block>
  </block>
  <au id="https://example.org/au/3" moveOn="NotApplicable" masteryScore="1" launchMethod="AnyWindow">
    <title>${text('AU three')}</title><description>${text('Third')}</description><url>au3.html</url>
  </au>
  <v:trailer/>
</courseStructure>`;

/** The smallest valid document: a course and one AU with its required parts. */
const MINIMAL = `<courseStructure xmlns="${NS}"><course id="urn:x:c"><title>${text('C')}</title><description>${text('D')}</description></course><au id="urn:x:au"><title>${text('A')}</title><description>${text('B')}</description><url>index.html</url></au></courseStructure>`;

const replace = (from: string | RegExp, to: string, doc = FULL) => {
  const out = doc.replace(from, to);
  if (out === doc) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return out;
};

/** [what is wrong, document, requirement the check must name, whether the XSD can see it too]. */
const INVALID: Array<[string, string, string, boolean]> = [
  ['not well-formed', replace('</course>', ''), 'cmi5_13_2_1', true],
  ['wrong root element', replace(/courseStructure/g, 'course-structure'), 'cmi5_13_2_1', true],
  ['wrong namespace', replace(`xmlns="${NS}"`, 'xmlns="https://example.org/other"'), 'cmi5_13_2_1', true],
  ['no course element', replace(/<course id[\s\S]*?<\/course>/, ''), 'cmi5_13_2_1', true],
  ['course without id', replace('<course id="https://example.org/course">', '<course>'), 'cmi5_13_1_1_1', true],
  ['course id not an IRI', replace('<course id="https://example.org/course">', '<course id="my course">'), 'cmi5_13_1_1_1', false],
  ['course without title', replace(/(<course id[^>]*>\s*)<title>.*?<\/title>/, '$1'), 'cmi5_13_2_1', true],
  ['course title without langstring', replace(/(<course id[^>]*>\s*)<title>.*?<\/title>/, '$1<title></title>'), 'cmi5_13_1_1_2', true],
  ['empty course description', replace(text('All of it'), '<langstring lang="en"> </langstring>'), 'cmi5_13_1_1_3', false],
  ['langstring with a bad language tag', replace('<langstring lang="fr">', '<langstring lang="fr_FR">'), 'cmi5_13_1_1_2', true],
  ['no AU or block', replace(/<block id="https:\/\/example.org\/block\/1"[\s\S]*<\/au>\s*<v:trailer\/>/, '<v:trailer/>'), 'cmi5_13_2_1', true],
  ['objectives after the AUs', replace(/(<objectives>[\s\S]*?<\/objectives>)([\s\S]*)(<v:trailer\/>)/, '$2$1$3'), 'cmi5_13_2_1', true],
  ['empty course objectives', replace(/<objectives>\s*<objective id[\s\S]*?<\/objectives>/, '<objectives></objectives>'), 'cmi5_13_1_3_1', true],
  ['objective without id', replace('<objective id="https://example.org/objective/2">', '<objective>'), 'cmi5_13_1_3_2', true],
  ['objective without description', replace(`<description>${text('Second')}</description>`, ''), 'cmi5_13_1_3_4', true],
  ['two objectives with one id', replace('objective/2"><title>', 'objective/1"><title>'), 'cmi5_13_1_3_2', false],
  ['block without id', replace('<block id="https://example.org/block/2">', '<block>'), 'cmi5_13_1_2_1', true],
  ['block without description', replace(`<description>${text('A block')}</description>`, ''), 'cmi5_13_2_1', true],
  ['block without members', replace(/<au id="https:\/\/example.org\/au\/2">.*?<\/au>/, ''), 'cmi5_13_2_1', true],
  ['block objective reference to nothing', replace('<objective idref="https://example.org/objective/1"/>', '<objective idref="https://example.org/objective/9"/>'), 'cmi5_13_1_2_4', false],
  ['block id reused', replace('block/2"', 'block/1"'), 'cmi5_13_1_2_1', false],
  ['AU without id', replace('<au id="https://example.org/au/2">', '<au>'), 'cmi5_13_1_4_1', true],
  ['AU id reused', replace('au/3"', 'au/1"'), 'cmi5_13_1_4_1', false],
  ['AU id same as a block id', replace('au/3"', 'block/2"'), 'cmi5_13_1_4_1', false],
  ['AU without url', replace('<url>au3.html</url>', ''), 'cmi5_13_2_1', true],
  ['AU with an empty url', replace('<url>au3.html</url>', '<url></url>'), 'cmi5_13_1_4_7', true],
  ['AU url absolute inside a zip', replace('<url>au3.html</url>', '<url>https://cdn.example.org/au3.html</url>'), 'cmi5_14_1_4', false],
  ['AU without title', replace(/<title><langstring lang="en-US">AU three<\/langstring><\/title>/, ''), 'cmi5_13_2_1', true],
  ['AU parts out of order', replace('<launchParameters>{"level":1}</launchParameters>\n      <entitlementKey>key-1</entitlementKey>', '<entitlementKey>key-1</entitlementKey><launchParameters>{"level":1}</launchParameters>'), 'cmi5_13_2_1', true],
  ['AU url before its description', replace(`<description>${text('Third')}</description><url>au3.html</url>`, `<url>au3.html</url><description>${text('Third')}</description>`), 'cmi5_13_2_1', true],
  ['moveOn outside its vocabulary', replace('moveOn="CompletedOrPassed"', 'moveOn="Passed-or-not"'), 'cmi5_13_1_4_6', true],
  ['moveOn in the wrong case', replace('moveOn="NotApplicable"', 'moveOn="notapplicable"'), 'cmi5_13_1_4_6', true],
  ['launchMethod outside its vocabulary', replace('launchMethod="OwnWindow"', 'launchMethod="Popup"'), 'cmi5_13_1_4_5', true],
  ['masteryScore above 1', replace('masteryScore="0.75"', 'masteryScore="80"'), 'cmi5_13_1_4_6', true],
  ['masteryScore below 0', replace('masteryScore="0.75"', 'masteryScore="-0.1"'), 'cmi5_13_1_4_6', true],
  ['masteryScore not a decimal', replace('masteryScore="0.75"', 'masteryScore="75%"'), 'cmi5_13_1_4_6', true],
  ['unknown attribute on an AU', replace('<au id="https://example.org/au/2">', '<au id="https://example.org/au/2" launchmethod="OwnWindow">'), 'cmi5_13_2_1', true],
  ['unknown cmi5 element in an AU', replace('<url>au2.html</url>', '<url>au2.html</url><duration>PT5M</duration>'), 'cmi5_13_2_1', true],
];

describe('the cmi5 course structure check', () => {
  it.each([
    ['every part of the course structure', FULL],
    ['the smallest course structure', MINIMAL],
  ])('accepts %s', (_, xml) => {
    expect(checkCmi5Structure(xml)).toEqual([]);
  });

  it.each(INVALID)('rejects a document with %s, naming the requirement', (_, xml, rule) => {
    const problems = checkCmi5Structure(xml);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(rule);
  });

  it('wants absolute AU URLs for a course structure without a zip (cmi5_14_2_1)', () => {
    expect(checkCmi5Structure(MINIMAL, { inZip: false }).join('\n')).toContain('cmi5_14_2_1');
    expect(checkCmi5Structure(MINIMAL.replace('index.html', 'https://example.org/index.html'), { inZip: false })).toEqual([]);
  });

  it('says where the problem is', () => {
    expect(checkCmi5Structure(replace('launchMethod="OwnWindow"', 'launchMethod="Popup"'))).toEqual([
      'cmi5_13_1_4_5 block[1]/au[1] launchMethod "Popup" is not one of AnyWindow, OwnWindow',
    ]);
  });
});

describe.runIf(hasOfficialCmi5Xsd)('the official CourseStructure.xsd (../shared/schemas) agrees', () => {
  it.each([
    ['every part', FULL],
    ['the smallest', MINIMAL],
  ])('accepts %s', async (_, xml) => {
    expect(await xmllint(xml, OFFICIAL_CMI5)).toMatchObject({ status: 0 });
  });

  it('rejects every invalid document it can express, as the own check does', async () => {
    const seen = INVALID.filter(([, , , xsdSees]) => xsdSees);
    const results = await xmllintEach(seen.map(([, xml]) => xml), OFFICIAL_CMI5);
    const accepted = seen.filter((_, i) => results[i]!.status === 0).map(([what]) => what);
    expect(accepted).toEqual([]);
  });

  it('lets through the faults only the own check finds (rules beyond what an XSD can say)', async () => {
    // Uniqueness, references, IRIs, relative URLs: the XSD lets them through, the own check does not.
    const beyond = INVALID.filter(([, , , xsdSees]) => !xsdSees);
    const results = await xmllintEach(beyond.map(([, xml]) => xml), OFFICIAL_CMI5);
    expect(results.map((r) => r.status)).toEqual(beyond.map(() => 0));
  });
});
