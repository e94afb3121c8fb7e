/**
 * No input may hang the loader or exhaust its memory: files are read up to a size, YAML
 * nesting and aliases are bounded, and each bound is a diagnostic at the file that passes it,
 * saying what the bound is (not a generic internal error).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { MAX_SOURCE_BYTES } from '../../src/load/course-files.js';
import { writeTinyCourse, type TinyCourse } from './course-files-gate.js';

let course: TinyCourse | undefined;
afterEach(() => course?.remove());

function tiny(): TinyCourse {
  course = writeTinyCourse({});
  return course;
}

async function found(dir: string) {
  const { diagnostics, course: loaded } = await loadCourse(dir);
  expect(loaded).toBeUndefined();
  return diagnostics.map((d) => ({ code: d.code, file: d.loc?.file, line: d.loc?.line, column: d.loc?.column, message: d.message }));
}

function appendToCourseYaml(c: TinyCourse, text: string): void {
  fs.appendFileSync(path.join(c.courseDir, 'course.yaml'), text);
}

describe('YAML aliases', () => {
  it('accepts 100 aliases', async () => {
    const c = tiny();
    appendToCourseYaml(c, `authors: [&who Ann, ${Array(100).fill('*who').join(', ')}]\n`);
    const { diagnostics, course: loaded } = await loadCourse(c.courseDir);
    expect(diagnostics).toEqual([]);
    expect(loaded?.authors).toHaveLength(101);
  });

  it('refuses the 101st alias at its place, saying how many are allowed', async () => {
    const c = tiny();
    appendToCourseYaml(c, `authors: [&who Ann, ${Array(101).fill('*who').join(', ')}]\n`);
    // `authors: [&who Ann, ` is 20 characters, each `*who, ` 6: the 101st alias starts at column 21 + 100 × 6.
    expect(await found(c.courseDir)).toEqual([
      { code: 'YAML_TOO_MANY_ALIASES', file: 'course.yaml', line: 7, column: 621, message: 'Too many YAML aliases in this file: 101 aliases (`*name`), where at most 100 are read' },
    ]);
  });

  it('refuses aliases of aliases that would expand into billions of copies (a "billion laughs" file)', async () => {
    const c = tiny();
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    fs.writeFileSync(path.join(c.courseDir, 'steps', '01.yaml'), `${levels.join('\n')}\n`);
    expect(await found(c.courseDir)).toMatchObject([
      { code: 'YAML_TOO_MANY_ALIASES', file: 'steps/01.yaml', line: 2, message: 'Too many YAML aliases in this file: aliases (`*name`) of aliases that expand into more than 1,000 copies' },
    ]);
  });
});

describe('YAML nesting', () => {
  it.each([
    ['flow lists', (n: number) => `x: ${'['.repeat(n)}${']'.repeat(n)}\n`, 1, 68],
    ['block lists', (n: number) => `x:\n  ${'- '.repeat(n)}deep\n`, 2, 131],
    ['flow mappings', (n: number) => `x: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`, 1, 260],
  ])('refuses %s nested 100,000 deep, at the one that opens level 66', async (_what, write, line, column) => {
    const c = tiny();
    fs.writeFileSync(path.join(c.courseDir, 'steps', '01.yaml'), write(100_000));
    expect(await found(c.courseDir)).toEqual([
      { code: 'YAML_TOO_DEEP', file: 'steps/01.yaml', line, column, message: 'Values are nested more than 64 levels deep here' },
    ]);
  });

  it('does not count brackets inside text (fill-in blanks, quoted strings, block scalars)', async () => {
    const c = tiny();
    const brackets = '[['.repeat(200);
    appendToCourseYaml(c, `authors:\n  - "${brackets}"\n  - |\n    ${brackets}\n  - plain ${brackets}\n`);
    const { diagnostics } = await loadCourse(c.courseDir);
    expect(diagnostics).toEqual([]);
  });

  it('reads nesting up to the limit (it then reports what the schema says)', async () => {
    const c = tiny();
    appendToCourseYaml(c, `extra: ${'['.repeat(60)}${']'.repeat(60)}\n`);
    expect((await found(c.courseDir)).map((d) => d.code)).toEqual(['UNKNOWN_FIELD']);
  });
});

describe('file sizes', () => {
  it('refuses a 50 MB step file without reading it, at its entry in course.yaml', async () => {
    const c = tiny();
    const step = path.join(c.courseDir, 'steps', '01.yaml');
    const fd = fs.openSync(step, 'w');
    fs.writeSync(fd, 'id: "');
    fs.writeSync(fd, Buffer.alloc(50_000_000, 'x'));
    fs.writeSync(fd, '"\n');
    fs.closeSync(fd);
    expect(await found(c.courseDir)).toEqual([
      { code: 'FILE_TOO_LARGE', file: 'course.yaml', line: 6, column: 5, message: 'File `steps/01.yaml` is 50 MB; course texts are read up to 1 MB' },
    ]);
  });

  it('refuses a Markdown file over the limit, at the field naming it, in bytes when the sizes would read alike', async () => {
    const c = tiny();
    fs.writeFileSync(path.join(c.courseDir, 'sheets', 'sheet.md'), 'word '.repeat(MAX_SOURCE_BYTES / 5 + 1));
    expect(await found(c.courseDir)).toEqual([
      {
        code: 'FILE_TOO_LARGE',
        file: 'steps/01.yaml',
        line: 8,
        column: 19,
        message: 'File `sheets/sheet.md` is 1,000,005 bytes; course texts are read up to 1,000,000 bytes',
      },
    ]);
  });

  it('refuses a course.yaml over the limit, at the file itself', async () => {
    const c = tiny();
    appendToCourseYaml(c, `# ${'x'.repeat(MAX_SOURCE_BYTES)}\n`);
    expect(await found(c.courseDir)).toMatchObject([{ code: 'FILE_TOO_LARGE', file: 'course.yaml', line: 1, column: 1 }]);
  });

  it('reads a file of exactly the limit', async () => {
    const c = tiny();
    const sheet = '# Sheet\n\n';
    fs.writeFileSync(path.join(c.courseDir, 'sheets', 'sheet.md'), sheet + 'a'.repeat(MAX_SOURCE_BYTES - sheet.length));
    const { diagnostics } = await loadCourse(c.courseDir);
    expect(diagnostics).toEqual([]);
  });
});
