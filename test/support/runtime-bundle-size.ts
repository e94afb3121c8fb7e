/**
 * The runtime bundle of one target entry as the sample course's package gets it (only the question
 * types the course uses; src/render/runtime-bundle.ts), and its gzipped size, printed, for the
 * size-budget tests of each target.
 *
 *   const { script, gzipped } = await sampleRuntimeBundle('xapi.ts', 'fr')
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadCourse } from '../../src/load/index.js';
import { bundleRuntime, usedQuestionTypes } from '../../src/render/runtime-bundle.js';

const SAMPLE_COURSE = path.resolve(import.meta.dirname, '../../course');

let types: Promise<string[]> | undefined;

/** The question types the sample course uses (loaded once per test file). */
export function sampleQuestionTypes(): Promise<string[]> {
  types ??= loadCourse(SAMPLE_COURSE).then(({ course }) => usedQuestionTypes(course!));
  return types;
}

/** SCORM 1.2's budget (issue 3's 12 KB, raised with measured reasons: see test/render/runtime-size.test.ts). */
export const SCORM12_BUDGET_BYTES = 13.5 * 1024;

export async function sampleRuntimeBundle(entry: string, language: 'fr' | 'en', budgetBytes: number): Promise<{ script: string; gzipped: number }> {
  const sampleTypes = await sampleQuestionTypes();
  const script = await bundleRuntime(entry, language, sampleTypes);
  const gzipped = gzipSync(script, { level: 9 }).length;
  const name = entry.replace(/\.ts$/, '');
  console.info(`${name} runtime (${language}, ${sampleTypes.join(', ')}): ${script.length} bytes, ${gzipped} bytes gzipped (budget ${budgetBytes})`);
  return { script, gzipped };
}
