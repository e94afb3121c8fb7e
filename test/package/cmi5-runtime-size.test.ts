/**
 * Size budget of the cmi5 runtime (issue 5: under 30 KB gzipped of JavaScript, everything
 * included: core, activities, xAPI layer, cmi5 launch and rules). Bundled exactly as packages
 * get it (src/render/runtime-bundle.ts).
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleRuntime } from '../../src/render/runtime-bundle.js';

const BUDGET_BYTES = 30 * 1024;

describe('cmi5 runtime bundle', () => {
  it.each(['fr', 'en'] as const)('stays under 30 KB gzipped, carries no HTTP library and one message table (%s)', async (language) => {
    const script = await bundleRuntime('cmi5.ts', language);
    const gzipped = gzipSync(script, { level: 9 }).length;
    console.info(`cmi5 runtime (${language}): ${script.length} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_BYTES})`);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
    expect(script).not.toMatch(/axios|XMLHttpRequest/);
    expect(script).toMatch(/keepalive/);
    expect(script).toContain('LMS.LaunchData');
    // Only the course language's learner messages travel with the package.
    expect(script.includes('relancez le module')).toBe(language === 'fr');
    expect(script.includes('launch the module again')).toBe(language === 'en');
  });
});
