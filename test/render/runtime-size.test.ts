/**
 * Size budget of the SCORM 1.2 runtime (issue 3: under 12 KB gzipped): everything the package
 * runs (core, activities, adapters, state codec, the question types the course uses), bundled
 * exactly as the sample course's package gets it. The quiz and course rules and the p2 state
 * format took it to 13,705 B (fr); adapters and segment tracking as closures, one course index
 * and one section writer in the state codec, and the bundle's variables renamed for gzip
 * (src/render/runtime-bundle.ts) brought it back under.
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { buildRuntimeBundle, bundleRuntime, usedQuestionTypes } from '../../src/render/runtime-bundle.js';

const BUDGET_BYTES = 12 * 1024;
const SAMPLE_COURSE = path.resolve(import.meta.dirname, '../../course');

let sampleTypes: string[] = [];
beforeAll(async () => {
  const { course } = await loadCourse(SAMPLE_COURSE);
  sampleTypes = usedQuestionTypes(course!);
});

describe('SCORM 1.2 runtime bundle', () => {
  it.each(['fr', 'en'] as const)('stays under 12 KB gzipped for the sample course (%s)', async (language) => {
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
