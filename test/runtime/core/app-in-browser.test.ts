/**
 * The runtime core in Chromium, on a rendered sample course, with an adapter that records
 * what the core tells the LMS. The learner is driven by roles and accessible names.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRecord, ProgressRecord } from '../../../src/runtime/adapters/lms-adapter.js';
import { launchChromium } from '../../support/chromium.js';
import { openCoursePage, recordedCalls as calls, recordedValues as named, serveRecordingSite, type RecordingSite } from '../../support/recording-site.js';
import { sampleCourse } from '../../render/sample-course.js';
import { requireTool } from '../../support/system-tools.js';
import { VIDEO_WAIT_MS } from '../../support/timeouts.js';

let browser: Browser;
let site: RecordingSite;

beforeAll(async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'parcours-core-'));
  const video = path.join(work, 'clip.webm');
  // Four seconds of test picture: enough to play through, small enough to make quickly.
  requireTool('ffmpeg');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=10', '-t', '4', '-c:v', 'libvpx', '-b:v', '50k', video]);
  site = await serveRecordingSite(sampleCourse({ video }), path.join(work, 'site'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

function open(query = '', hash = ''): Promise<Page> {
  return openCoursePage(browser, `${site.url}${query}${hash}`);
}

const lastState = async (page: Page) => (await named<string>(page, 'saveState')).at(-1);

describe('runtime core', () => {
  it('opens on the overview and reports the attempt as incomplete', async () => {
    const page = await open();
    await expect(page.getByRole('heading', { level: 1, name: 'Cours <démo> & essais </script><!--' }).isVisible()).resolves.toBe(true);
    expect(await page.getByRole('link', { name: 'Commencer le parcours' }).getAttribute('href')).toBe('#/etape1');
    expect(await named<ProgressRecord>(page, 'setProgress')).toEqual([{ completion: 'incomplete', progress: 0, status: 'incomplete' }]);
    expect(await page.locator('[data-notice="standalone"]').isVisible()).toBe(false);
    await page.close();
  });

  it('moves between pages in-page, focusing the new page’s heading and saving the location', async () => {
    const page = await open();
    await page.getByRole('link', { name: 'Commencer le parcours' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Première étape' });
    await heading.waitFor();
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
    await page.getByRole('link', { name: /Fiche pratique/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Fiche pratique' }).waitFor();
    expect((await named<string>(page, 'setLocation')).slice(-2)).toEqual(['etape1', 'etape1/intro-fiche']);
    // Opening the sheet is what it takes: its status says so.
    expect(await page.locator('.view:not([hidden]) [data-activity-status="intro-fiche"]').textContent()).toBe('Terminé');
    await page.close();
  });

  it('runs a quiz: unanswered warning, feedback, interactions, retry, and the answers survive a resume', async () => {
    const page = await open('', '#/etape1/intro-quiz');
    const quiz = page.locator('[data-activity="intro-quiz"]');
    await quiz.getByRole('radio', { name: 'Deux' }).check();
    await quiz.getByRole('button', { name: 'Valider mes réponses' }).click();
    await quiz.getByText('Répondez à toutes les questions avant de valider : 1 sans réponse.').waitFor();
    expect(await named(page, 'recordInteraction')).toEqual([]);

    await quiz.getByRole('radio', { name: 'Vrai' }).check();
    await quiz.getByRole('button', { name: 'Valider mes réponses' }).click();
    await quiz.getByText('Votre score : 67\u00a0%').waitFor();
    await quiz.getByText('Il vous reste 1 tentative.').waitFor();
    await quiz.getByText('Votre choix : inexact').waitFor();
    await expect(quiz.getByText('Non.').isVisible()).resolves.toBe(true);
    await expect(quiz.getByText('Il y en a quatre.').isVisible()).resolves.toBe(true);
    await page.waitForFunction(() => document.querySelector('[data-announcer]')?.textContent?.includes('67'));

    const interactions = await named<InteractionRecord>(page, 'recordInteraction');
    expect(interactions.map((i) => [i.id, i.objectiveId, i.interactionType, i.response, i.correct, i.result, i.weight])).toEqual([
      ['intro-quiz.q1', 'etape1', 'choice', ['a'], ['b'], 'wrong', 1],
      ['intro-quiz.q2', 'etape1', 'true-false', ['true'], ['true'], 'correct', 2],
    ]);
    expect(interactions[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    expect((await calls(page)).at(-1)?.[0]).toBe('commit');
    const objective = await named(page, 'recordObjective');
    expect(objective.at(-1)).toEqual({ id: 'etape1', status: 'incomplete', scorePercent: 67 });

    // Resume in a new session: same page, the submitted attempt shown as it was.
    const state = await lastState(page);
    const resumed = await open(`?state=${encodeURIComponent(state!)}`);
    const again = resumed.locator('[data-activity="intro-quiz"]');
    await again.getByText('Votre score : 67\u00a0%').waitFor();
    await expect(resumed.getByRole('status').filter({ hasText: 'Vous reprenez où vous vous étiez arrêté : Testez-vous.' }).isVisible()).resolves.toBe(true);
    await expect(again.getByRole('radio', { name: 'Deux' }).isChecked()).resolves.toBe(true);

    await again.getByRole('button', { name: 'Faire une nouvelle tentative' }).click();
    await expect(again.getByRole('radio', { name: 'Deux' }).isChecked()).resolves.toBe(false);
    await again.getByRole('radio', { name: 'Quatre' }).check();
    await again.getByRole('radio', { name: 'Vrai' }).check();
    await again.getByRole('button', { name: 'Valider mes réponses' }).click();
    await again.getByText('Quiz réussi.').waitFor();
    await expect(again.getByRole('button', { name: 'Faire une nouvelle tentative' }).isVisible()).resolves.toBe(false);
    const progress = await named<ProgressRecord>(resumed, 'setProgress');
    expect(progress.at(-1)).toMatchObject({ completion: 'incomplete', scorePercent: 100, success: 'passed' });
    await page.close();
    await resumed.close();
  });

  it('keeps tool answers in the saved state and restores them', async () => {
    const page = await open('', '#/etape1/intro-outil');
    await page.getByLabel('Nom du partenariat').fill('Association du quartier');
    await page.getByRole('group', { name: 'Catégories' }).getByRole('checkbox', { name: 'Y' }).check();
    await page.getByText('23 / 80 caractères').waitFor();
    await page.getByRole('button', { name: 'Quitter' }).click();
    await page.getByRole('heading', { name: 'À bientôt !' }).waitFor();
    const names = (await calls(page)).map(([n]) => n);
    expect(names.slice(-3)).toEqual(['saveState', 'commit', 'finish']);
    expect((await named(page, 'finish')).at(-1)).toBe('leave');

    const resumed = await open(`?state=${encodeURIComponent((await lastState(page))!)}`);
    await expect(resumed.getByLabel('Nom du partenariat').inputValue()).resolves.toBe('Association du quartier');
    await expect(resumed.getByRole('checkbox', { name: 'Y' }).isChecked()).resolves.toBe(true);
    await expect(resumed.getByRole('checkbox', { name: 'X' }).isChecked()).resolves.toBe(false);
    await page.close();
    await resumed.close();
  });

  it('counts a video watched once played to its threshold, and saves the played part', async () => {
    const page = await open('', '#/etape1/intro-video');
    const player = page.locator('video');
    await player.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      v.playbackRate = 2;
      return v.play();
    });
    await page.locator('[data-video-status]').getByText('Vidéo vue', { exact: true }).waitFor({ timeout: VIDEO_WAIT_MS });
    const events = (await named<{ verb: string }>(page, 'recordVideoEvent')).map((e) => e.verb);
    expect(events[0]).toBe('initialized');
    expect(events).toContain('played');
    expect(events).toContain('completed');
    expect(await page.locator('[data-activity-status="intro-video"]').first().textContent()).toBe('Terminé');
    expect(await lastState(page)).toMatch(/Wintro-video=/);
    await page.close();
  });

  it('shows the standalone notice when progress stays in the browser', async () => {
    const page = await open('?standalone');
    await expect(page.getByRole('status').filter({ hasText: 'Mode hors plateforme' }).isVisible()).resolves.toBe(true);
    await page.close();
  });
});
