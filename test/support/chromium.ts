/**
 * Debian's Chromium through playwright-core: no browser download, the flags the CI machine needs.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
  });
}
