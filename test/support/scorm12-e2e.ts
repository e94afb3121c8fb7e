/**
 * Set-up shared by the SCORM 1.2 browser tests: per test file, build and unzip the sample
 * course, start the test LMS and Chromium; per launch, a host page with the SCO inside.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { Learner } from './learner.js';
import { startLmsHost, type CommitRecord, type Launch, type LaunchOptions, type LmsHost } from './lms-host.js';
import { OPEN_POPUP_LABEL, SCO_FRAME_TITLE } from './lms-host-page.js';
import { buildPackage, SAMPLE_COURSE_DIR, type BuiltPackage } from './sample-package.js';
import { readAuthoredCourse, type AuthoredCourse } from './sample-course.js';
import { lmsCalls } from './lms-calls.js';
import { firstLaunchCmi } from './scorm12-lms-data.js';
import { POLL_INTERVAL_MS, POLL_TIMEOUT_MS, waitUntil } from './timeouts.js';

export interface Scorm12World {
  pkg: BuiltPackage;
  host: LmsHost;
  browser: Browser;
  course: AuthoredCourse;
}

export interface OpenedLaunch {
  launch: Launch;
  context: BrowserContext;
  /** The LMS page (holds `window.API`). */
  host: Page;
  /** Where the SCO runs: the iframe, or the popup page. */
  sco: Page | FrameLocator;
  learner: Learner;
  /** Messages the SCO's runtime logged (`[parcours] ...`): refused values, failed calls. */
  runtimeLog: string[];
}

/** Registers beforeAll/afterAll hooks; the returned object is filled once they ran. */
export function useScorm12World(): Scorm12World {
  const world = {} as Scorm12World;
  beforeAll(async () => {
    world.course = readAuthoredCourse(SAMPLE_COURSE_DIR);
    world.pkg = await buildPackage();
    world.host = await startLmsHost(world.pkg.dir, { cmi: firstLaunchCmi(world.pkg.masteryScore) });
    world.browser = await launchChromium();
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.host?.close();
    await world.pkg?.remove();
  });
  return world;
}

export interface OpenLaunchOptions extends LaunchOptions {
  viewport?: { width: number; height: number };
  /**
   * Runs once the LMS page has its DOM, while the SCO loads (files held with `host.hold()` are
   * still held): wait there for what must happen first, then release them.
   */
  whileLoading?: (host: Page) => Promise<void>;
}

/** Opens a launch in a fresh browser context, and waits until the SCO shows its first page. */
export async function openLaunch(world: Scorm12World, options: OpenLaunchOptions = {}): Promise<OpenedLaunch> {
  const launch = world.host.launch(options);
  const context = await world.browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  const runtimeLog: string[] = [];
  context.on('console', (message) => {
    if (message.text().includes('[parcours]')) runtimeLog.push(message.text());
  });
  const host = await context.newPage();
  // Not 'load': that waits for the SCO frame's scripts, which a test may be holding back.
  await host.goto(launch.url, { waitUntil: 'domcontentloaded' });
  await options.whileLoading?.(host);
  let sco: Page | FrameLocator;
  if (options.display === 'popup') {
    const [popup] = await Promise.all([
      host.waitForEvent('popup'),
      host.getByRole('button', { name: OPEN_POPUP_LABEL }).click(),
    ]);
    await popup.waitForLoadState();
    sco = popup;
  } else {
    sco = host.frameLocator(`iframe[title="${SCO_FRAME_TITLE}"]`);
  }
  const learner = new Learner(sco, world.course);
  await learner.heading().first().waitFor();
  return { launch, context, host, sco, learner, runtimeLog };
}

/** The last commit the LMS received for a launch (fails the test when there is none). */
export function lastCommit(world: Scorm12World, launch: Launch): CommitRecord {
  const commits = world.host.commits(launch.id);
  const last = commits[commits.length - 1];
  if (!last) throw new Error(`the LMS received no commit for launch ${launch.id}`);
  return last;
}

/**
 * What the LMS holds once the session ended: the commit scorm-again sends from LMSFinish, polled
 * for. It goes as a beacon, which may still be on its way when the SCO already shows its goodbye
 * page (the SCO's own commit just before it is synchronous, and holds the state before the LMS's
 * LMSFinish rules, such as the mastery score override, ran).
 */
export async function finalCommit(world: Scorm12World, launch: Launch): Promise<CommitRecord> {
  return waitForCommit(world, launch, (commit) => commit.terminate);
}

/** Waits for a commit of this launch that satisfies `accept` (polling, timeouts.ts), and returns it. */
export async function waitForCommit(
  world: Scorm12World,
  launch: Launch,
  accept: (commit: CommitRecord) => boolean,
  timeoutMs = POLL_TIMEOUT_MS,
): Promise<CommitRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = world.host.commits(launch.id).filter(accept).pop();
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = world.host.commits(launch.id).map((c) => c.body['cmi.core.lesson_status']);
      throw new Error(`no matching commit for launch ${launch.id} (statuses committed: ${seen.join(', ') || 'none'})`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Resolves once the SCO's runtime has called LMSInitialize: its script arrived and runs. */
export function untilRuntimeStarted(host: Page): Promise<unknown> {
  return waitUntil(async () => (await lmsCalls(host)).some((call) => call.fn === 'LMSInitialize'), 'the SCO runtime to call LMSInitialize');
}

/** Resolves once every video of the SCO (in its frame) knows its metadata (readyState ≥ 1). */
export function untilVideosHaveMetadata(host: Page): Promise<unknown> {
  return waitUntil(async () => {
    const sco = host.frames().find((frame) => frame.url().includes('/sco/'));
    return sco?.evaluate(() => {
      const videos = [...document.querySelectorAll('video')];
      return videos.length > 0 && videos.every((video) => video.readyState >= 1);
    });
  }, "the SCO videos' metadata");
}
