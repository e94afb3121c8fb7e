/**
 * Markdown nested too deeply for the reader (it recurses once per level): 20,000 nested `>`
 * overflowed its stack (exit 2, no file named), 1,000 nested list levels took 15 s, a few
 * thousand emphasis marks inside each other as long before overflowing. Each is now refused
 * with MARKDOWN_TOO_DEEP at the file and line, and no zip is written.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { validate } from '../../src/validate.js';
import { MAX_MARKDOWN_NESTING, tooDeepMarkdown } from '../../src/load/markdown-nesting.js';
import { ensureBuilt, minimalCourse, runCli } from '../cli/run-cli.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-md-depth-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The minimal course with its sheet's Markdown file (sheets/basics.md) replaced by `sheet`. */
async function courseWithSheet(name: string, sheet: string): Promise<string> {
  const dir = path.join(work, name);
  await cp(minimalCourse, dir, { recursive: true });
  await writeFile(path.join(dir, 'sheets', 'basics.md'), sheet);
  return dir;
}

const nestedList = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');

async function refused(dir: string) {
  const out = path.join(dir, '..', `${path.basename(dir)}-out`);
  const result = await build({ courseDir: dir, options: { outDir: out } });
  expect(result.ok).toBe(false);
  expect(await readdir(out).catch(() => [])).toEqual([]);
  return result.diagnostics.filter((d) => d.severity === 'error');
}

describe('deeply nested Markdown', () => {
  it('refuses 20,000 nested quotes at the file, where the reader overflowed its stack', async () => {
    const dir = await courseWithSheet('quotes', `# Sheet\n\n${'>'.repeat(20_000)} deep\n`);
    const [error, ...others] = await refused(dir);
    expect(others).toEqual([]);
    expect(error).toMatchObject({ code: 'MARKDOWN_TOO_DEEP', loc: { file: 'sheets/basics.md', line: 3, column: 1 } });
    expect(error!.message).toContain('line 3 of the text');
    expect(error!.hint).toContain(`at most ${MAX_MARKDOWN_NESTING} levels`);
  });

  it('refuses nested list levels past the limit at the line that goes too deep, indented or on one line', async () => {
    // 500 levels took 4 s to render; 1,000 (15 s) no longer fit in a course text (FILE_TOO_LARGE).
    const [indented] = await refused(await courseWithSheet('lists', `Intro\n\n${nestedList(500)}\n`));
    // Line 3 holds level 1; level 51 is the first past the limit.
    expect(indented).toMatchObject({ code: 'MARKDOWN_TOO_DEEP', loc: { file: 'sheets/basics.md', line: 3 + MAX_MARKDOWN_NESTING } });
    expect(indented!.message).toContain('nests quotes or lists about 51 levels deep');
    const [oneLine] = await refused(await courseWithSheet('list-line', `${'- '.repeat(1_000)}x\n`));
    expect(oneLine).toMatchObject({ code: 'MARKDOWN_TOO_DEEP', loc: { file: 'sheets/basics.md', line: 1 } });
  });

  it('refuses emphasis and links nested past the limit (seconds to render, then a stack overflow)', async () => {
    const [emphasis] = await refused(await courseWithSheet('emphasis', `Text\n\n${'*a _b '.repeat(3_000)}c${'_ d*'.repeat(3_000)}\n`));
    expect(emphasis).toMatchObject({ code: 'MARKDOWN_TOO_DEEP', loc: { file: 'sheets/basics.md', line: 3, column: 1 } });
    expect(emphasis!.message).toContain('nests emphasis or links about');
    const [links] = await refused(await courseWithSheet('links', `${'['.repeat(5_000)}a${'](x)'.repeat(5_000)}\n`));
    expect(links).toMatchObject({ code: 'MARKDOWN_TOO_DEEP', loc: { file: 'sheets/basics.md', line: 1 } });
  });

  it('builds what real courses write: nested lists, quotes and emphasis a few levels deep, deeply indented fenced code', async () => {
    const code = ['```json', ...Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}{ "level": ${i} }`), '```'].join('\n');
    const prose = `A *long* paragraph with **strong**, _em_, snake_case_names, \`code *with* [marks\` and [a *link*](https://example.org). `.repeat(40);
    const dir = await courseWithSheet('fine', `${nestedList(8)}\n\n> > > quoted\n\n${code}\n\n${prose}\n`);
    const result = await build({ courseDir: dir, options: { outDir: path.join(work, 'fine-out') } });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('is refused by the command with exit 1 and the file:line:column, not a crash', () => {
    ensureBuilt();
    return courseWithSheet('cli', `${'>'.repeat(20_000)} deep\n`).then((dir) => {
      const run = runCli(['build', dir, '--out', path.join(work, 'cli-out')]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/sheets\/basics\.md:1:1 {2}MARKDOWN_TOO_DEEP/);
    });
  });
});

describe('validate', () => {
  it('reports deep Markdown too, in a Markdown file and in a text written in YAML, before any Markdown reader runs', async () => {
    const dir = await courseWithSheet('validate', `Intro\n\n${'>'.repeat(20_000)} deep\n`);
    const step = path.join(dir, 'steps', '01-basics.yaml');
    const yaml = (await readFile(step, 'utf8')).replace('introduction: |\n  Welcome to **the basics**.', `introduction: "${'- '.repeat(60)}deep"`);
    await writeFile(step, yaml);
    const result = await validate(dir);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.loc?.file, d.loc?.line])).toEqual([
      ['MARKDOWN_TOO_DEEP', 'steps/01-basics.yaml', 5],
      ['MARKDOWN_TOO_DEEP', 'sheets/basics.md', 3],
    ]);
  });
});

describe('tooDeepMarkdown', () => {
  it('counts each quote and list marker, and two columns of indentation, as a level', () => {
    expect(tooDeepMarkdown('> > > x', 2)).toEqual({ line: 0, depth: 3, kind: 'block' });
    expect(tooDeepMarkdown('>>> x', 3)).toBeUndefined();
    expect(tooDeepMarkdown('a\n      - x', 3)).toEqual({ line: 1, depth: 4, kind: 'block' });
    expect(tooDeepMarkdown('1. 2) - * + x', 4)).toEqual({ line: 0, depth: 5, kind: 'block' });
    expect(tooDeepMarkdown('--- and text', 0)).toBeUndefined();
  });

  it('counts emphasis and links where they close, inside one paragraph, outside code spans', () => {
    expect(tooDeepMarkdown('*a _b [c](x) d_ e*', 2)).toEqual({ line: 0, depth: 3, kind: 'inline' });
    expect(tooDeepMarkdown('*a* _b_ [c](x) **d**', 1)).toBeUndefined();
    expect(tooDeepMarkdown('***e***', 1)).toEqual({ line: 0, depth: 2, kind: 'inline' }); // strong inside emphasis
    expect(tooDeepMarkdown('*a _b\nc_ d*', 1)).toEqual({ line: 1, depth: 2, kind: 'inline' });
    expect(tooDeepMarkdown('*a _b\n\nc_ d*', 1)).toBeUndefined(); // a blank line ends the paragraph
    expect(tooDeepMarkdown('`*a _b c_ d*` snake_case_name \\*a _b_ c\\*', 1)).toBeUndefined();
  });

  it('skips blank lines and fenced code, but not what follows the fence', () => {
    const deep = ' '.repeat(200) + 'x';
    expect(tooDeepMarkdown(`${' '.repeat(300)}\n~~~\n${deep}\n~~~`)).toBeUndefined();
    expect(tooDeepMarkdown(`\`\`\`\n${deep}\n\`\`\`\n${deep}`)).toEqual({ line: 3, depth: 100, kind: 'block' });
  });
});
