/**
 * Vitest global setup: one Chromium for the whole run, when the selected test files use a
 * browser. Each test file connects to it (chromium.ts) instead of launching its own, which
 * saves a browser start-up per file; each test still gets fresh contexts (no shared state).
 */
import fs from 'node:fs';
import { chromium, type BrowserServer, type LaunchOptions } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { selectedTestFiles } from './build-lib.js';

/** Debian's Chromium: playwright-core downloads no browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_OPTIONS: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    // Videos play without a click, as after a learner's gesture in a real LMS.
    '--autoplay-policy=no-user-gesture-required',
  ],
};

/** How a test file shows it drives a browser (directly or through a support module). */
const USES_BROWSER = /support\/(chromium|scorm12-e2e)\.js/;

let server: BrowserServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const needed = selectedTestFiles(filters).some((file) => USES_BROWSER.test(fs.readFileSync(file, 'utf8')));
  if (needed) server = await chromium.launchServer(CHROMIUM_OPTIONS);
  project.provide('chromiumEndpoint', server?.wsEndpoint());
}

export async function teardown(): Promise<void> {
  await server?.close();
}
