/**
 * Size budget of the xAPI runtime (issue 5: under 30 KB gzipped of JavaScript, everything
 * included), bundled exactly as the sample course's package gets it (src/render/runtime-bundle.ts).
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { bundleRuntime, usedQuestionTypes } from '../../src/render/runtime-bundle.js';

const BUDGET_BYTES = 30 * 1024;
const SAMPLE_COURSE = path.resolve(import.meta.dirname, '../../course');

let sampleTypes: string[] = [];
beforeAll(async () => {
  const { course } = await loadCourse(SAMPLE_COURSE);
  sampleTypes = usedQuestionTypes(course!);
});

describe('xAPI runtime bundle', () => {
  it.each(['fr', 'en'] as const)('stays under 30 KB gzipped and carries no HTTP library (%s)', async (language) => {
    const script = await bundleRuntime('xapi.ts', language, sampleTypes);
    const gzipped = gzipSync(script, { level: 9 }).length;
    console.info(`xapi runtime (${language}, ${sampleTypes.join(', ')}): ${script.length} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_BYTES})`);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
    // axios (inlined in @xapi/xapi) would be most of the budget on its own.
    expect(script).not.toMatch(/axios|XMLHttpRequest/);
    expect(script).toMatch(/keepalive/);
  });
});
