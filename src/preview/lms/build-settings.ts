/**
 * The build options the preview's panel may change while the preview runs (`--mastery-score`,
 * `--report-status-as`): POST JSON to BUILD_OPTIONS_PATH, checked here, then the session rebuilds
 * the package and the page relaunches the course with the learner's data. Anything else is 400.
 */
import type { BuildOptions } from '../../package/target.js';
import { REPORT_STATUS_PAIRS, type ReportStatusAs } from '../../shared/course-data.js';

export const BUILD_OPTIONS_PATH = '/__parcours/build-options';

export function parseBuildSettings(body: string): Partial<BuildOptions> | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const given = value as Record<string, unknown>;
  const out: Partial<BuildOptions> = {};
  for (const key of Object.keys(given)) if (key !== 'reportStatusAs' && key !== 'masteryScore') return `${key} cannot be changed from the panel`;
  if (given['reportStatusAs'] !== undefined) {
    if (!REPORT_STATUS_PAIRS.includes(given['reportStatusAs'] as ReportStatusAs)) return `reportStatusAs is one of ${REPORT_STATUS_PAIRS.join(', ')}`;
    out.reportStatusAs = given['reportStatusAs'] as ReportStatusAs;
  }
  if (given['masteryScore'] !== undefined) {
    if (typeof given['masteryScore'] !== 'boolean') return 'masteryScore is true or false';
    out.masteryScore = given['masteryScore'];
    // --running-score follows (build: without a mastery score the course sends its running score).
    out.runningScore = undefined;
  }
  return out;
}
