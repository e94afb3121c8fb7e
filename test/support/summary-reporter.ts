/**
 * Prints one plain closing line, `Tests: N passed, N failed, N skipped`, after vitest's own
 * summary, so CI and scripts can read the outcome without parsing vitest's coloured output. The
 * line also says when the extra check against the official cmi5.xsd was skipped because
 * ../shared/schemas is not beside the clone (official-schemas.ts).
 */
import type { Reporter, TestModule } from 'vitest/node';
import { hasOfficialCmi5Xsd } from './official-schemas.js';

/** Test files holding checks against the official cmi5.xsd. */
const OFFICIAL_XSD_CHECKS = /cmi5-(xml|structure)\.test\.ts$/;

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const ranCmi5Checks = testModules.some((module) => OFFICIAL_XSD_CHECKS.test(module.moduleId));
    const note = ranCmi5Checks && !hasOfficialCmi5Xsd ? ' (official cmi5.xsd check skipped: no ../shared/schemas beside the clone)' : '';
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped${note}\n`);
  }
}
