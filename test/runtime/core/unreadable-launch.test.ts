/**
 * Hostile or unreadable launch data in Chromium, with an adapter that records what the core tells
 * the LMS: saved progress the runtime cannot read (random text, a later format) starts the course
 * blank with a notice and is not overwritten before the learner does something; a launch address
 * with a malformed `%` escape is no location.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeCourseOf } from '../../../src/package/state-budget.js';
import { emptyLearnerState } from '../../../src/shared/learner-state.js';
import { encodeState } from '../../../src/shared/state-codec.js';
import { launchChromium } from '../../support/chromium.js';
import { openCoursePage, recordedCalls, recordedValues as named, serveRecordingSite, type RecordingSite } from '../../support/recording-site.js';
import { sampleCourse } from '../../render/sample-course.js';

let browser: Browser;
let site: RecordingSite;
let work: string;
const course = sampleCourse();

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-unreadable-'));
  site = await serveRecordingSite(course, work);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

function open(query: Record<string, string>, hash = ''): Promise<Page> {
  return openCoursePage(browser, `${site.url}?${new URLSearchParams(query)}${hash}`);
}

/** What the core handed the LMS to keep: the state and the bookmark. */
async function writes(page: Page): Promise<unknown[]> {
  return (await recordedCalls(page)).filter(([method]) => method === 'saveState' || method === 'setLocation');
}

/** The page hidden (tab switch, LMS closing the frame): the core's checkpoint saves what it holds. */
async function hide(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

const UNREADABLE = 'Votre progression enregistrée n’a pas pu être lue : le parcours reprend au début.';
const NEWER = 'Votre progression a été enregistrée par une version plus récente de ce parcours';

describe('saved progress the runtime cannot read', () => {
  it.each([
    ['random text', 'Ceci n’est pas une progression', UNREADABLE],
    ['a later format', 'p9999:Letape1|Vsomething', NEWER],
    ['a foreign document', '{"state":{"location":"etape1"},"reported":"x"}', UNREADABLE],
  ])('(%s) starts blank with a notice, and keeps the LMS’s copy until the learner does something', async (_, saved, notice) => {
    const page = await open({ state: saved }, '#/etape1/intro-outil');
    await expect(page.getByRole('status').filter({ hasText: notice }).isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-notice="resume"]').isVisible()).resolves.toBe(false);
    await expect(page.getByLabel('Nom du partenariat').inputValue()).resolves.toBe('');
    await hide(page);
    expect(await writes(page)).toEqual([]);

    await page.getByLabel('Nom du partenariat').fill('Nouveau départ');
    await hide(page);
    const state = (await named<string>(page, 'saveState')).at(-1);
    expect(state).toContain('Nouveau départ');
    // The state carries the learner's place; the LMS's bookmark follows at the next move.
    expect(state).toMatch(/^p2:Letape1\/intro-outil\|/);
    await page.close();
  });

  it('is replaced once the learner moves to another page', async () => {
    const page = await open({ state: 'garbage' });
    await expect(page.getByRole('status').filter({ hasText: UNREADABLE }).isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: 'Commencer le parcours' }).click();
    await page.getByRole('heading', { level: 1, name: 'Première étape' }).waitFor();
    await hide(page);
    expect(await named<string>(page, 'setLocation')).toContain('etape1');
    expect((await named<string>(page, 'saveState')).at(-1)).toMatch(/^p2:Letape1/);
    await page.close();
  });

  it('says nothing for readable progress, which resumes as before', async () => {
    const runtime = runtimeCourseOf(course);
    const page = await open({ state: encodeState({ ...emptyLearnerState(), location: 'etape1' }, runtime) });
    await page.getByRole('heading', { level: 1, name: 'Première étape' }).waitFor();
    await expect(page.locator('[data-notice="unreadable"], [data-notice="newer"]').first().isVisible()).resolves.toBe(false);
    await page.close();
  });
});

describe('the launch address', () => {
  it('with a malformed % escape is no location: the course starts where it would without it', async () => {
    const page = await open({}, '#/%E0%A4%A');
    await page.getByRole('link', { name: 'Commencer le parcours' }).waitFor();
    await page.close();

    const runtime = runtimeCourseOf(course);
    const resumed = await open({ state: encodeState({ ...emptyLearnerState(), location: 'etape1' }, runtime) }, '#/%E0%A4%A');
    await resumed.getByRole('heading', { level: 1, name: 'Première étape' }).waitFor();
    await resumed.close();
  });
});
