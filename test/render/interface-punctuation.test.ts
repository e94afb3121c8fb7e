/**
 * Punctuation that differs by language comes from the interface strings, never from a
 * template or code: an English page had French spacing ("Step 1 : Getting started") because
 * the breadcrumb and the step list wrote " : " themselves. French puts a space before : ; ? !
 * and %, English none.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { resolveTargets } from '../../src/package/targets.js';
import { renderCourse } from '../../src/render/index.js';
import { minimalCourse, repoRoot } from '../cli/run-cli.js';

const everyQuestionType = path.join(repoRoot, 'test', 'fixtures', 'valid', 'every-question-type');
const [scorm12] = resolveTargets(['scorm12']);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-punctuation-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** index.html of a copy of `course` in `language`. */
async function page(course: string, language: 'en' | 'fr'): Promise<string> {
  const dir = path.join(work, `${path.basename(course)}-${language}`);
  await cp(course, dir, { recursive: true });
  const yaml = path.join(dir, 'course.yaml');
  await writeFile(yaml, (await readFile(yaml, 'utf8')).replace(/^language: \w+$/m, `language: ${language}`));
  const { course: loaded, diagnostics } = await loadCourse(dir);
  if (!loaded) throw new Error(JSON.stringify(diagnostics));
  const index = (await renderCourse(loaded, scorm12!)).find((f) => f.path === 'index.html');
  return index?.kind === 'data' ? index.data.toString('utf8') : '';
}

/** The page without its scripts (course data, runtime) and styles: the interface and the author's text. */
const markup = (html: string) => html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
const FRENCH_SPACING = /[ \u00a0\u202f]+[:;?!%]/;

describe('interface punctuation by language', () => {
  it('writes the step in the breadcrumb and the step list with the punctuation of the language', async () => {
    const en = await page(minimalCourse, 'en');
    expect(en).toContain('<a href="#/basics">Step 1: The basics</a>');
    expect(en).toContain('<span class="visually-hidden">Step 1: </span>The basics');
    const fr = await page(minimalCourse, 'fr');
    expect(fr).toContain('<a href="#/basics">Étape 1 : The basics</a>');
    expect(fr).toContain('<span class="visually-hidden">Étape 1 : </span>The basics');
  });

  it('leaves no French spacing in an English page of an English course', async () => {
    expect(markup(await page(minimalCourse, 'en')).match(new RegExp(FRENCH_SPACING, 'g'))).toBeNull();
  });

  it('writes a percentage as the language does', async () => {
    expect(await page(everyQuestionType, 'en')).toContain('Expected answer: 40% (give or take 5%)');
    expect(await page(everyQuestionType, 'fr')).toContain('Réponse attendue : 40\u00a0% (à 5\u00a0% près)');
  });

  it('keeps the interface strings true to their language (templates and runtime)', async () => {
    const json = async (language: string) =>
      Object.values(JSON.parse(await readFile(path.join(repoRoot, 'templates', 'i18n', `${language}.json`), 'utf8')) as Record<string, string>);
    // The runtime's two tables, read from its source: the bundle keeps one.
    const runtime = await readFile(path.join(repoRoot, 'src', 'runtime', 'i18n.ts'), 'utf8');
    const table = (name: string) => {
      const body = new RegExp(`const ${name}\\b[^{]*\\{([\\s\\S]*?)\\n\\};`).exec(runtime)![1]!;
      return [...body.matchAll(/^\s*[\w-]+: '((?:[^'\\]|\\.)*)',?$/gm)].map((m) => JSON.parse(`"${m[1]!.replace(/"/g, '\\"')}"`) as string);
    };
    const english = [...(await json('en')), ...table('en')];
    const french = [...(await json('fr')), ...table('fr')];
    expect(english.length).toBeGreaterThan(100);
    expect(english.filter((s) => FRENCH_SPACING.test(s))).toEqual([]);
    // In French, : ; ? ! and % follow a space (a no-break one before %).
    expect(french.filter((s) => /[^ \u00a0\u202f][:;?!%]/.test(s.replace(/https?:/g, '')))).toEqual([]);
  });
});
