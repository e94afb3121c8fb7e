import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { PackageFile } from '../../src/package/target.js';
import { scorm12 } from '../../src/package/targets/scorm12.js';
import { scorm12SchemaDir } from '../../src/package/targets/scorm12-schemas.js';
import { makeCourse, sheet } from './course-fixture.js';
import { xmllint } from './xmllint.js';

const pages: PackageFile[] = [
  { path: 'index.html', kind: 'data', data: Buffer.from('<!doctype html>') },
  { path: 'parcours.js', kind: 'data', data: Buffer.from('') },
  { path: 'parcours.css', kind: 'data', data: Buffer.from('') },
  { path: 'content/media/ma vidéo.mp4', kind: 'file', absPath: '/x/ma vidéo.mp4', size: 1 },
  { path: 'content/sheets/fiche.pdf', kind: 'file', absPath: '/x/fiche.pdf', size: 1 },
];

async function manifestOf(files: PackageFile[]): Promise<string> {
  const manifest = files.find((f) => f.path === 'imsmanifest.xml');
  if (!manifest || manifest.kind !== 'data') throw new Error('no manifest');
  return manifest.data.toString('utf8');
}

async function packageManifest(course = makeCourse(), masteryScore = true): Promise<string> {
  return manifestOf(await scorm12.package(course, pages, { outDir: 'dist', masteryScore }));
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (name) => name === 'file' });
const parse = (xml: string) => parser.parse(xml).manifest;

describe('SCORM 1.2 manifest', () => {
  it('is valid against the SCORM 1.2 schemas (IMS CP + ADL CP, xmllint)', async () => {
    const xml = await packageManifest();
    const result = await xmllint(xml);
    expect(result.output).not.toMatch(/fails to validate|parser error/);
    expect(result.status).toBe(0);
  });

  it('is rejected by the same check when an element is out of place (the check can fail)', async () => {
    const xml = (await packageManifest()).replace('<metadata>', '<metadata><bogus/>');
    expect(xml).toContain('<bogus/>');
    const result = await xmllint(xml);
    expect(result.status).not.toBe(0);
    const swapped = (await packageManifest()).replace(/(<title>[^<]*<\/title>)(\s*)(<adlcp:masteryscore>80<\/adlcp:masteryscore>)/, '$3$2$1');
    expect(swapped).toMatch(/<adlcp:masteryscore>80<\/adlcp:masteryscore>\s*<title>/);
    expect((await xmllint(swapped)).status).not.toBe(0);
  });

  it('declares SCORM 1.2, the course identity and one SCO launched from index.html', async () => {
    const xml = await packageManifest();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const m = parse(xml);
    expect(m.identifier).toBe('valorisez-cooperation');
    expect(m.version).toBe('1.0.0');
    expect(m.xmlns).toBe('http://www.imsproject.org/xsd/imscp_rootv1p1p2');
    expect(m['xmlns:adlcp']).toBe('http://www.adlnet.org/xsd/adlcp_rootv1p2');
    expect(m.metadata).toEqual({ schema: 'ADL SCORM', schemaversion: '1.2' });
    const org = m.organizations.organization;
    expect(m.organizations.default).toBe(org.identifier);
    expect(org.title).toBe('Valorisez vos pratiques de coopération');
    expect(org.item.isvisible).toBe('true');
    expect(org.item.title).toBe(org.title);
    const resource = m.resources.resource;
    expect(org.item.identifierref).toBe(resource.identifier);
    expect(resource).toMatchObject({ type: 'webcontent', 'adlcp:scormtype': 'sco', href: 'index.html' });
  });

  it('lists every file of the SCO, sorted and URI-encoded, but not the manifest or the schemas', async () => {
    const files = await scorm12.package(makeCourse(), pages, { outDir: 'dist', masteryScore: true });
    const hrefs = parse(await manifestOf(files)).resources.resource.file.map((f: { href: string }) => f.href);
    expect(hrefs).toEqual([
      'content/media/ma%20vid%C3%A9o.mp4',
      'content/sheets/fiche.pdf',
      'index.html',
      'parcours.css',
      'parcours.js',
    ]);
    const extra = files.map((f) => f.path).filter((p) => !pages.some((page) => page.path === p));
    expect(extra.sort()).toEqual(['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmanifest.xml', 'imsmd_rootv1p2p1.xsd']);
  });

  it('ships the four official XSDs at the zip root, from schema/xsd/scorm12', async () => {
    const files = await scorm12.package(makeCourse(), pages, { outDir: 'dist', masteryScore: true });
    for (const name of ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd']) {
      const file = files.find((f) => f.path === name);
      expect(file?.kind).toBe('file');
      if (file?.kind !== 'file') continue;
      expect(file.absPath).toBe(path.join(scorm12SchemaDir(), name));
      expect(file.size).toBe((await readFile(file.absPath)).length);
    }
  });

  it('writes the course passing score as adlcp:masteryscore, an integer 0–100', async () => {
    const item = parse(await packageManifest(makeCourse({ passingScore: 75 }))).organizations.organization.item;
    expect(item['adlcp:masteryscore']).toBe('75');
  });

  it('leaves adlcp:masteryscore out with --no-mastery-score, and for a course without a quiz', async () => {
    expect(await packageManifest(makeCourse(), false)).not.toContain('masteryscore');
    const ungraded = makeCourse();
    ungraded.steps[0]!.activities = [sheet('fiche')];
    const xml = await packageManifest(ungraded);
    expect(xml).not.toContain('masteryscore');
    expect(await xmllint(xml)).toMatchObject({ status: 0 });
  });

  it('escapes markup characters in titles and keeps the manifest valid', async () => {
    const title = 'R&D <pratiques> "coopération" l\'été';
    const xml = await packageManifest(makeCourse({ title }));
    expect(parse(xml).organizations.organization.title).toBe(title);
    expect(await xmllint(xml)).toMatchObject({ status: 0 });
  });

  it('makes a valid XML ID from a course id that starts with a digit', async () => {
    const xml = await packageManifest(makeCourse({ id: '2024-cooperation' }));
    const m = parse(xml);
    expect(m.identifier).toBe('course-2024-cooperation');
    expect(await xmllint(xml)).toMatchObject({ status: 0 });
  });

  it('cuts a title longer than the schema allows, and stays valid', async () => {
    const xml = await packageManifest(makeCourse({ title: 'é'.repeat(250) }));
    const title: string = parse(xml).organizations.organization.title;
    expect([...title].length).toBe(200);
    expect(await xmllint(xml)).toMatchObject({ status: 0 });
  });
});
