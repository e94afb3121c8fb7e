/**
 * The runtime bundle carries the question types its course uses and no other: the build
 * generates the runtime's list of types (src/render/runtime-bundle.ts).
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildRuntimeBundle, usedQuestionTypes } from '../../src/render/runtime-bundle.js';
import { loadCourse } from '../../src/load/index.js';

const EVERY_TYPE = new URL('../fixtures/valid/every-question-type/', import.meta.url).pathname;
const CHOICE_TYPES = ['multiple-choice', 'single-choice', 'true-false'];

/** Text only each type's runtime module holds (selectors, markup hooks). */
const MARKERS: Record<string, string> = {
  matching: 'select[data-source]',
  ordering: '[data-order-status]',
  'fill-in': 'input[data-blank]',
  numeric: '\\u202f',
};

describe('question types in the runtime bundle', () => {
  it('lists the types a course uses, once each, sorted', async () => {
    const { course, diagnostics } = await loadCourse(EVERY_TYPE);
    expect(diagnostics).toEqual([]);
    expect(usedQuestionTypes(course!)).toEqual(['fill-in', 'likert', 'matching', 'multiple-choice', 'numeric', 'ordering', 'single-choice', 'true-false']);
  });

  it('leaves out the modules of the types a course does not use', async () => {
    const choiceOnly = await buildRuntimeBundle('scorm12.ts', 'fr', CHOICE_TYPES);
    const every = await buildRuntimeBundle('scorm12.ts', 'fr', Object.keys(MARKERS).concat(CHOICE_TYPES));
    for (const marker of Object.values(MARKERS)) {
      expect(every).toContain(marker);
      expect(choiceOnly).not.toContain(marker);
    }
    const onlyMatching = await buildRuntimeBundle('scorm12.ts', 'fr', ['matching']);
    expect(onlyMatching).toContain(MARKERS.matching);
    expect(onlyMatching).not.toContain(MARKERS['fill-in']);
    // The choice types' module (their verdict strings) is not in a matching-only bundle.
    expect(onlyMatching).not.toContain('[data-choices]');
    console.info(
      `scorm12 runtime, fr: choice types ${gzipSync(choiceOnly, { level: 9 }).length} B gzipped, every type ${gzipSync(every, { level: 9 }).length} B`,
    );
  });

  it('refuses a type without a runtime module, naming the file it expects', async () => {
    await expect(buildRuntimeBundle('scorm12.ts', 'fr', ['essay'])).rejects.toThrow('src/runtime/activities/questions/essay.ts');
  });
});

describe('question type styles', () => {
  it('adds a type’s style sheets only to courses that use it, each once', async () => {
    const { questionStyles } = await import('../../src/render/questions/index.js');
    expect(questionStyles(CHOICE_TYPES)).toEqual([]);
    expect(questionStyles(['matching', 'numeric', 'likert'])).toEqual(['question-parts', 'question-matching', 'question-numeric', 'question-likert']);
    const { renderCourse } = await import('../../src/render/index.js');
    const { resolveTargets } = await import('../../src/package/targets.js');
    const { course } = await loadCourse(EVERY_TYPE);
    const files = await renderCourse(course!, resolveTargets(['scorm12'])[0]!);
    const css = (files.find((f) => f.path === 'parcours.css') as { data: Buffer }).data.toString();
    for (const rule of ['.pair{', '.ordering-item{', '.blank-input{', '.numeric-input{', '.scale-point{', '.part-field{']) expect(css).toContain(rule);
    expect(css.split('.mark--right{').length).toBe(2);
  });
});
