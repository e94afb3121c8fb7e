/**
 * The saved answers of every question type come back as they were (fill-in texts may repeat
 * or be empty, matching pairs, orders), and the every-question-type fixture's worst-case
 * state fits SCORM 1.2's 4,096 characters.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { measureWorstCaseState, worstCaseState } from '../../src/package/state-budget.js';
import { buildRuntimeCourse } from '../../src/render/page-view.js';
import { RenderContext } from '../../src/render/render-context.js';
import { AssetCollector } from '../../src/render/assets.js';
import { loadTemplateStrings } from '../../src/render/strings.js';
import { decodeState, encodeState } from '../../src/shared/state-codec.js';
import type { LearnerState } from '../../src/shared/learner-state.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/valid/every-question-type');

async function fixture() {
  const { course } = await loadCourse(FIXTURE);
  const ctx = new RenderContext(course!, new AssetCollector(course!.rootDir), await loadTemplateStrings(course!.language));
  return { course: course!, runtime: buildRuntimeCourse(course!, ctx) };
}

describe('saved answers of every question type', () => {
  it('decode to what was encoded', async () => {
    const { runtime } = await fixture();
    const answers = {
      capitale: ['b'],
      premiers: ['deux', 'cinq'],
      terre: ['true'],
      roles: ['mairie.a', 'association.d', 'ecole.a'],
      etapes: ['bilan', 'diagnostic', 'suivi', 'convention'],
      convention: ['même, mot', 'même, mot', ''],
      budget: ['-0.5'],
      duree: ['1500'],
      confiance: ['d'],
      utilite: ['a'],
    };
    const state: LearnerState = {
      location: 'types/types-quiz',
      visited: ['types-quiz'],
      videos: {},
      quizzes: { 'types-quiz': { attempts: 1, score: 79, best: 79, passed: true, answers, submitted: true } },
      tools: {},
    };
    expect(decodeState(encodeState(state, runtime), runtime).quizzes['types-quiz']?.answers).toEqual(answers);
  });

  it('fit SCORM 1.2 at worst, and come back whole', async () => {
    const { course, runtime } = await fixture();
    const budget = measureWorstCaseState(course);
    expect(budget.characters).toBeLessThan(4096);
    const worst = worstCaseState(course);
    expect(decodeState(encodeState(worst, runtime), runtime).quizzes).toEqual(worst.quizzes);
  });
});
