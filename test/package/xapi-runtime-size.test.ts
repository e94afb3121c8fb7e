/**
 * Size budget of the xAPI runtime (issue 5: under 30 KB gzipped of JavaScript, everything
 * included), bundled exactly as the sample course's package gets it (src/render/runtime-bundle.ts).
 */
import { describe, expect, it } from 'vitest';
import { sampleRuntimeBundle } from '../support/runtime-bundle-size.js';

const BUDGET_BYTES = 30 * 1024;

describe('xAPI runtime bundle', () => {
  it.each(['fr', 'en'] as const)('stays under 30 KB gzipped and carries no HTTP library (%s)', async (language) => {
    const { script, gzipped } = await sampleRuntimeBundle('xapi.ts', language, BUDGET_BYTES);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
    // axios (inlined in @xapi/xapi) would be most of the budget on its own.
    expect(script).not.toMatch(/axios|XMLHttpRequest/);
    expect(script).toMatch(/keepalive/);
  });
});
