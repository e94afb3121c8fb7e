/**
 * Screenshots of `parcours preview --as scorm12` and `--as cmi5` for the README (on demand):
 * `npx tsx scripts/preview-lms-screenshots.ts [course] [out folder]`.
 *
 * Runs the preview of a course (by default the fixture whose status Moodle overrides), lets a
 * learner open its quiz, relaunch, answer, and takes the page at 1280 and 390 px wide into
 * docs/images/ (preview-lms-1280.png, preview-lms-390.png). Then the same with the cmi5 LMS, plus a
 * statement it refuses (`completed` before `initialized`, from a launch of its own), into
 * preview-cmi5-1280.png and preview-cmi5-390.png. Uses Debian's Chromium. The files kept in docs/
 * were then reduced to 64 colours (`convert x.png -colors 64 PNG8:x.png`): SCORM 1.2 123 → 55 kB and
 * 48 → 21 kB, cmi5 143 → 73 kB and 58 → 23 kB.
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
    await page.getByRole('button', { name: 'Relaunch', exact: true }).click();
    const quiz = course.getByRole('region', { name: 'A quiz', exact: true });
    await quiz.getByRole('radio', { name: 'True', exact: true }).check();
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await page.locator('#lms-warnings li').waitFor();
    await page.locator('#lms-panel').evaluate((panel) => (panel.scrollTop = 0));
    // The course's progress bar animates to its new width.
    await page.waitForTimeout(1000);
    const file = path.join(outDir, `preview-lms-${width}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await session.close();
}

const cmi5 = await startPreview({ courseDir, port: 0, as: 'cmi5' });
try {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(cmi5.url);
    const course = page.frameLocator('#lms-course iframe');
    if (width === 1280) {
      await course.getByRole('link', { name: 'Start the course' }).click();
      await course.getByRole('link', { name: /A quiz$/ }).first().click();
      const quiz = course.getByRole('region', { name: 'A quiz', exact: true });
      await quiz.getByRole('radio', { name: 'True', exact: true }).check();
      await quiz.getByRole('button', { name: 'Check my answers' }).click();
      await page.locator('#lms-statements li[data-verb="completed"]').first().waitFor();
      await refuseOne(page);
      await page.getByRole('button', { name: 'Relaunch', exact: true }).click();
    }
    // The second page (same learner, same registration) opens the course where the first left it.
    await page.locator('#lms-statements li[data-verb="initialized"]').nth(width === 1280 ? 1 : 2).waitFor();
    await course.getByText('You are back where you left off').waitFor();
    // Wide: the statements in view; narrow: the panel's top (bar and buttons) above the course.
    await page.locator(width > 600 ? '#lms-warnings-title' : '#lms-panel').evaluate((element) => element.scrollIntoView());
    const file = path.join(outDir, `preview-cmi5-${width}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  await cmi5.close();
}

/** A course's `completed` before `initialized`, in a launch of its own: the panel shows the refusal. */
async function refuseOne(page: import('playwright-core').Page): Promise<void> {
  await page.evaluate(async () => {
    const launch = await (await fetch('/__parcours/lrs/launch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"attempt":"same"}' })).json();
    const params = new URL(launch.url, location.href).searchParams;
    const token = (await (await fetch(params.get('fetch')!, { method: 'POST' })).json())['auth-token'];
    const headers = { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${token}`, 'Content-Type': 'application/json' };
    const actor = params.get('actor')!;
    await fetch(`${params.get('endpoint')}agents/profile?profileId=cmi5LearnerPreferences&agent=${encodeURIComponent(actor)}`, { headers });
    const statement = {
      actor: JSON.parse(actor),
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
      object: { id: params.get('activityId'), objectType: 'Activity' },
      context: {
        registration: params.get('registration'),
        contextActivities: { category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }] },
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': launch.sessionId },
      },
    };
    await fetch(`${params.get('endpoint')}statements`, { method: 'POST', headers, body: JSON.stringify(statement) });
  });
  await page.locator('#lms-warnings li').waitFor();
}
