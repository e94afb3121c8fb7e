/**
 * Fill-in blanks become inputs in the text only. Before, stand-ins were swapped into the
 * sanitised HTML by splitting strings: a blank in a link title broke the attribute (an input
 * inside `title="…"`), and the stand-in written as text became a phantom input.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CourseError } from '../../src/diagnostics/diagnostic.js';
import { loadCourse } from '../../src/load/index.js';
import type { FillInQuestion, QuizActivity } from '../../src/model/course.js';
import { resolveTargets } from '../../src/package/targets.js';
import { misplacedBlanks } from '../../src/questions/fill-in-blanks.js';
import { renderCourse } from '../../src/render/index.js';
import { loadQuestion } from './load-question.js';

const head = 'id: gap\ntype: fill-in\nprompt: Complete.\nexplanation: Because.';
const [scorm12] = resolveTargets(['scorm12']);

/** The fill-in text of a one-question course rendered for SCORM 1.2, as HTML; `change` edits the model first. */
async function renderedText(text: string, change?: (q: FillInQuestion) => void): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parcours-fill-in-'));
  try {
    writeFileSync(path.join(dir, 'course.yaml'), 'id: c\ntitle: C\nlanguage: en\ndescription: D\nsteps:\n  - steps/01.yaml\n');
    mkdirSync(path.join(dir, 'steps'));
    const question = `      - id: gap\n        type: fill-in\n        prompt: Complete.\n        explanation: Because.\n        text: ${JSON.stringify(text)}\n`;
    writeFileSync(path.join(dir, 'steps', '01.yaml'), `id: s\ntitle: S\nduration: 5 min\nactivities:\n  - kind: quiz\n    id: q\n    title: Q\n    questions:\n${question}`);
    const { course, diagnostics } = await loadCourse(dir);
    if (!course) throw new Error(JSON.stringify(diagnostics));
    change?.((course.steps[0]!.activities[0] as QuizActivity).questions[0] as FillInQuestion);
    const files = await renderCourse(course, scorm12!);
    const page = files.find((f) => f.path === 'index.html');
    const html = page?.kind === 'data' ? page.data.toString('utf8') : '';
    return /<p class="fill-in-text">([\s\S]*?)<\/p>/.exec(html)![1]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const inputs = (html: string) => [...html.matchAll(/<input [^>]*data-blank="(\d+)"/g)].map((m) => Number(m[1]));

describe('fill-in blanks and markup', () => {
  it('refuses a blank in a link (text, address or title), an image or an HTML tag, at the text', async () => {
    const cases = [
      ['[[a]] and [see](https://example.org "the [[title]]")', 2, 'a link'],
      ['[[a]] and [the [[word]]](https://example.org)', 2, 'a link'],
      ['![a [[map]]](https://example.org/map.png) [[a]]', 1, 'an image'],
      ['[[a]] <abbr title="[[x]]">y</abbr>', 2, 'an HTML tag or comment'],
    ] as const;
    for (const [text, n, where] of cases) {
      const { diagnostics, errors } = await loadQuestion(`${head}\ntext: ${JSON.stringify(text)}`);
      expect(errors, text).toEqual(['BLANK_OUTSIDE_TEXT']);
      expect(diagnostics[0]!.message, text).toBe(`Blank ${n} of question \`gap\` is inside ${where}, where no input can go`);
    }
  });

  it('accepts blanks in plain, emphasised or code text', async () => {
    expect(misplacedBlanks('A [[b]], *a [[c]]*, **[[d]]**, `[[e]]` and [a link](https://example.org) [[f]].')).toEqual([]);
    const html = await renderedText('A [[b]], *a [[c]]*, [a link](https://example.org "Title") [[d]].');
    expect(inputs(html)).toEqual([0, 1, 2]);
    expect(html).toContain('title="Title"');
  });

  it('shows the stand-in when the author writes it, without a phantom input', async () => {
    for (const text of ['PARCOURSBLANK0X then [[a]] and PARCOURSBLANK1X', 'PARCOURS<!-- -->BLANK1X then [[a]]', 'PARCOURS&#66;LANK0X [[a]]']) {
      const html = await renderedText(text);
      expect(inputs(html), text).toEqual([0]);
      expect(html, text).toMatch(/PARCOURSBLANK\dX/);
    }
  });

  it('never writes an input inside a tag, even for a blank the loader let through', async () => {
    const error = await renderedText('[[a]] and [see](https://example.org "the title")', (q) => {
      // As if the loader had missed it: the model's text now holds a blank in a link title.
      q.text = { ...q.text, source: '[[a]] and [see](https://example.org "the [[title]]")' };
      q.blanks = [['a'], ['title']];
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CourseError);
    expect((error as CourseError).diagnostics[0]).toMatchObject({ code: 'BLANK_OUTSIDE_TEXT', message: expect.stringContaining('Blank 2 of question `gap`') });
  });
});
