/**
 * The SCORM 2004 4th Edition manifest, one SCO and one SCO per step: valid against the official
 * 4th Edition XSDs (schema/xsd/scorm2004-4th, in-process xmllint), with what an LMS reads from it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { BuildOptions, PackageFile } from '../../src/package/target.js';
import { schemaDir } from '../../src/package/targets/scorm-schemas.js';
import { scorm2004 } from '../../src/package/targets/scorm2004.js';
import { globalObjectiveId, sharedStateId } from '../../src/package/targets/scorm2004-manifest.js';
import { makeCourse, quiz, sheet } from './course-fixture.js';
import { SCORM2004_4TH, xmllintEach } from './xmllint.js';

const pages: PackageFile[] = [
  { path: 'index.html', kind: 'data', data: Buffer.from('<!doctype html>') },
  { path: 'parcours.js', kind: 'data', data: Buffer.from('') },
  { path: 'content/media/ma vidéo.mp4', kind: 'file', absPath: '/x/ma vidéo.mp4', size: 1 },
];

/** Two steps: one graded (a quiz), one without a quiz. */
function twoStepCourse() {
  const course = makeCourse({ passingScore: 75 });
  course.steps.push({ id: 'outils', title: 'Les outils', activities: [sheet('outils-fiche')], loc: course.loc });
  course.steps.push({ id: 'bilan', title: 'Le bilan', activities: [quiz('bilan-quiz', ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'])], loc: course.loc });
  return course;
}

async function manifestOf(course = twoStepCourse(), options: Partial<BuildOptions> = {}): Promise<string> {
  const files = await scorm2004.package(course, pages, { outDir: 'dist', masteryScore: true, ...options });
  const manifest = files.find((f) => f.path === 'imsmanifest.xml');
  if (!manifest || manifest.kind !== 'data') throw new Error('no manifest');
  return manifest.data.toString('utf8');
}

const asArray = new Set(['file', 'item', 'imsss:objective', 'imsss:rollupRule']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (name) => asArray.has(name) });
const parse = (xml: string) => parser.parse(xml).manifest;

describe('SCORM 2004 4th Edition manifest', () => {
  it('is valid against the 4th Edition schemas in both modes, with and without a passing score', async () => {
    const xmls = await Promise.all([
      manifestOf(),
      manifestOf(twoStepCourse(), { scorm2004ScoPerStep: true }),
      manifestOf(twoStepCourse(), { masteryScore: false }),
      manifestOf(twoStepCourse(), { scorm2004ScoPerStep: true, masteryScore: false }),
      manifestOf(makeCourse({ id: '2024-coop', title: 'R&D <pratiques> "coopération" ' + 'é'.repeat(250) }), { scorm2004ScoPerStep: true }),
    ]);
    for (const result of await xmllintEach(xmls, SCORM2004_4TH)) {
      expect(result.output).not.toMatch(/fails to validate|parser error/);
      expect(result.status).toBe(0);
    }
  });

  it('is rejected by the same check when sequencing is out of order or a value is out of range (the check can fail)', async () => {
    const single = await manifestOf();
    const perStep = await manifestOf(twoStepCourse(), { scorm2004ScoPerStep: true });
    // Inside imsss:sequencing the order is a sequence (the item's extension elements are xsd:any, in any order).
    const misplaced = single.replace(/(<imsss:objectives>[\s\S]*?<\/imsss:objectives>)(\s*)(<imsss:deliveryControls[^>]*\/>)/, '$3$2$1');
    const outOfRange = single.replace('<imsss:minNormalizedMeasure>0.75<', '<imsss:minNormalizedMeasure>75<');
    const badControl = perStep.replace('choice="true"', 'choice="yes"');
    const noVersion = single.replace('<schemaversion>2004 4th Edition</schemaversion>', '<schemaversion>2004 4th Edition</schemaversion><bogus/>');
    for (const [broken, original] of [[misplaced, single], [outOfRange, single], [badControl, perStep], [noVersion, single]] as const) {
      expect(broken).not.toBe(original);
    }
    const results = await xmllintEach([misplaced, outOfRange, badControl, noVersion], SCORM2004_4TH);
    expect(results.map((r) => r.status)).toEqual([3, 3, 3, 3]);
  });

  it('declares SCORM 2004 4th Edition and one SCO launched from index.html, with the steps as objectives', async () => {
    const m = parse(await manifestOf());
    expect(m.metadata).toEqual({ schema: 'ADL SCORM', schemaversion: '2004 4th Edition' });
    expect(m.xmlns).toBe('http://www.imsglobal.org/xsd/imscp_v1p1');
    expect(m['xmlns:adlcp']).toBe('http://www.adlnet.org/xsd/adlcp_v1p3');
    const org = m.organizations.organization;
    expect(m.organizations.default).toBe(org.identifier);
    expect(org.title).toBe('Valorisez vos pratiques de coopération');
    expect(org.item).toHaveLength(1);
    const [item] = org.item;
    expect(item.title).toBe(org.title);
    expect(item['adlcp:completionThreshold']).toMatchObject({ completedByMeasure: 'true', minProgressMeasure: '1' });
    const objectives = item['imsss:sequencing']['imsss:objectives'];
    expect(objectives['imsss:primaryObjective']).toMatchObject({ objectiveID: 'valorisez-cooperation', satisfiedByMeasure: 'true', 'imsss:minNormalizedMeasure': '0.75' });
    expect(objectives['imsss:objective'].map((o: { objectiveID: string }) => o.objectiveID)).toEqual(['enjeux', 'outils', 'bilan']);
    const resource = m.resources.resource;
    expect(item.identifierref).toBe(resource.identifier);
    expect(resource).toMatchObject({ type: 'webcontent', 'adlcp:scormType': 'sco', href: 'index.html' });
    expect(resource.file.map((f: { href: string }) => f.href)).toEqual(['content/media/ma%20vid%C3%A9o.mp4', 'index.html', 'parcours.js']);
  });

  it('leaves the scaled passing score out with --no-mastery-score and for a course without a quiz: the course alone decides', async () => {
    expect(await manifestOf(twoStepCourse(), { masteryScore: false })).not.toMatch(/satisfiedByMeasure|minNormalizedMeasure/);
    const ungraded = makeCourse();
    ungraded.steps[0]!.activities = [sheet('fiche')];
    expect(await manifestOf(ungraded)).not.toMatch(/satisfiedByMeasure|minNormalizedMeasure/);
  });

  it('with one SCO per step: an item per step opening it, choice and flow, rollup from the steps, step objectives mapped to globals', async () => {
    const course = twoStepCourse();
    const m = parse(await manifestOf(course, { scorm2004ScoPerStep: true }));
    const org = m.organizations.organization;
    expect(org['adlseq:objectivesGlobalToSystem']).toBe('false');
    expect(org.item.map((i: { title: string; parameters: string }) => [i.title, i.parameters])).toEqual([
      ['Les enjeux', '?step=enjeux'],
      ['Les outils', '?step=outils'],
      ['Le bilan', '?step=bilan'],
    ]);
    // Every step item launches the one resource.
    expect(new Set(org.item.map((i: { identifierref: string }) => i.identifierref))).toEqual(new Set([m.resources.resource.identifier]));
    const sequencing = org['imsss:sequencing'];
    expect(sequencing['imsss:controlMode']).toEqual({ choice: 'true', flow: 'true' });
    const rules = sequencing['imsss:rollupRules']['imsss:rollupRule'].map((r: { childActivitySet: string; 'imsss:rollupAction': { action: string } }) => [r.childActivitySet, r['imsss:rollupAction'].action]);
    expect(rules).toEqual([['all', 'satisfied'], ['any', 'notSatisfied'], ['all', 'completed'], ['any', 'incomplete']]);

    const [enjeux, outils, bilan] = org.item.map((i: Record<string, any>) => i['imsss:sequencing']);
    // Score weights: 2 questions and 6 questions; the step without a quiz counts for nothing in success.
    expect(enjeux['imsss:rollupRules']).toEqual({ objectiveMeasureWeight: '0.25' });
    expect(bilan['imsss:rollupRules']).toEqual({ objectiveMeasureWeight: '0.75' });
    expect(outils['imsss:rollupRules']).toEqual({ rollupObjectiveSatisfied: 'false', objectiveMeasureWeight: '0' });
    expect(enjeux['imsss:objectives']['imsss:primaryObjective']).toMatchObject({
      objectiveID: 'enjeux',
      satisfiedByMeasure: 'true',
      'imsss:minNormalizedMeasure': '0.75',
      'imsss:mapInfo': { targetObjectiveID: globalObjectiveId(course.id, 'enjeux'), writeSatisfiedStatus: 'true', writeNormalizedMeasure: 'true' },
    });
    expect(outils['imsss:objectives']['imsss:primaryObjective']).not.toHaveProperty('satisfiedByMeasure');
    expect(enjeux['adlseq:objectives']['adlseq:objective']['adlseq:mapInfo']).toMatchObject({ targetObjectiveID: globalObjectiveId(course.id, 'enjeux'), writeCompletionStatus: 'true' });
    // The course's learner state is shared by the step SCOs.
    expect(org.item[0]['adlcp:data']['adlcp:map']).toEqual({ targetID: sharedStateId(course.id), readSharedData: 'true', writeSharedData: 'true' });
  });

  it('ships the official 4th Edition XSDs at the zip root, but not the test driver', async () => {
    const files = await scorm2004.package(twoStepCourse(), pages, { outDir: 'dist', masteryScore: true });
    const schemas = files.filter((f) => /\.(xsd|dtd)$/.test(f.path)).map((f) => f.path);
    for (const name of ['imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'adlseq_v1p3.xsd', 'adlnav_v1p3.xsd', 'imsss_v1p0.xsd', 'imsss_v1p0objective.xsd', 'lom.xsd', 'xml.xsd', 'common/dataTypes.xsd', 'vocab/strict.xsd']) {
      expect(schemas).toContain(name);
    }
    expect(schemas).not.toContain('scorm2004-all.xsd');
    const imscp = files.find((f) => f.path === 'imscp_v1p1.xsd');
    if (imscp?.kind !== 'file') throw new Error('imscp_v1p1.xsd not a file');
    expect(imscp.absPath).toBe(path.join(schemaDir('scorm2004-4th'), 'imscp_v1p1.xsd'));
    expect(imscp.size).toBe((await readFile(imscp.absPath)).length);
  });
});
