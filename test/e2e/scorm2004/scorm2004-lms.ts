/**
 * The LMS side of the SCORM 2004 browser tests: a test LMS whose page holds scorm-again's
 * `Scorm2004API` as `window.API_1484_11` (test/support/lms-host.ts), the CMI data it hands a
 * SCO at launch (from the manifest, as an LMS does at import), and what it gives back on a relaunch.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium.js';
import { startLmsHost } from '../../support/lms-host.js';
import { lmsCalls, type LmsCall } from '../../support/lms-calls.js';
import { buildPackage, type BuiltPackage } from '../../support/sample-package.js';
import type { AuthoredCourse } from '../../support/sample-course.js';
import type { Scorm12World } from '../../support/scorm12-e2e.js';
import type { BuildOptions } from '../../../src/package/target.js';

export const LEARNER = { id: 'learner-42', name: 'Camille Martin' } as const;

/** What the LMS reads from imsmanifest.xml at import: the scaled passing score, the completion threshold. */
export async function manifestSettings(pkg: BuiltPackage): Promise<Record<string, string>> {
  const manifest = await readFile(path.join(pkg.dir, 'imsmanifest.xml'), 'utf8');
  const passing = /satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>([\d.]+)</.exec(manifest)?.[1];
  const threshold = /<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="([\d.]+)"/.exec(manifest)?.[1];
  return { ...(passing && { 'cmi.scaled_passing_score': passing }), ...(threshold && { 'cmi.completion_threshold': threshold }) };
}

/** A first launch: the learner, a new attempt, normal mode with credit. */
export function firstLaunchCmi(settings: Record<string, string>): Record<string, string> {
  return {
    'cmi.learner_id': LEARNER.id,
    'cmi.learner_name': LEARNER.name,
    'cmi.entry': 'ab-initio',
    'cmi.credit': 'credit',
    'cmi.mode': 'normal',
    ...settings,
  };
}

/**
 * A relaunch of the same attempt, from the last commit of the previous session: what the LMS keeps
 * (location, suspend_data, statuses, score, objectives), `entry=resume` after `exit=suspend`.
 */
export function resumeCmiFrom(lastCommit: Record<string, string>, settings: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> {
  const kept = Object.entries(lastCommit).filter(
    ([key, value]) =>
      typeof value === 'string' &&
      value !== '' &&
      /^cmi\.(suspend_data|location|completion_status|success_status|score\.|objectives\.)/.test(key),
  );
  return {
    ...firstLaunchCmi(settings),
    ...Object.fromEntries(kept),
    'cmi.entry': lastCommit['cmi.exit'] === 'suspend' ? 'resume' : '',
    ...extra,
  };
}

/** Builds the course for SCORM 2004 and starts the test LMS and Chromium (call in beforeAll). */
export async function startScorm2004World(courseDir: string, course: AuthoredCourse, options: Partial<BuildOptions> = {}): Promise<Scorm12World & { settings: Record<string, string> }> {
  const pkg = await buildPackage(courseDir, 'scorm2004', options);
  const settings = await manifestSettings(pkg);
  const host = await startLmsHost(pkg.dir, { cmi: firstLaunchCmi(settings), standard: 'scorm2004' });
  const browser = await launchChromium();
  return { pkg, host, browser, course, settings };
}

/** The SCO's SetValue calls, in order. */
export async function setValues(host: Page): Promise<{ element: string; value: string; error: string }[]> {
  return (await lmsCalls(host)).filter((c) => c.fn === 'SetValue').map((c) => ({ element: String(c.args[0]), value: String(c.args[1]), error: c.error }));
}

/** Calls the LMS answered with an error code: none is expected. */
export async function refusedCalls(host: Page): Promise<LmsCall[]> {
  return (await lmsCalls(host)).filter((c) => c.fn !== 'GetValue' && c.error !== '0');
}

/** The interactions in a commit body, by id: `{ type, learner_response, … }`. */
export function committedInteractions(body: Record<string, string>): Map<string, Record<string, string>> {
  const slots = new Map<string, Record<string, string>>();
  for (const [key, value] of Object.entries(body)) {
    const match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(key);
    if (!match) continue;
    const slot = slots.get(match[1]!) ?? {};
    slot[match[2]!] = String(value);
    slots.set(match[1]!, slot);
  }
  return new Map([...slots.values()].filter((s) => s.id).map((s) => [s.id!, s]));
}
