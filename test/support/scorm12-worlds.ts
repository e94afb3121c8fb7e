/**
 * SCORM 1.2 worlds for an end-to-end file: `courseDir` built once per LMS preset (`generic`,
 * the default, with no --lms, so a given or cached default build serves), each package in a
 * scorm-again host of its own holding a first launch's data, one Chromium for all; made in
 * beforeAll, closed and removed in afterAll.
 *
 *   const worlds = scorm12Worlds(SAMPLE_COURSE_DIR)
 *   const session = await openLaunch(worlds.get('moodle')!)
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { startLmsHost } from './lms-host.js';
import { buildPackage, type BuiltPackage } from './sample-package.js';
import { readAuthoredCourse } from './sample-course.js';
import type { Scorm12World } from './scorm12-e2e.js';
import { firstLaunchCmi } from './scorm12-lms-data.js';
import { HOOK_TIMEOUT_MS } from './timeouts.js';

export function scorm12Worlds(courseDir: string, presets: readonly string[] = ['generic', 'moodle']): ReadonlyMap<string, Scorm12World> {
  const worlds = new Map<string, Scorm12World>();
  const packages: BuiltPackage[] = [];
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    const course = readAuthoredCourse(courseDir);
    for (const lms of presets) {
      const pkg = await buildPackage(courseDir, 'scorm12', lms === 'generic' ? {} : { lms });
      packages.push(pkg);
      const host = await startLmsHost(pkg.dir, { cmi: firstLaunchCmi(pkg.masteryScore) });
      worlds.set(lms, { pkg, host, browser, course });
    }
  }, HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    for (const world of worlds.values()) await world.host.close();
    for (const pkg of packages) await pkg.remove();
  });

  return worlds;
}
