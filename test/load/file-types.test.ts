/**
 * One allow-list of file types for everything a package carries (media, downloads, files and
 * images Markdown links to): pages, SVG, XML and scripts would run on the LMS's origin,
 * outside the HTML sanitizer. Checked by extension and by the file's first bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { isPackaged, looksActive, mediaRules, packagedTypes, type MediaCategory } from '../../src/load/media.js';
import { resolveTargets } from '../../src/package/targets.js';
import { renderCourse } from '../../src/render/index.js';
import { writeTinyCourse, type TinyCourse, type TinyCourseContent } from './course-files-gate.js';

let course: TinyCourse | undefined;
afterEach(() => course?.remove());

async function load(content: TinyCourseContent, files: Record<string, string>) {
  course = writeTinyCourse(content);
  for (const [relPath, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(course.courseDir, relPath)), { recursive: true });
    fs.writeFileSync(path.join(course.courseDir, relPath), text);
  }
  const { course: loaded, diagnostics } = await loadCourse(course.courseDir);
  return { loaded, found: diagnostics.map((d) => ({ code: d.code, file: d.loc?.file, line: d.loc?.line, column: d.loc?.column, message: d.message })) };
}

describe('active files', () => {
  it.each(['html', 'htm', 'xhtml', 'svg', 'xml', 'js', 'HTML'])('refuses a Markdown link to a course .%s file, naming the file and the allowed types', async (extension) => {
    const { loaded, found } = await load({ sheet: `Open [the page](files/page.${extension}).\n` }, { [`files/page.${extension}`]: 'hello\n' });
    expect(loaded).toBeUndefined();
    expect(found).toEqual([{ code: 'UNSUPPORTED_MEDIA_TYPE', file: 'sheets/sheet.md', line: 1, column: 6, message: expect.stringContaining(`Linked file \`files/page.${extension}\` must be .mp4, .webm, .vtt,`) }]);
    expect(found[0]!.message).toContain(`can run script in the LMS's page`);
  });

  it('refuses a Markdown image in SVG', async () => {
    const { found } = await load({ sheet: '![logo](media/logo.svg)\n' }, { 'media/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    expect(found).toMatchObject([{ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/^Image `media\/logo\.svg` must be \.jpg, \.jpeg, \.png, \.webp or \.gif \(a \.svg file can run script/) }]);
  });

  it('refuses a page renamed .txt or .jpg, whatever links to it', async () => {
    const { found } = await load(
      { sheet: '[notes](files/notes.txt) ![photo](media/photo.jpg)\n', attachments: ['files/report.pdf'] },
      {
        'files/notes.txt': '\n  <!DOCTYPE html><script>alert(1)</script>',
        'media/photo.jpg': '<svg onload="alert(1)"/>',
        'files/report.pdf': '<?xml version="1.0"?><x/>',
      },
    );
    expect(found.map((d) => [d.code, d.file, d.message])).toEqual([
      ['ACTIVE_CONTENT', 'steps/01.yaml', 'Download `files/report.pdf` holds HTML or XML markup, which a browser could run as a page'],
      ['ACTIVE_CONTENT', 'sheets/sheet.md', 'Linked file `files/notes.txt` holds HTML or XML markup, which a browser could run as a page'],
      ['ACTIVE_CONTENT', 'sheets/sheet.md', 'Image `media/photo.jpg` holds HTML or XML markup, which a browser could run as a page'],
    ]);
  });

  it('accepts documents and images of the allowed types, and packages them', async () => {
    const { loaded, found } = await load(
      { sheet: '[notes](files/notes.txt), [slides](files/slides.pdf), ![photo](media/photo.png)\n' },
      { 'files/notes.txt': 'Plain notes: a < b and <b> is bold in HTML.\n', 'files/slides.pdf': '%PDF-1.4', 'media/photo.png': '\x89PNG\r\n' },
    );
    expect(found).toEqual([]);
    const files = await renderCourse(loaded!, resolveTargets(['scorm12'])[0]!);
    expect(files.filter((f) => f.path.startsWith('content/')).map((f) => f.path)).toEqual([
      'content/files/notes.txt',
      'content/files/slides.pdf',
      'content/media/photo.png',
    ]);
  });
});

describe('the allow-list', () => {
  it('is the one list every packaged place draws from, and holds no active type', () => {
    for (const category of Object.keys(mediaRules) as MediaCategory[]) {
      if (!isPackaged(category)) continue;
      for (const extension of mediaRules[category].extensions) expect(Object.keys(packagedTypes), `${category}: .${extension}`).toContain(extension);
    }
    for (const active of ['html', 'htm', 'xhtml', 'svg', 'xml', 'xsl', 'js', 'mjs', 'swf']) expect(Object.keys(packagedTypes)).not.toContain(active);
  });

  it('sniffs markup the way browsers do (leading spaces, any case, a byte-order mark), not text that merely contains it', () => {
    const bytes = (text: string) => Buffer.from(text, 'utf8');
    for (const page of ['<html>', ' \n\t<HTML lang="en">', '\ufeff<!doctype html>', '<script>x</script>', '<svg/>', '<?xml version="1.0"?>', '<!-- c -->', '<iframe src=x>']) {
      expect(looksActive(bytes(page)), page).toBe(true);
    }
    for (const text of ['WEBVTT\n', '%PDF-1.7', 'PK\x03\x04', 'a <b> tag', '<notatag', '<br2>', 'Plain text']) expect(looksActive(bytes(text)), text).toBe(false);
  });
});
