/** Paths must stay inside the course folder: `../`, absolute paths, URLs, symlinks leading out. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';

const minimal = fileURLToPath(new URL('../fixtures/valid/minimal/', import.meta.url));
const stepFile = 'steps/01-basics.yaml';

let work: string;
let courseDir: string;

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-paths-'));
  courseDir = path.join(work, 'course');
  fs.cpSync(minimal, courseDir, { recursive: true });
  fs.writeFileSync(path.join(work, 'outside.pdf'), 'outside\n');
});

afterEach(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

/** Points the sheet's attachment at `src` and returns the diagnostics. */
async function attachmentDiagnostics(src: string) {
  const file = path.join(courseDir, stepFile);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('src: files/basics.pdf', `src: ${JSON.stringify(src)}`));
  const { diagnostics } = await loadCourse(courseDir);
  return diagnostics.map((d) => ({ code: d.code, line: d.loc?.line, message: d.message }));
}

describe('course paths', () => {
  it.each([
    ['../outside.pdf', 'goes up out of the course folder'],
    ['files/../../outside.pdf', 'goes up out of the course folder'],
    ['/etc/hosts.pdf', 'is absolute'],
    ['C:\\docs\\file.pdf', 'is absolute'],
    ['https://example.com/file.pdf', 'is a URL'],
  ])('refuses %s', async (src, reason) => {
    const diagnostics = await attachmentDiagnostics(src);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'PATH_OUTSIDE_COURSE', line: 82 });
    expect(diagnostics[0]?.message).toContain(reason);
  });

  it('refuses a symlink whose target is outside the folder', async () => {
    fs.symlinkSync(path.join(work, 'outside.pdf'), path.join(courseDir, 'files/link.pdf'));
    const diagnostics = await attachmentDiagnostics('files/link.pdf');
    expect(diagnostics).toEqual([
      { code: 'PATH_OUTSIDE_COURSE', line: 82, message: expect.stringContaining('link to a file outside') },
    ]);
  });

  it('accepts a symlink to a file inside the folder, under the path the author wrote', async () => {
    fs.symlinkSync('basics.pdf', path.join(courseDir, 'files/alias.pdf'));
    expect(await attachmentDiagnostics('files/alias.pdf')).toEqual([]);
    const { course } = await loadCourse(courseDir);
    const sheet = course?.steps[0]?.activities.find((a) => a.kind === 'sheet');
    expect(sheet?.kind === 'sheet' && sheet.attachments[0]?.file.path).toBe('files/alias.pdf');
  });

  it('accepts a path with ./ segments and stores it normalised', async () => {
    expect(await attachmentDiagnostics('./files/./basics.pdf')).toEqual([]);
    const { course } = await loadCourse(courseDir);
    const sheet = course?.steps[0]?.activities.find((a) => a.kind === 'sheet');
    expect(sheet?.kind === 'sheet' && sheet.attachments[0]?.file.path).toBe('files/basics.pdf');
  });

  it('loads a course reached through a symlinked folder', async () => {
    const link = path.join(work, 'linked-course');
    fs.symlinkSync(courseDir, link);
    const { diagnostics, course } = await loadCourse(link);
    expect(diagnostics).toEqual([]);
    expect(course?.rootDir).toBe(link);
  });

  it('suggests the file whose name differs only by case', async () => {
    const diagnostics = await attachmentDiagnostics('files/Basics.pdf');
    expect(diagnostics).toEqual([
      { code: 'FILE_NOT_FOUND', line: 82, message: 'File `files/Basics.pdf` not found; did you mean `files/basics.pdf`?' },
    ]);
  });

  it('reports a folder given where a file is expected', async () => {
    const diagnostics = await attachmentDiagnostics('files');
    expect(diagnostics).toContainEqual({ code: 'NOT_A_FILE', line: 82, message: 'Path `files` is a folder, not a file' });
  });
});
