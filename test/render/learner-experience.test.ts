/**
 * What the build writes for the learner-experience fixture (issue 12, test/fixtures/valid/learner-experience):
 * a sheet that opens with its own title shows it once, the last page's link says "Back to the
 * overview" once, a fill-in blank keeps the punctuation after it before its marks, a survey's
 * summary has no pass mark, and no video fetches anything before its page is shown.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { resolveTargets } from '../../src/package/targets.js';
import { renderCourse } from '../../src/render/index.js';

const FIXTURE = path.resolve('test/fixtures/valid/learner-experience');
let html: string;

beforeAll(async () => {
  const { course, diagnostics } = await loadCourse(FIXTURE);
  if (!course) throw new Error(JSON.stringify(diagnostics));
  const index = (await renderCourse(course, resolveTargets(['scorm12'])[0]!)).find((f) => f.path === 'index.html');
  html = index?.kind === 'data' ? index.data.toString('utf8') : '';
});

/** The markup of one activity's view. */
const view = (id: string) => [...html.matchAll(/<section[^>]*data-activity="([^"]+)"[\s\S]*?<\/section>/g)].find((m) => m[1] === id)![0];

describe('the learner-experience fixture, rendered', () => {
  it('shows a sheet’s title once: the body’s opening heading that repeats it is left out', () => {
    const sheet = view('summary-sheet');
    expect(sheet).toContain('>Practice sheet – The summary</h1>');
    expect(sheet).not.toContain('The summary</h2>');
    expect(sheet).toContain('<p>Everything in one page.</p>');
  });

  it('ends the last page with one "Back to the overview" link', () => {
    const pager = /<nav class="pager"[\s\S]*?<\/nav>/.exec(view('summary-sheet'))![0];
    const next = /<a class="pager-link pager-link--next"[\s\S]*?<\/a>/.exec(pager)![0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    expect(next).toBe('Back to the overview');
  });

  it('keeps the full stop after a fill-in blank before its marks', () => {
    expect(view('steps-quiz')).toMatch(/data-blank="0"[^>]*>\.<span class="part-marks">/);
  });

  it('gives a survey no pass mark and no attempts in its summary', () => {
    expect(view('opinion')).toContain('<p class="quiz-summary">2 questions · not scored</p>');
  });

  it('puts the one-at-a-time quiz’s counter, Previous/Next and review in its form', () => {
    const quiz = view('steps-quiz');
    expect(quiz).toContain('data-one="Question {n} of {total}"');
    expect(quiz).toMatch(/<h2 class="quiz-counter" data-counter[^>]*tabindex="-1" hidden><\/h2>/);
    expect(quiz).toContain('data-action="prev"');
    expect(quiz).toContain('data-review hidden');
    // The whole-form quiz has none of it.
    expect(view('opinion')).not.toContain('data-counter');
  });
});
