/**
 * Size budget of the SCORM 1.2 runtime (issue 3: under 12 KB gzipped): everything the package
 * runs (core, activities, adapters, state codec, the question types the course uses), bundled
 * exactly as the sample course's package gets it. The quiz and course rules and the p2 state
 * format took it to 13,705 B (fr); adapters and segment tracking as closures, one course index
 * and one section writer in the state codec, and the bundle's variables renamed for gzip
 * (src/render/runtime-bundle.ts) brought it back under.
 */
import { describe, expect, it } from 'vitest';
import { buildRuntimeBundle } from '../../src/render/runtime-bundle.js';
import { sampleQuestionTypes, sampleRuntimeBundle } from '../support/runtime-bundle-size.js';

const BUDGET_BYTES = 12 * 1024;

describe('SCORM 1.2 runtime bundle', () => {
  it.each(['fr', 'en'] as const)('stays under 12 KB gzipped for the sample course (%s)', async (language) => {
    const { script, gzipped } = await sampleRuntimeBundle('scorm12.ts', language, BUDGET_BYTES);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
    // One language table only: the other one's strings are not shipped.
    expect(script).not.toContain(language === 'fr' ? 'Your score' : 'Votre score');
  });

  it('is the same bytes every time it is built', async () => {
    const sampleTypes = await sampleQuestionTypes();
    const [a, b] = await Promise.all([buildRuntimeBundle('scorm12.ts', 'fr', sampleTypes), buildRuntimeBundle('scorm12.ts', 'fr', sampleTypes)]);
    expect(a).toBe(b);
  });
});
