/**
 * Size budget of the SCORM 1.2 runtime: everything the package runs (core, activities,
 * adapters, state codec, the question types the course uses) under 14 KB gzipped, bundled
 * exactly as the sample course's package gets it. It was 12 KB (12,229 B) before the quiz
 * rules (pools, review mode, feedback by outcome, partial credit: about +750 B), the course
 * rules (completion criteria, status words) and the p2 learner-state format, whose references
 * make a 200-question course fit SCORM 1.2's 4,096 characters (about +650 B).
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { buildRuntimeBundle, bundleRuntime, usedQuestionTypes } from '../../src/render/runtime-bundle.js';

const BUDGET_BYTES = 14 * 1024;
const SAMPLE_COURSE = path.resolve(import.meta.dirname, '../../course');

let sampleTypes: string[] = [];
beforeAll(async () => {
  const { course } = await loadCourse(SAMPLE_COURSE);
  sampleTypes = usedQuestionTypes(course!);
});

describe('SCORM 1.2 runtime bundle', () => {
  it.each(['fr', 'en'] as const)('stays under 14 KB gzipped for the sample course (%s)', async (language) => {
    const script = await bundleRuntime('scorm12.ts', language, sampleTypes);
    const gzipped = gzipSync(script, { level: 9 }).length;
    console.info(`scorm12 runtime (${language}, ${sampleTypes.join(', ')}): ${script.length} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_BYTES})`);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
    // One language table only: the other one's strings are not shipped.
    expect(script).not.toContain(language === 'fr' ? 'Your score' : 'Votre score');
  });

  it('is the same bytes every time it is built', async () => {
    const [a, b] = await Promise.all([buildRuntimeBundle('scorm12.ts', 'fr', sampleTypes), buildRuntimeBundle('scorm12.ts', 'fr', sampleTypes)]);
    expect(a).toBe(b);
  });
});
