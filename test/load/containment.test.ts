/**
 * A course folder may come from someone else: nothing outside it may reach a package or the
 * preview. Every file the course names (media, downloads, Markdown links and images, step
 * and Markdown files, course.yaml itself) passes one check: its real path is inside the real
 * course folder and it is a regular file. `validate` reports a refusal at file:line:column.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { courseFileReader, loadCourse } from '../../src/load/index.js';
import { SECRET, writeTinyCourse, type TinyCourse, type TinyCourseContent } from './course-files-gate.js';

let course: TinyCourse | undefined;
afterEach(() => course?.remove());

function tiny(content: TinyCourseContent): TinyCourse {
  course = writeTinyCourse(content);
  return course;
}

async function problems(dir: string) {
  const { diagnostics, course: loaded } = await loadCourse(dir);
  return { loaded, found: diagnostics.map((d) => ({ code: d.code, file: d.loc?.file, line: d.loc?.line, column: d.loc?.column, message: d.message })) };
}

describe('Markdown links and images to course files', () => {
  it('refuses a link to a symlink whose target is outside the course, at the link', async () => {
    const c = tiny({ sheet: '# Notes\n\nRead [the notes](files/notes.txt) first.\n' });
    fs.symlinkSync(c.secretFile, path.join(c.courseDir, 'files', 'notes.txt'));
    const { loaded, found } = await problems(c.courseDir);
    expect(loaded).toBeUndefined();
    expect(found).toEqual([
      { code: 'PATH_OUTSIDE_COURSE', file: 'sheets/sheet.md', line: 3, column: 6, message: expect.stringContaining('link to a file outside') },
    ]);
    expect(JSON.stringify(found)).not.toContain(SECRET);
  });

  it('refuses a file reached through a folder symlink that leads out', async () => {
    const c = tiny({ sheet: 'See ![secret](files/shared/secret.txt).\n' });
    fs.symlinkSync(c.secretDir, path.join(c.courseDir, 'files', 'shared'));
    const { found } = await problems(c.courseDir);
    expect(found).toEqual([
      { code: 'PATH_OUTSIDE_COURSE', file: 'sheets/sheet.md', line: 1, column: 5, message: expect.stringContaining('linked folder') },
    ]);
  });

  it('refuses a link to /proc/self/environ (the builder’s environment)', async () => {
    const c = tiny({ sheet: '[env](files/env.txt)\n' });
    fs.symlinkSync('/proc/self/environ', path.join(c.courseDir, 'files', 'env.txt'));
    const { found } = await problems(c.courseDir);
    expect(found.map((d) => d.code)).toEqual(['PATH_OUTSIDE_COURSE']);
  });

  it('refuses a named pipe inside the course without waiting on it', async () => {
    const c = tiny({ sheet: '[pipe](files/pipe.txt)\n' });
    execFileSync('mkfifo', [path.join(c.courseDir, 'files', 'pipe.txt')]);
    const { found } = await problems(c.courseDir);
    expect(found).toEqual([
      { code: 'NOT_A_FILE', file: 'sheets/sheet.md', line: 1, column: 1, message: 'Path `files/pipe.txt` is a named pipe, not a file' },
    ]);
  });

  it('refuses a link written in raw HTML, entities decoded', async () => {
    const c = tiny({ sheet: 'Intro\n\n<p><a href="files/notes&#46;txt">notes</a></p>\n' });
    fs.symlinkSync(c.secretFile, path.join(c.courseDir, 'files', 'notes.txt'));
    const { found } = await problems(c.courseDir);
    expect(found).toMatchObject([{ code: 'PATH_OUTSIDE_COURSE', file: 'sheets/sheet.md', line: 3, column: 7 }]);
  });

  it('points into the YAML file for a link in inline Markdown', async () => {
    const c = tiny({ introduction: 'Start with [the notes](files/notes.txt).' });
    fs.symlinkSync(c.secretFile, path.join(c.courseDir, 'files', 'notes.txt'));
    const { found } = await problems(c.courseDir);
    // `introduction: "Start with [the notes]...` on line 4: the link starts at column 27.
    expect(found).toMatchObject([{ code: 'PATH_OUTSIDE_COURSE', file: 'steps/01.yaml', line: 4, column: 27 }]);
  });

  it('accepts a link to a course file (beside the text or from the root), and leaves links to nothing alone', async () => {
    const c = tiny({ sheet: '[notes](../files/notes.pdf), [again](files/notes.pdf), [elsewhere](missing.pdf), [web](https://example.org/a.html)\n' });
    const { loaded, found } = await problems(c.courseDir);
    expect(found).toEqual([]);
    expect(loaded).toBeDefined();
  });

  it('accepts a symlink to a file inside the course', async () => {
    const c = tiny({ sheet: '[notes](files/alias.pdf)\n' });
    fs.symlinkSync('notes.pdf', path.join(c.courseDir, 'files', 'alias.pdf'));
    expect((await problems(c.courseDir)).found).toEqual([]);
  });
});

describe('media, downloads and course texts', () => {
  it('refuses a download that is a named pipe', async () => {
    const c = tiny({ attachments: ['files/pipe.pdf'] });
    execFileSync('mkfifo', [path.join(c.courseDir, 'files', 'pipe.pdf')]);
    const { found } = await problems(c.courseDir);
    expect(found).toMatchObject([{ code: 'NOT_A_FILE', file: 'steps/01.yaml', line: 11, column: 14 }]);
  });

  it('refuses a download reached through a folder symlink that leads out', async () => {
    const c = tiny({ attachments: ['files/shared/secret.pdf'] });
    fs.writeFileSync(path.join(c.secretDir, 'secret.pdf'), '%PDF secret');
    fs.symlinkSync(c.secretDir, path.join(c.courseDir, 'files', 'shared'));
    const { found } = await problems(c.courseDir);
    expect(found).toMatchObject([{ code: 'PATH_OUTSIDE_COURSE', file: 'steps/01.yaml', line: 11, column: 14 }]);
  });

  it('refuses a Markdown file that is a symlink out of the course', async () => {
    const c = tiny({});
    fs.rmSync(path.join(c.courseDir, 'sheets', 'sheet.md'));
    fs.copyFileSync(c.secretFile, path.join(c.secretDir, 'secret.md'));
    fs.symlinkSync(path.join(c.secretDir, 'secret.md'), path.join(c.courseDir, 'sheets', 'sheet.md'));
    const { found } = await problems(c.courseDir);
    expect(found).toMatchObject([{ code: 'PATH_OUTSIDE_COURSE', file: 'steps/01.yaml', line: 8, column: 19 }]);
  });

  it('says a folder given as a file is a folder', async () => {
    const c = tiny({ attachments: ['files/folder.pdf'] });
    fs.mkdirSync(path.join(c.courseDir, 'files', 'folder.pdf'));
    const { found } = await problems(c.courseDir);
    expect(found).toMatchObject([{ code: 'NOT_A_FILE', message: 'Path `files/folder.pdf` is a folder, not a file' }]);
  });
});

describe('files that cannot be read', () => {
  it('says what went wrong and what to do, not the raw error (a loop of symbolic links)', async () => {
    const c = tiny({ attachments: ['files/loop.pdf'] });
    fs.symlinkSync('loop-back.pdf', path.join(c.courseDir, 'files', 'loop.pdf'));
    fs.symlinkSync('loop.pdf', path.join(c.courseDir, 'files', 'loop-back.pdf'));
    const { diagnostics } = await loadCourse(c.courseDir);
    expect(diagnostics).toMatchObject([
      {
        code: 'FILE_UNREADABLE',
        loc: { file: 'steps/01.yaml', line: 11, column: 14 },
        message: 'File `files/loop.pdf` cannot be read: it is a loop of symbolic links',
        hint: 'Replace the link by the file itself.',
      },
    ]);
  });
});

describe('course.yaml', () => {
  it('refuses a course.yaml that is a symlink out of the folder, without quoting its target', async () => {
    const c = tiny({});
    const outsideYaml = path.join(c.secretDir, 'course.yaml');
    fs.writeFileSync(outsideYaml, `id: ${SECRET}\n`);
    fs.rmSync(path.join(c.courseDir, 'course.yaml'));
    fs.symlinkSync(outsideYaml, path.join(c.courseDir, 'course.yaml'));
    const { found } = await problems(c.courseDir);
    expect(found).toEqual([
      { code: 'PATH_OUTSIDE_COURSE', file: 'course.yaml', line: 1, column: 1, message: 'Path `course.yaml` is a link to a file outside the course folder' },
    ]);
    // Code frames read course files through the same gate: nothing of the target is shown.
    expect(courseFileReader(c.courseDir)('course.yaml')).toBeUndefined();
    expect(courseFileReader(c.courseDir)('steps/01.yaml')).toContain('id: first');
  });

  it('refuses a course.yaml that is a named pipe, without waiting on it', async () => {
    const c = tiny({});
    fs.rmSync(path.join(c.courseDir, 'course.yaml'));
    execFileSync('mkfifo', [path.join(c.courseDir, 'course.yaml')]);
    const { found } = await problems(c.courseDir);
    expect(found).toMatchObject([{ code: 'NOT_A_FILE', file: 'course.yaml', line: 1, column: 1 }]);
  });

  it('refuses a step file that is a symlink out, at its entry in course.yaml', async () => {
    const c = tiny({});
    fs.renameSync(path.join(c.courseDir, 'steps', '01.yaml'), path.join(c.secretDir, '01.yaml'));
    fs.symlinkSync(path.join(c.secretDir, '01.yaml'), path.join(c.courseDir, 'steps', '01.yaml'));
    const { found } = await problems(c.courseDir);
    expect(found).toMatchObject([{ code: 'PATH_OUTSIDE_COURSE', file: 'course.yaml', line: 6, column: 5 }]);
  });
});
