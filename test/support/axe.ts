/**
 * axe-core run inside the SCO's frame, and a readable report of what it found.
 */
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

const require = createRequire(import.meta.url);
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

/** Impacts that fail a page. */
export const BLOCKING_IMPACTS = ['serious', 'critical'];

/** The frame of the SCO inside the LMS host page. */
export function scoFrame(hostPage: Page): Frame {
  const frame = hostPage.frames().find((f) => /\/sco\/index\.html/.test(f.url()));
  if (!frame) throw new Error('the SCO frame is not in the host page');
  return frame;
}

/** Runs every axe rule on what the frame shows now (hidden views are skipped by axe). */
export async function runAxe(frame: Frame): Promise<Result[]> {
  const loaded = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await frame.addScriptTag({ path: AXE_SCRIPT });
  const results = await frame.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  return results.violations;
}

/** Violations that must not ship, one readable block each, for the assertion message. */
export function blockingViolations(violations: Result[]): string[] {
  return violations
    .filter((v) => BLOCKING_IMPACTS.includes(v.impact ?? ''))
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    at ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    });
}
