/**
 * Size of the SCORM 2004 runtime (issue 14: within the SCORM 1.2 runtime + 1 KB gzipped), bundled
 * exactly as the sample course's package gets it, beside the SCORM 1.2 one, both printed. Measured
 * against the SCORM 1.2 bundle of the same tree (its own budget is test/render/runtime-size.test.ts's),
 * so what the 2004 adapter adds is what this test holds: 908 B (fr) when it was written.
 */
import { describe, expect, it } from 'vitest';
import { SCORM12_BUDGET_BYTES, sampleRuntimeBundle } from '../support/runtime-bundle-size.js';

const MAX_EXTRA_BYTES = 1024;

describe('SCORM 2004 runtime bundle', () => {
  it.each(['fr', 'en'] as const)('weighs at most 1 KB gzipped more than the SCORM 1.2 runtime for the sample course (%s)', async (language) => {
    const scorm12 = await sampleRuntimeBundle('scorm12.ts', language, SCORM12_BUDGET_BYTES);
    const scorm2004 = await sampleRuntimeBundle('scorm2004.ts', language, scorm12.gzipped + MAX_EXTRA_BYTES);
    console.info(`scorm2004 − scorm12: ${scorm2004.gzipped - scorm12.gzipped} bytes gzipped (${language})`);
    expect(scorm2004.gzipped - scorm12.gzipped).toBeLessThanOrEqual(MAX_EXTRA_BYTES);
    // Only its own adapter: no SCORM 1.2 or xAPI code.
    expect(scorm2004.script).toContain('API_1484_11');
    expect(scorm2004.script).not.toMatch(/LMSInitialize|cmi\.core\.|statements/);
  });
});
