/**
 * cmi5.xml (cmi5 spec §13–§14): valid against CourseStructure.xsd (../shared/schemas/cmi5)
 * with one AU or one AU per step; moveOn and masteryScore from the course's rules; AU ids
 * unique IRIs under the course IRI; titles and descriptions in the course language.
 */
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Course, Step } from '../../src/model/course.js';
import { buildCmi5Xml, cmi5, cmi5Aus, CMI5_FILE, masteryScoreOf } from '../../src/package/targets/cmi5.js';
import type { BuildOptions, PackageFile } from '../../src/package/target.js';
import { makeCourse, quiz, sheet } from './course-fixture.js';
import { repoRoot, xmllint } from './xmllint.js';

const cmi5Schema = path.resolve(repoRoot, '../shared/schemas/cmi5/cmi5.xsd');
const defaults: Pick<BuildOptions, 'masteryScore' | 'cmi5AuPerStep'> = { masteryScore: true };

const loc = { file: 'steps/02.yaml', line: 1, column: 1 };
const ungradedStep: Step = { id: 'typologie', title: 'La typologie des partenariats', duration: '15 min', activities: [sheet('typologie-fiche')], loc };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'au' || name === 'langstring' });
const parse = (xml: string) => (parser.parse(xml) as { courseStructure: Record<string, any> }).courseStructure;

describe('cmi5.xml', () => {
  it('is valid against the cmi5 CourseStructure.xsd, with one AU for the course', () => {
    const xml = buildCmi5Xml(makeCourse(), defaults);
    expect(xmllint(xml, cmi5Schema)).toMatchObject({ status: 0 });
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

  it('is valid with one AU per step, each opening its step, with unique ids under the course IRI', () => {
    const course = makeCourse({ iri: 'https://formation.example.org/parcours/cooperation/', language: 'en' });
    course.steps.push(ungradedStep);
    const xml = buildCmi5Xml(course, { masteryScore: true, cmi5AuPerStep: true });
    expect(xmllint(xml, cmi5Schema)).toMatchObject({ status: 0 });
    const aus = parse(xml).au;
    expect(aus.map((au: any) => [au.id, au.url, au.moveOn, au.masteryScore])).toEqual([
      ['https://formation.example.org/parcours/cooperation/au/enjeux', 'index.html?step=enjeux', 'CompletedAndPassed', '0.8'],
      ['https://formation.example.org/parcours/cooperation/au/typologie', 'index.html?step=typologie', 'Completed', undefined],
    ]);
    expect(aus[1].title.langstring).toEqual([{ lang: 'en', '#text': 'La typologie des partenariats' }]);
    expect(parse(xml).course.id).toBe('https://formation.example.org/parcours/cooperation/');
  });

  it('fails the schema when a required part is missing (the check can fail)', () => {
    const xml = buildCmi5Xml(makeCourse(), defaults);
    expect(xmllint(xml.replace(/<url>index.html<\/url>/, ''), cmi5Schema).status).not.toBe(0);
    expect(xmllint(xml.replace('moveOn="CompletedAndPassed"', 'moveOn="Passed-or-not"'), cmi5Schema).status).not.toBe(0);
    expect(xmllint(xml.replace('masteryScore="0.8"', 'masteryScore="80"'), cmi5Schema).status).not.toBe(0);
  });

  it('escapes the author’s text and falls back to the title when the course has no description', () => {
    const course = makeCourse({ title: 'Risques & <bonnes> pratiques', description: '  ' });
    const xml = buildCmi5Xml(course, defaults);
    expect(xmllint(xml, cmi5Schema)).toMatchObject({ status: 0 });
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

  it('writes the passing score as 0–1 with at most 4 decimals', () => {
    expect(masteryScoreOf(80)).toBe(0.8);
    expect(masteryScoreOf(66.666)).toBe(0.6667);
    expect(masteryScoreOf(100)).toBe(1);
    expect(masteryScoreOf(0)).toBe(0);
    const xml = buildCmi5Xml(makeCourse({ passingScore: 66.666 }), defaults);
    expect(parse(xml).au[0].masteryScore).toBe('0.6667');
    expect(xmllint(xml, cmi5Schema)).toMatchObject({ status: 0 });
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
