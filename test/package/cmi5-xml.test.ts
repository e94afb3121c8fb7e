/**
 * cmi5.xml (cmi5 spec §13–§14): valid by the course structure rules (the tests' own check,
 * cmi5-structure.ts, and the official CourseStructure.xsd where ../shared/schemas lies beside the
 * clone) with one AU or one AU per step; moveOn and masteryScore from the course's rules; AU ids
 * unique IRIs under the course IRI; titles and descriptions in the course language.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Course, Step } from '../../src/model/course.js';
import { buildCmi5Xml, cmi5, cmi5Aus, CMI5_FILE, masteryScoreOf } from '../../src/package/targets/cmi5.js';
import type { BuildOptions, PackageFile } from '../../src/package/target.js';
import { makeCourse, quiz, sheet } from './course-fixture.js';
import { hasOfficialCmi5Xsd } from '../support/official-schemas.js';
import { checkCmi5Structure } from './cmi5-structure.js';
import { OFFICIAL_CMI5, xmllint } from './xmllint.js';

/** The own check always; the official XSD too where it lies beside the clone. */
async function expectValidCmi5(xml: string): Promise<void> {
  expect(checkCmi5Structure(xml)).toEqual([]);
  if (hasOfficialCmi5Xsd) expect(await xmllint(xml, OFFICIAL_CMI5)).toMatchObject({ status: 0 });
}

async function expectInvalidCmi5(xml: string, rule: string): Promise<void> {
  expect(checkCmi5Structure(xml).join('\n')).toContain(rule);
  if (hasOfficialCmi5Xsd) expect((await xmllint(xml, OFFICIAL_CMI5)).status).not.toBe(0);
}
const defaults: Pick<BuildOptions, 'masteryScore' | 'cmi5AuPerStep'> = { masteryScore: true };

const loc = { file: 'steps/02.yaml', line: 1, column: 1 };
const ungradedStep: Step = { id: 'typologie', title: 'La typologie des partenariats', duration: '15 min', activities: [sheet('typologie-fiche')], loc };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'au' || name === 'langstring' });
const parse = (xml: string) => (parser.parse(xml) as { courseStructure: Record<string, any> }).courseStructure;

describe('cmi5.xml', () => {
  it('is a valid cmi5 course structure, with one AU for the course', async () => {
    const xml = buildCmi5Xml(makeCourse(), defaults);
    await expectValidCmi5(xml);
    const structure = parse(xml);
    expect(structure.xmlns).toBe('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
    expect(structure.course.id).toBe('https://parcours.invalid/courses/valorisez-cooperation');
    expect(structure.course.title.langstring).toEqual([{ lang: 'fr', '#text': 'Valorisez vos pratiques de coopération' }]);
    expect(structure.au).toEqual([
      {
        id: 'https://parcours.invalid/courses/valorisez-cooperation/au',
        moveOn: 'CompletedAndPassed',
        masteryScore: '0.8',
        launchMethod: 'AnyWindow',
        title: { langstring: [{ lang: 'fr', '#text': 'Valorisez vos pratiques de coopération' }] },
        description: { langstring: [{ lang: 'fr', '#text': 'Un parcours' }] },
        url: 'index.html',
      },
    ]);
  });

  it('is valid with one AU per step, each opening its step, with unique ids under the course IRI', async () => {
    const course = makeCourse({ iri: 'https://formation.example.org/parcours/cooperation/', language: 'en' });
    course.steps.push(ungradedStep);
    const xml = buildCmi5Xml(course, { masteryScore: true, cmi5AuPerStep: true });
    await expectValidCmi5(xml);
    const aus = parse(xml).au;
    expect(aus.map((au: any) => [au.id, au.url, au.moveOn, au.masteryScore])).toEqual([
      ['https://formation.example.org/parcours/cooperation/au/enjeux', 'index.html?step=enjeux', 'CompletedAndPassed', '0.8'],
      ['https://formation.example.org/parcours/cooperation/au/typologie', 'index.html?step=typologie', 'Completed', undefined],
    ]);
    expect(aus[1].title.langstring).toEqual([{ lang: 'en', '#text': 'La typologie des partenariats' }]);
    expect(parse(xml).course.id).toBe('https://formation.example.org/parcours/cooperation/');
  });

  it('fails the check when a required part is missing or a value is out of range (the check can fail)', async () => {
    const xml = buildCmi5Xml(makeCourse(), defaults);
    await expectInvalidCmi5(xml.replace(/<url>index.html<\/url>/, ''), 'cmi5_13_2_1');
    await expectInvalidCmi5(xml.replace('moveOn="CompletedAndPassed"', 'moveOn="Passed-or-not"'), 'cmi5_13_1_4_6');
    await expectInvalidCmi5(xml.replace('masteryScore="0.8"', 'masteryScore="80"'), 'cmi5_13_1_4_6');
  });

  it('escapes the author’s text and falls back to the title when the course has no description', async () => {
    const course = makeCourse({ title: 'Risques & <bonnes> pratiques', description: '  ' });
    const xml = buildCmi5Xml(course, defaults);
    await expectValidCmi5(xml);
    expect(xml).toContain('Risques &amp; &lt;bonnes&gt; pratiques');
    expect(parse(xml).course.description.langstring[0]['#text']).toBe('Risques & <bonnes> pratiques');
  });
});

describe('moveOn and masteryScore from the course rules', () => {
  it('a course without quizzes moves on when completed, with no mastery score', () => {
    const course = makeCourse({ steps: [ungradedStep] });
    expect(cmi5Aus(course, defaults)).toEqual([expect.objectContaining({ moveOn: 'Completed' })]);
    expect(cmi5Aus(course, defaults)[0]).not.toHaveProperty('masteryScore');
  });

  it('writes the passing score as 0–1 with at most 4 decimals', async () => {
    expect(masteryScoreOf(80)).toBe(0.8);
    expect(masteryScoreOf(66.666)).toBe(0.6667);
    expect(masteryScoreOf(100)).toBe(1);
    expect(masteryScoreOf(0)).toBe(0);
    const xml = buildCmi5Xml(makeCourse({ passingScore: 66.666 }), defaults);
    expect(parse(xml).au[0].masteryScore).toBe('0.6667');
    await expectValidCmi5(xml);
  });

  it('leaves the mastery score out when the build is asked to', () => {
    expect(cmi5Aus(makeCourse(), { masteryScore: false })[0]).toEqual(expect.not.objectContaining({ masteryScore: expect.anything() }));
    expect(cmi5Aus(makeCourse(), { masteryScore: false })[0]?.moveOn).toBe('CompletedAndPassed');
  });

  it('per step, each AU follows its own step: quizzes or not', () => {
    const course = makeCourse();
    course.steps.push(ungradedStep, { ...ungradedStep, id: 'objectifs', activities: [quiz('objectifs-quiz', ['q1'])] });
    expect(cmi5Aus(course, { masteryScore: true, cmi5AuPerStep: true }).map((au) => au.moveOn)).toEqual([
      'CompletedAndPassed',
      'Completed',
      'CompletedAndPassed',
    ]);
  });
});

describe('cmi5 target', () => {
  it('adds cmi5.xml at the zip root beside the pages, and bundles the cmi5 runtime', async () => {
    const pages: PackageFile[] = [{ path: 'index.html', kind: 'data', data: Buffer.from('<!doctype html>') }];
    const files = await cmi5.package(makeCourse() as Course, pages, { outDir: 'dist', masteryScore: true });
    expect(files.map((f) => f.path)).toEqual(['index.html', CMI5_FILE]);
    expect(cmi5.runtimeEntry).toBe('cmi5.ts');
  });
});
