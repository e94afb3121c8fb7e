/**
 * The containment check is made again where a course file is used, not only when the course
 * is loaded: a file swapped for a link out of the course (or a named pipe) between `validate`
 * and the moment it is rendered, zipped or served never gets through.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CourseError } from '../../src/diagnostics/diagnostic.js';
import { loadCourse } from '../../src/load/index.js';
import { CourseFileChangedError } from '../../src/load/course-files.js';
import type { Course } from '../../src/model/course.js';
import { resolveTargets } from '../../src/package/targets.js';
import { startPreviewServer } from '../../src/preview/preview-server.js';
import { renderCourse } from '../../src/render/index.js';
import { writeZip } from '../../src/write/zip.js';
import { SECRET, writeTinyCourse, type TinyCourse } from './course-files-gate.js';

const [scorm12] = resolveTargets(['scorm12']);

let course: TinyCourse | undefined;
afterEach(() => course?.remove());

async function loaded(sheet: string, attachments: string[] = []): Promise<{ c: TinyCourse; model: Course }> {
  const c = writeTinyCourse({ sheet, attachments });
  course = c;
  const { course: model, diagnostics } = await loadCourse(c.courseDir);
  expect(diagnostics).toEqual([]);
  return { c, model: model! };
}

/** Replaces a course file by a symlink to the secret outside the course. */
function swapForLink(c: TinyCourse, relPath: string): void {
  fs.rmSync(path.join(c.courseDir, relPath));
  fs.symlinkSync(c.secretFile, path.join(c.courseDir, relPath));
}

describe('rendering', () => {
  it('packages no Markdown link that leads out by the time the course is rendered, and says where it is', async () => {
    const { c, model } = await loaded('[notes](files/notes.pdf)\n');
    swapForLink(c, 'files/notes.pdf');
    const error = await renderCourse(model, scorm12!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CourseError);
    expect((error as CourseError).diagnostics).toMatchObject([{ code: 'PATH_OUTSIDE_COURSE', loc: { file: 'sheets/sheet.md' } }]);
  });
});

describe('writing the zip', () => {
  it('refuses a download swapped for a link out after rendering, and writes no zip', async () => {
    const { c, model } = await loaded('# Sheet\n', ['files/notes.pdf']);
    const files = await renderCourse(model, scorm12!);
    swapForLink(c, 'files/notes.pdf');
    const zipPath = path.join(c.work, 'dist', 'tiny.zip');
    const error = await writeZip(zipPath, files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CourseFileChangedError);
    expect((error as Error).message).toContain('`files/notes.pdf` is a link to a file outside the course folder');
    expect(fs.readdirSync(path.join(c.work, 'dist'))).toEqual([]);
  });

  it('refuses a download swapped for a named pipe, without waiting on it', async () => {
    const { c, model } = await loaded('# Sheet\n', ['files/notes.pdf']);
    const files = await renderCourse(model, scorm12!);
    fs.rmSync(path.join(c.courseDir, 'files/notes.pdf'));
    execFileSync('mkfifo', [path.join(c.courseDir, 'files/notes.pdf')]);
    const error = await writeZip(path.join(c.work, 'dist', 'tiny.zip'), files).catch((e: unknown) => e);
    expect((error as Error).message).toContain('is a named pipe');
  });
});

describe('the preview', () => {
  it('does not serve a course file swapped for a link out since the build', async () => {
    const { c, model } = await loaded('# Sheet\n', ['files/notes.pdf']);
    const files = await renderCourse(model, scorm12!);
    const server = await startPreviewServer(0, { page: '<p>page</p>', files: new Map(files.map((f) => [f.path, f])), buildId: '1' });
    try {
      const get = (p: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          http.get(new URL(p, server.url), (res) => {
            let body = '';
            res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          }).on('error', reject);
        });
      expect(await get('content/files/notes.pdf')).toEqual({ status: 200, body: '%PDF-1.4 notes\n' });
      swapForLink(c, 'files/notes.pdf');
      const answer = await get('content/files/notes.pdf');
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain(SECRET);
    } finally {
      await server.close();
    }
  });
});
