/**
 * Screenshots of `parcours preview --as scorm12` for the README (on demand):
 * `npx tsx scripts/preview-lms-screenshots.ts [course] [out folder]`.
 *
 * Runs the preview of a course (by default the fixture whose status Moodle overrides), lets a
 * learner open its quiz, relaunch, answer, and takes the page at 1280 and 390 px wide into
 * docs/images/ (preview-lms-1280.png, preview-lms-390.png). Uses Debian's Chromium. The files kept
 * in docs/ were then reduced to 64 colours (`convert x.png -colors 64 PNG8:x.png`): 128 → 57 kB, 59 → 26 kB.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startPreview } from '../src/preview/index.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const courseDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'test/fixtures/target/SCORM12_MASTERY_OVERRIDES_STATUS'));
const outDir = path.resolve(process.argv[3] ?? path.join(repoRoot, 'docs/images'));
await mkdir(outDir, { recursive: true });

const session = await startPreview({ courseDir, port: 0, as: 'scorm12' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(session.url);
    const course = page.frameLocator('#lms-course iframe');
    await course.getByRole('link', { name: 'Start the course' }).click();
    await course.getByRole('link', { name: /A quiz$/ }).first().click();
    await page.getByRole('button', { name: 'Relaunch' }).click();
    const quiz = course.getByRole('region', { name: 'A quiz', exact: true });
    await quiz.getByRole('radio', { name: 'True', exact: true }).check();
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await page.locator('#lms-warnings li').waitFor();
    await page.locator('#lms-panel').evaluate((panel) => (panel.scrollTop = 0));
    const file = path.join(outDir, `preview-lms-${width}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  await session.close();
}
