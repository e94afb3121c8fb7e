/**
 * Size budget of the xAPI runtime (issue 5: under 30 KB gzipped of JavaScript, everything
 * included). Bundled exactly as packages get it (src/render/runtime-bundle.ts).
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleRuntime } from '../../src/render/runtime-bundle.js';

const BUDGET_BYTES = 30 * 1024;

describe('xAPI runtime bundle', () => {
  it.each(['fr', 'en'] as const)('stays under 30 KB gzipped and carries no HTTP library (%s)', async (language) => {
    const script = await bundleRuntime('xapi.ts', language);
    const gzipped = gzipSync(script, { level: 9 }).length;
    console.info(`xapi runtime (${language}): ${script.length} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_BYTES})`);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
    // axios (inlined in @xapi/xapi) would be most of the budget on its own.
    expect(script).not.toMatch(/axios|XMLHttpRequest/);
    expect(script).toMatch(/keepalive/);
  });
});
