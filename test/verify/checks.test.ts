/**
 * One deliberately broken package per check of `parcours verify`, each made in the test from a
 * small valid SCORM 1.2 (or cmi5, TinCan) package by one change: the check must name the
 * problem by its code, and the valid package must raise no error and no warning.
 */
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCatalogue, verifyPackage, type PackageReport, type VerifyCode } from '../../src/verify/index.js';
import { validateWithSchema } from '../../src/verify/xsd.js';
import { corruptEntry, patchEntry, writeZip, zipEntries, zipOf, type Files } from './zips.js';

let work: string;
let counter = 0;
/** Codes the tests below saw raised: every code of the catalogue must be among them. */
const raised = new Set<string>();

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-verify-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

export const MANIFEST_12 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="course-demo" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="demo-org">
    <organization identifier="demo-org">
      <title>Demo</title>
      <item identifier="demo-item" identifierref="demo-res" isvisible="true">
        <title>Demo</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="demo-res" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="app.js"/>
    </resource>
  </resources>
</manifest>
`;

const CMI5 = `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/courses/demo">
    <title><langstring lang="en">Demo</langstring></title>
    <description><langstring lang="en">A demo.</langstring></description>
  </course>
  <au id="https://example.org/courses/demo/au" moveOn="CompletedAndPassed" masteryScore="0.8" launchMethod="AnyWindow">
    <title><langstring lang="en">Demo</langstring></title>
    <description><langstring lang="en">A demo.</langstring></description>
    <url>index.html</url>
  </au>
</courseStructure>
`;

const TINCAN = `<?xml version="1.0" encoding="UTF-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
    <activity id="https://example.org/courses/demo" type="http://adlnet.gov/expapi/activities/course">
      <name lang="en">Demo</name>
      <launch lang="en">index.html</launch>
    </activity>
  </activities>
</tincan>
`;

const PAGES: Files = { 'index.html': '<!doctype html><title>Demo</title>', 'app.js': 'console.log(1)' };
const scorm12 = (change: (manifest: string) => string = (m) => m, extra: Files = {}): Files => ({ 'imsmanifest.xml': change(MANIFEST_12), ...PAGES, ...extra });

async function verifyZip(zip: Uint8Array): Promise<PackageReport> {
  const report = await verifyPackage(await writeZip(work, `p${++counter}.zip`, zip));
  report.findings.forEach((f) => raised.add(f.code));
  return report;
}
const verifyFiles = (files: Files) => verifyZip(zipOf(files));
const codes = (report: PackageReport) => report.findings.map((f) => f.code);
const problems = (report: PackageReport) => report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}: ${f.message}`);
const finding = (report: PackageReport, code: VerifyCode) => report.findings.find((f) => f.code === code);

describe('a valid package', () => {
  it('SCORM 1.2: schema-valid, launches index.html, says what Moodle does with the mastery score', async () => {
    const report = await verifyFiles(scorm12());
    expect(problems(report)).toEqual([]);
    expect(report).toMatchObject({ kind: 'zip', standards: ['SCORM 1.2'], launch: ['index.html'], files: 3 });
    expect(report.schemas).toEqual([{ label: expect.stringContaining('SCORM 1.2'), valid: true }]);
    expect(finding(report, 'MASTERY_SCORE')).toMatchObject({ message: expect.stringMatching(/mastery score 80.*Mastery score overrides status/), file: 'imsmanifest.xml', line: 14 });
  });

  it('cmi5 and TinCan: launch found, moveOn and mastery score told', async () => {
    const cmi5 = await verifyFiles({ 'cmi5.xml': CMI5, ...PAGES });
    expect(problems(cmi5)).toEqual([]);
    expect(cmi5).toMatchObject({ standards: ['cmi5'], launch: ['index.html'] });
    expect(finding(cmi5, 'MASTERY_SCORE')?.message).toMatch(/moveOn CompletedAndPassed, masteryScore 0\.8/);
    const tincan = await verifyFiles({ 'tincan.xml': TINCAN, ...PAGES });
    expect(problems(tincan)).toEqual([]);
    expect(tincan).toMatchObject({ standards: ['xAPI (TinCan launch)'], launch: ['index.html'] });
    expect(codes(tincan)).toContain('MANIFEST_SCHEMA_PARTIAL');
  });

  it('a folder is checked like its zip', async () => {
    const dir = path.join(work, 'folder');
    await mkdir(dir);
    for (const [name, content] of Object.entries(scorm12())) await writeFile(path.join(dir, name), content);
    const report = await verifyPackage(dir);
    expect(problems(report)).toEqual([]);
    expect(report).toMatchObject({ kind: 'folder', standards: ['SCORM 1.2'], launch: ['index.html'] });
  });
});

describe('zip problems', () => {
  it('PACKAGE_UNREADABLE: not a zip, a truncated zip, no such file', async () => {
    expect(codes(await verifyZip(new TextEncoder().encode('<html>not a zip</html>')))).toEqual(['PACKAGE_UNREADABLE']);
    const zip = zipOf(scorm12());
    expect(codes(await verifyZip(zip.subarray(0, zip.length - 30)))).toEqual(['PACKAGE_UNREADABLE']);
    expect(codes(await verifyPackage(path.join(work, 'nothing.zip')))).toEqual(['PACKAGE_UNREADABLE']);
  });

  it('ZIP_ENTRY_BACKSLASH, ZIP_ENTRY_UNSAFE_PATH: Windows separators, absolute paths, `..`', async () => {
    const report = await verifyFiles(scorm12(undefined, { 'media\\intro.mp4': 'x', '/etc/passwd': 'x', '../outside.html': 'x', 'C:/boot.ini': 'x' }));
    expect(report.findings.filter((f) => f.code === 'ZIP_ENTRY_BACKSLASH').map((f) => f.message)).toEqual([expect.stringContaining('`media\\intro.mp4`')]);
    expect(report.findings.filter((f) => f.code === 'ZIP_ENTRY_UNSAFE_PATH').map((f) => f.message)).toEqual([
      expect.stringContaining('`/etc/passwd` is an absolute path'),
      expect.stringContaining('`../outside.html` climbs out'),
      expect.stringContaining('`C:/boot.ini` starts with a drive letter'),
    ]);
  });

  it('ZIP_ENTRY_DUPLICATE and ZIP_ENTRY_CASE_CLASH', async () => {
    const report = await verifyZip(zipEntries([...Object.entries(scorm12()), ['app.js', 'other'], ['Index.html', 'x']]));
    expect(finding(report, 'ZIP_ENTRY_DUPLICATE')?.message).toMatch(/`app\.js` is in the zip 2 times/);
    expect(finding(report, 'ZIP_ENTRY_CASE_CLASH')?.message).toMatch(/`Index\.html` and `index\.html`/);
  });

  it('ZIP_ENTRY_ENCRYPTED and ZIP_ENTRY_METHOD', async () => {
    const encrypted = await verifyZip(patchEntry(zipOf(scorm12()), 'app.js', { setFlags: 1 }));
    expect(finding(encrypted, 'ZIP_ENTRY_ENCRYPTED')?.message).toMatch(/`app\.js` is encrypted/);
    const bzip2 = await verifyZip(patchEntry(zipOf(scorm12()), 'app.js', { method: 12 }));
    expect(finding(bzip2, 'ZIP_ENTRY_METHOD')?.message).toMatch(/`app\.js` is compressed with method 12/);
  });

  it('ZIP_ENTRY_CORRUPT: an entry whose data is damaged', async () => {
    const report = await verifyZip(corruptEntry(zipOf(scorm12(undefined, { 'big.js': 'x'.repeat(5000) })), 'big.js'));
    expect(finding(report, 'ZIP_ENTRY_CORRUPT')?.message).toMatch(/`big\.js` cannot be extracted/);
  });

  it('ZIP_ENTRY_NAME_ENCODING: a non-ASCII name without the UTF-8 flag', async () => {
    const report = await verifyZip(patchEntry(zipOf(scorm12(undefined, { 'média.html': 'x' })), 'média.html', { clearFlags: 0x800 }));
    expect(finding(report, 'ZIP_ENTRY_NAME_ENCODING')?.message).toMatch(/outside ASCII/);
  });

  it('ZIP_BOMB: data shared between entries, and sizes far beyond the zip', async () => {
    const shared = await verifyZip(patchEntry(zipOf(scorm12(undefined, { 'a.js': 'a'.repeat(100), 'b.js': 'b'.repeat(100) })), 'b.js', { shareDataOf: 'a.js' }));
    expect(finding(shared, 'ZIP_BOMB')?.message).toMatch(/share their data/);
    const inflated = await verifyZip(patchEntry(zipOf(scorm12(undefined, { 'zeros.bin': new Uint8Array(1000) })), 'zeros.bin', { uncompressedSize: 3_000_000_000 }));
    expect(finding(inflated, 'ZIP_BOMB')?.message).toMatch(/declares 3\.0 GB of files/);
  });

  it('FILE_TYPE_BLOCKED and FILE_JUNK', async () => {
    const report = await verifyFiles(scorm12(undefined, { 'tools/setup.exe': 'MZ', 'api.php': '<?php', '__MACOSX/._index.html': 'x', '.DS_Store': 'x' }));
    expect(report.findings.filter((f) => f.code === 'FILE_TYPE_BLOCKED').map((f) => f.message)).toEqual([
      expect.stringContaining('`tools/setup.exe` is a Windows program'),
      expect.stringContaining('`api.php` is a server-side script'),
    ]);
    expect(finding(report, 'FILE_JUNK')?.message).toMatch(/^2 file\(s\)/);
  });

  it('PACKAGE_LARGE and FOLDER_LINK, in a folder', async () => {
    const dir = path.join(work, 'large');
    await mkdir(dir);
    for (const [name, content] of Object.entries(scorm12())) await writeFile(path.join(dir, name), content);
    await writeFile(path.join(dir, 'video.mp4'), '');
    await truncate(path.join(dir, 'video.mp4'), 250_000_000); // sparse: no disk used
    await symlink('/etc/hostname', path.join(dir, 'link.txt'));
    const report = await verifyPackage(dir);
    report.findings.forEach((f) => raised.add(f.code));
    expect(finding(report, 'PACKAGE_LARGE')?.message).toMatch(/250\.0 MB/);
    expect(finding(report, 'FOLDER_LINK')?.message).toMatch(/`link\.txt` is a symbolic link/);
  });
});

describe('manifest problems', () => {
  it('STANDARD_UNKNOWN, MANIFEST_NOT_AT_ROOT, STANDARDS_SEVERAL', async () => {
    expect(codes(await verifyFiles(PAGES))).toEqual(['STANDARD_UNKNOWN']);
    const nested = await verifyFiles(Object.fromEntries(Object.entries(scorm12()).map(([n, c]) => [`course/${n}`, c])));
    expect(finding(nested, 'MANIFEST_NOT_AT_ROOT')?.hint).toMatch(/inside `course\/`/);
    expect(codes(await verifyFiles(scorm12(undefined, { 'cmi5.xml': CMI5 })))).toContain('STANDARDS_SEVERAL');
  });

  it('MANIFEST_MALFORMED and MANIFEST_TOO_LARGE', async () => {
    const malformed = await verifyFiles(scorm12((m) => m.replace('</organizations>', '')));
    expect(finding(malformed, 'MANIFEST_MALFORMED')).toMatchObject({ file: 'imsmanifest.xml', line: expect.any(Number) });
    const deep = await verifyFiles(scorm12((m) => m.replace('<title>Demo</title>\n      <item', `<title>Demo</title>${'<x>'.repeat(500)}${'</x>'.repeat(500)}\n      <item`)));
    expect(finding(deep, 'MANIFEST_MALFORMED')?.message).toMatch(/nested/);
    const huge = await verifyFiles(scorm12((m) => m + ' '.repeat(16_000_001)));
    expect(codes(huge)).toContain('MANIFEST_TOO_LARGE');
  });

  it('MANIFEST_SCHEMA_INVALID: an element the schema does not allow, with its line', async () => {
    const report = await verifyFiles(scorm12((m) => m.replace('<title>Demo</title>\n      <item', '<title>Demo</title>\n      <chapter/>\n      <item')));
    expect(finding(report, 'MANIFEST_SCHEMA_INVALID')).toMatchObject({ message: expect.stringMatching(/chapter/), line: 12 });
    expect(report.schemas[0]?.valid).toBe(false);
  });

  it('MANIFEST_SCHEMA_UNAVAILABLE: said plainly when the schemas are missing', async () => {
    const result = await validateWithSchema(MANIFEST_12, 'imsmanifest.xml', { folder: 'no-such-folder', driver: 'x.xsd', label: 'x' });
    expect(result).toEqual({ checked: false, why: expect.stringContaining('schema/xsd/no-such-folder is missing') });
    raised.add('MANIFEST_SCHEMA_UNAVAILABLE');
  });

  it('SCORM_VERSION: a SCORM 2004 manifest whose schemaversion Moodle reads as 1.2', async () => {
    const manifest2004 = MANIFEST_12.replace('http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'http://www.imsglobal.org/xsd/imscp_v1p1')
      .replace('http://www.adlnet.org/xsd/adlcp_rootv1p2', 'http://www.adlnet.org/xsd/adlcp_v1p3')
      .replace('adlcp:scormtype', 'adlcp:scormType')
      .replace(/\s*<adlcp:masteryscore>80<\/adlcp:masteryscore>/, '');
    const valid = await verifyFiles({ 'imsmanifest.xml': manifest2004.replace('<schemaversion>1.2', '<schemaversion>2004 4th Edition'), ...PAGES });
    expect(problems(valid)).toEqual([]);
    expect(valid.standards).toEqual(['SCORM 2004 4th Edition']);
    const report = await verifyFiles({ 'imsmanifest.xml': manifest2004.replace('<schemaversion>1.2', '<schemaversion>SCORM 2004'), ...PAGES });
    expect(finding(report, 'SCORM_VERSION')?.message).toMatch(/Moodle plays it as SCORM 1\.2/);
  });

  it('MOODLE_PREFIX: ADL attributes under another prefix', async () => {
    const report = await verifyFiles(scorm12((m) => m.replace('xmlns:adlcp=', 'xmlns:adl=').replace('adlcp:scormtype', 'adl:scormtype').replace(/adlcp:masteryscore/g, 'adl:masteryscore')));
    expect(report.findings.filter((f) => f.code === 'MOODLE_PREFIX').map((f) => f.message)).toEqual([
      expect.stringMatching(/`<adl:masteryscore>`: Moodle reads only `<adlcp:masteryscore>`/),
      expect.stringMatching(/`adl:scormtype`: Moodle reads only `adlcp:scormtype`/),
    ]);
  });

  it('ORGANIZATION_MISSING, RESOURCE_MISSING, LAUNCH_NONE', async () => {
    expect(codes(await verifyFiles(scorm12((m) => m.replace('default="demo-org"', 'default="other"'))))).toContain('ORGANIZATION_MISSING');
    const unknown = await verifyFiles(scorm12((m) => m.replace('identifierref="demo-res"', 'identifierref="nothing"')));
    expect(finding(unknown, 'RESOURCE_MISSING')).toMatchObject({ message: expect.stringContaining('Item `demo-item` points at resource `nothing`'), line: 12 });
    expect(codes(unknown)).toContain('LAUNCH_NONE');
    const noHref = await verifyFiles(scorm12((m) => m.replace(' href="index.html">', '>')));
    expect(finding(noHref, 'LAUNCH_NONE')?.message).toMatch(/has no `href`/);
  });

  it('LAUNCH_MISSING (and a case mismatch said), FILE_MISSING, FILES_UNLISTED', async () => {
    const report = await verifyFiles(scorm12((m) => m.replace('href="index.html">', 'href="Index.html">').replace('<file href="app.js"/>', '<file href="app.js"/>\n      <file href="media/intro.mp4"/>'), { 'notes/extra.txt': 'x' }));
    expect(finding(report, 'LAUNCH_MISSING')?.message).toMatch(/launches `Index\.html`.*the package has `index\.html`/);
    expect(finding(report, 'FILE_MISSING')?.message).toMatch(/`media\/intro\.mp4`/);
    expect(finding(report, 'FILES_UNLISTED')?.message).toMatch(/^1 file\(s\).*`notes\/extra\.txt`/);
  });

  it('FILES_UNLISTED leaves out schemas, in folders too (ADL ships SCORM 2004 schemas in common/, vocab/…)', async () => {
    const report = await verifyFiles(scorm12((m) => m, { 'common/dataTypes.xsd': '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>', 'vocab/x.dtd': '' }));
    expect(codes(report)).not.toContain('FILES_UNLISTED');
  });

  it('NO_SCO: only assets, nothing reports progress', async () => {
    expect(codes(await verifyFiles(scorm12((m) => m.replace('scormtype="sco"', 'scormtype="asset"'))))).toContain('NO_SCO');
  });

  it('IDENTIFIER_INVALID: too long for Moodle, duplicated; TITLE_TOO_LONG', async () => {
    const long = 'x'.repeat(300);
    const report = await verifyFiles(scorm12((m) => m.replace('identifier="demo-item"', `identifier="${long}"`).replace('identifier="demo-res"', 'identifier="demo-org"').replace('identifierref="demo-res"', 'identifierref="demo-org"').replace('<title>Demo</title>\n        <adlcp', `<title>${'T'.repeat(256)}</title>\n        <adlcp`)));
    expect(report.findings.filter((f) => f.code === 'IDENTIFIER_INVALID').map((f) => f.message)).toEqual([
      expect.stringMatching(/has 300 characters: Moodle stores identifiers of at most 255/),
      expect.stringMatching(/`demo-org` is also the identifier of another element/),
    ]);
    expect(finding(report, 'TITLE_TOO_LONG')?.message).toMatch(/256 characters/);
  });

  it('MASTERY_SCORE_INVALID; MASTERY_SCORE without one', async () => {
    expect(finding(await verifyFiles(scorm12((m) => m.replace('>80<', '>eighty<'))), 'MASTERY_SCORE_INVALID')?.message).toMatch(/`eighty`/);
    const none = await verifyFiles(scorm12((m) => m.replace(/\s*<adlcp:masteryscore>80<\/adlcp:masteryscore>/, '')));
    expect(finding(none, 'MASTERY_SCORE')?.message).toMatch(/No mastery score/);
  });

  it('TINCAN_INVALID and CMI5_INVALID', async () => {
    const tincan = await verifyFiles({ 'tincan.xml': TINCAN.replace('</activity>', '</activity>\n    <activity id="course-2"><launch>index.html</launch></activity>').replace('id="https://example.org/courses/demo"', 'id="demo"'), ...PAGES });
    expect(tincan.findings.filter((f) => f.code === 'TINCAN_INVALID').map((f) => f.message)).toEqual([
      expect.stringMatching(/2 activities have a `<launch>`/),
      expect.stringMatching(/`demo` is not an absolute IRI/),
    ]);
    const au = CMI5.slice(CMI5.indexOf('  <au'), CMI5.indexOf('</courseStructure>'));
    const cmi5 = await verifyFiles({ 'cmi5.xml': CMI5.replace('</courseStructure>', `${au}</courseStructure>`), ...PAGES });
    expect(finding(cmi5, 'CMI5_INVALID')?.message).toMatch(/used twice/);
  });
});

describe('Parcours packages', () => {
  const record = (worstCase: number, limit = 4096) =>
    JSON.stringify({ generator: 'parcours', version: '0.1.0', target: 'scorm12', course: { id: 'demo', version: '1.0.0' }, learnerState: { worstCase, limit } });
  const parcours = (extra: Files) => scorm12((m) => m.replace('<file href="app.js"/>', '<file href="app.js"/><file href="parcours.js"/><file href="parcours.css"/><file href="parcours-build.json"/>'), { 'parcours.js': '', 'parcours.css': '', ...extra });

  it('STATE_BUDGET and STATE_OVER_LIMIT from the build record; STATE_UNRECORDED without one', async () => {
    const fits = await verifyFiles(parcours({ 'parcours-build.json': record(1234) }));
    expect(fits.madeBy).toBe('Parcours 0.1.0');
    expect(finding(fits, 'STATE_BUDGET')?.message).toMatch(/at most 1,234 of the 4,096 characters SCORM 1\.2 keeps \(cmi\.suspend_data\) \(30 %\)/);
    expect(finding(await verifyFiles(parcours({ 'parcours-build.json': record(5000) })), 'STATE_OVER_LIMIT')?.message).toMatch(/5,000 characters, over the 4,096/);
    expect(codes(await verifyFiles(parcours({})))).toContain('STATE_UNRECORDED');
  });
});

describe('the catalogue', () => {
  it('every code is raised by one of the packages above', () => {
    expect(Object.keys(verifyCatalogue).filter((code) => !raised.has(code))).toEqual([]);
  });
});
