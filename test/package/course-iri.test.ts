/**
 * The course IRI an author writes in course.yaml (`iri`) is what xAPI and cmi5 packages name
 * the course by: tincan.xml, cmi5.xml and the runtime data; without one, the build warns.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { loadCourse } from '../../src/load/index.js';
import { courseIriProblem } from '../../src/schema/course-iri.js';
import { readZip } from '../write/zip-reader.js';

const minimal = fileURLToPath(new URL('../fixtures/valid/minimal/', import.meta.url));
const IRI = 'https://formation.example.org/courses/minimal';

let work: string;
let course: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-iri-'));
  course = path.join(work, 'course');
  fs.cpSync(minimal, course, { recursive: true });
  fs.appendFileSync(path.join(course, 'course.yaml'), `iri: ${IRI}\n`);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function zipText(zipPath: string, name: string): string {
  const entry = readZip(zipPath).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in ${zipPath}`);
  return entry.data().toString('utf8');
}

function embeddedData(html: string): { id: string; iri?: string } {
  return JSON.parse(/<script type="application\/json" id="parcours-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as { id: string; iri?: string };
}

describe('course IRI', () => {
  it('is read from course.yaml into the model', async () => {
    const { course: loaded, diagnostics } = await loadCourse(course);
    expect(diagnostics).toEqual([]);
    expect(loaded!.iri).toBe(IRI);
  });

  it('names the course in tincan.xml, cmi5.xml and the runtime data, with no warning', async () => {
    const result = await build({ courseDir: course, targets: ['xapi', 'cmi5'], options: { outDir: path.join(work, 'dist'), cmi5AuPerStep: true } });
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
    const [xapi, cmi5] = result.packages.map((p) => p.zipPath);

    const tincan = zipText(xapi!, 'tincan.xml');
    expect(tincan).toContain(`<activity id="${IRI}" type="http://adlnet.gov/expapi/activities/course">`);
    expect(tincan).not.toContain('parcours.invalid');

    const structure = zipText(cmi5!, 'cmi5.xml');
    expect(structure).toContain(`<course id="${IRI}">`);
    expect([...structure.matchAll(/<au id="([^"]+)"/g)].map((m) => m[1])).toEqual([`${IRI}/au/basics`]);
    expect(structure).not.toContain('parcours.invalid');

    for (const zip of [xapi!, cmi5!]) expect(embeddedData(zipText(zip, 'index.html')).iri).toBe(IRI);
  });

  it('without one, the xAPI and cmi5 builds warn once and use the placeholder; SCORM 1.2 does not care', async () => {
    const result = await build({ courseDir: minimal, targets: ['all'], options: { outDir: path.join(work, 'dist-placeholder') } });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.loc?.file])).toEqual([['COURSE_IRI_MISSING', 'warning', 'course.yaml']]);
    expect(result.diagnostics[0]!.message).toContain('https://parcours.invalid/courses/minimal-course');
    const xapi = result.packages.find((p) => p.target === 'xapi')!.zipPath;
    expect(zipText(xapi, 'tincan.xml')).toContain('<activity id="https://parcours.invalid/courses/minimal-course"');
    const scorm = await build({ courseDir: minimal, targets: ['scorm12'], options: { outDir: path.join(work, 'dist-scorm') } });
    expect(scorm.diagnostics).toEqual([]);
  });

  it.each([
    ['https://formation.example.org/courses/intro', undefined],
    ['http://example.org/c', undefined],
    ['https://exemple.fr/parcours/coopération/', undefined],
    ['urn:example:courses:intro', undefined],
    ['https://example.org/mon cours', 'space'],
    ['example.org/courses/intro', 'must start with'],
    ['ftp://example.org/intro', 'must start with'],
    ['HTTPS://example.org/intro', 'lower case'],
    ['https://example.org/intro?v=2', '`?` or `#`'],
    ['https://example.org/intro#top', '`?` or `#`'],
    ['https://example.org/<intro>', 'exclude'],
    ['https:///intro', 'no domain'],
    ['urn:intro', 'urn:<namespace>:<name>'],
  ])('accepts or refuses %s, saying why', (iri, why) => {
    const problem = courseIriProblem(iri);
    if (why === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(why);
  });
});
