/**
 * Size budget of the cmi5 runtime (issue 5: under 30 KB gzipped of JavaScript, everything
 * included: core, activities, xAPI layer, cmi5 launch and rules), bundled exactly as the
 * sample course's package gets it (src/render/runtime-bundle.ts).
 */
import { describe, expect, it } from 'vitest';
import { sampleRuntimeBundle } from '../support/runtime-bundle-size.js';

const BUDGET_BYTES = 30 * 1024;

describe('cmi5 runtime bundle', () => {
  it.each(['fr', 'en'] as const)('stays under 30 KB gzipped, carries no HTTP library and one message table (%s)', async (language) => {
    const { script, gzipped } = await sampleRuntimeBundle('cmi5.ts', language, BUDGET_BYTES);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
    expect(script).not.toMatch(/axios|XMLHttpRequest/);
    expect(script).toMatch(/keepalive/);
    expect(script).toContain('LMS.LaunchData');
    // Only the course language's learner messages travel with the package.
    expect(script.includes('relancez le module')).toBe(language === 'fr');
    expect(script.includes('launch the module again')).toBe(language === 'en');
  });
});
