/**
 * tincan.xml against the TinCan launch rules (RusticiSoftware/launch, lms_lrs.md): root
 * `tincan` in the projecttincan namespace, exactly one activity with a launch, whose id is an
 * absolute IRI, with type, name and description in the course language, launch index.html.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Course } from '../../src/model/course.js';
import { buildTinCanXml, xapi } from '../../src/package/targets/xapi.js';
import type { PackageFile } from '../../src/package/target.js';

const loc = { file: 'course.yaml', line: 1, column: 1 };

function course(overrides: Partial<Course> = {}): Course {
  return {
    loc,
    id: 'valorisez-cooperation',
    title: 'Valorisez vos pratiques de coopération',
    language: 'fr',
    description: 'Un parcours expérientiel en 4 étapes & <quatre> outils.',
    authors: ['Parcours'],
    version: '1.0.0',
    passingScore: 80,
    theme: { color: '#1b5e6b' },
    steps: [],
    rootDir: '/tmp/course',
    sourceFiles: ['course.yaml'],
    ...overrides,
  };
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'activity' });

function tincanRules(xml: string) {
  const doc = parser.parse(xml) as Record<string, any>;
  const root = doc['tincan'];
  expect(Object.keys(doc).filter((k) => k !== '?xml')).toEqual(['tincan']);
  expect(root.xmlns).toBe('http://projecttincan.com/tincan.xsd');
  const activities: any[] = root.activities.activity;
  const launchable = activities.filter((a) => a.launch !== undefined);
  expect(launchable).toHaveLength(1);
  const activity = launchable[0];
  expect(activity.id).toMatch(/^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i);
  expect(activity.type).toBe('http://adlnet.gov/expapi/activities/course');
  return activity;
}

describe('tincan.xml', () => {
  it('describes one launchable course activity, named in the course language, launching index.html', () => {
    const activity = tincanRules(buildTinCanXml(course()));
    expect(activity.id).toBe('https://parcours.invalid/courses/valorisez-cooperation');
    expect(activity.name).toEqual({ lang: 'fr', '#text': 'Valorisez vos pratiques de coopération' });
    expect(activity.description).toEqual({ lang: 'fr', '#text': 'Un parcours expérientiel en 4 étapes & <quatre> outils.' });
    expect(activity.launch).toEqual({ lang: 'fr', '#text': 'index.html' });
  });

  it('uses the author’s IRI when the course sets one', () => {
    const activity = tincanRules(buildTinCanXml(course({ iri: 'https://formation.example.org/parcours/cooperation' })));
    expect(activity.id).toBe('https://formation.example.org/parcours/cooperation');
  });

  it('is added at the package root beside the pages, with no endpoint or credentials anywhere', async () => {
    const page: PackageFile = { path: 'index.html', kind: 'data', data: Buffer.from('<!doctype html>') };
    const files = await xapi.package(course(), [page], { outDir: '/tmp', masteryScore: true });
    expect(files.map((f) => f.path)).toEqual(['index.html', 'tincan.xml']);
    const xml = (files[1] as { data: Buffer }).data.toString('utf8');
    expect(xml).not.toMatch(/endpoint|auth|password|Basic /i);
  });
});
