/**
 * Size budget of the cmi5 runtime (issue 5: under 30 KB gzipped of JavaScript, everything
 * included: core, activities, xAPI layer, cmi5 launch and rules), bundled exactly as the
 * sample course's package gets it (src/render/runtime-bundle.ts).
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

describe('cmi5 runtime bundle', () => {
  it.each(['fr', 'en'] as const)('stays under 30 KB gzipped, carries no HTTP library and one message table (%s)', async (language) => {
    const script = await bundleRuntime('cmi5.ts', language, sampleTypes);
    const gzipped = gzipSync(script, { level: 9 }).length;
    console.info(`cmi5 runtime (${language}, ${sampleTypes.join(', ')}): ${script.length} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_BYTES})`);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
    expect(script).not.toMatch(/axios|XMLHttpRequest/);
    expect(script).toMatch(/keepalive/);
    expect(script).toContain('LMS.LaunchData');
    // Only the course language's learner messages travel with the package.
    expect(script.includes('relancez le module')).toBe(language === 'fr');
    expect(script.includes('launch the module again')).toBe(language === 'en');
  });
});
