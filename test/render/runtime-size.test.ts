/**
 * Size budget of the SCORM 1.2 runtime: everything the package runs (core, activities,
 * adapters, state codec) under 12 KB gzipped, bundled exactly as packages get it.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildRuntimeBundle, bundleRuntime } from '../../src/render/runtime-bundle.js';

const BUDGET_BYTES = 12 * 1024;

describe('SCORM 1.2 runtime bundle', () => {
  it.each(['fr', 'en'] as const)('stays under 12 KB gzipped (%s)', async (language) => {
    const script = await bundleRuntime('scorm12.ts', language);
    const gzipped = gzipSync(script, { level: 9 }).length;
    console.info(`scorm12 runtime (${language}): ${script.length} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_BYTES})`);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
    // One language table only: the other one's strings are not shipped.
    expect(script).not.toContain(language === 'fr' ? 'Your score' : 'Votre score');
  });

  it('is the same bytes every time it is built', async () => {
    const [a, b] = await Promise.all([buildRuntimeBundle('scorm12.ts', 'fr'), buildRuntimeBundle('scorm12.ts', 'fr')]);
    expect(a).toBe(b);
  });
});
