/**
 * One SCO per step (`--scorm2004-sco-per-step`) in Chromium with scorm-again's Scorm2004API: the
 * LMS launches the step's item (`index.html?step=types`) holding the shared data store the manifest
 * maps (adl.data); the page opens that step, the SCO reports the step, and the course's learner
 * state goes to the store as well as to the SCO's suspend_data, so another step's SCO resumes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Learner, UI } from '../../support/learner.js';
import { REPO_ROOT } from '../../support/sample-package.js';
import type { AuthoredCourse, AuthoredStep } from '../../support/sample-course.js';
import { openLaunch, waitForCommit, type Scorm12World } from '../../support/scorm12-e2e.js';
import { HOOK_TIMEOUT_MS, POLL, SLOW_TEST_TIMEOUT_MS } from '../../support/timeouts.js';
import { sharedStateId } from '../../../src/shared/scorm2004-ids.js';
import { refusedCalls, setValues, startScorm2004World } from './scorm2004-lms.js';

const COURSE_DIR = `${REPO_ROOT}test/fixtures/valid/every-question-type`;
const STEP = { title: 'Chaque type de question' } as AuthoredStep;
const COURSE = { title: 'Tous les types de questions', steps: [STEP] } as unknown as AuthoredCourse;
const STORE = 'adl.data.0.store';

let world: Scorm12World & { settings: Record<string, string> };
beforeAll(async () => {
  world = await startScorm2004World(COURSE_DIR, COURSE, { scorm2004ScoPerStep: true });
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await world?.browser?.close();
  await world?.host?.close();
  await world?.pkg?.remove();
});

describe('one SCO per step in a SCORM 2004 LMS', () => {
  it('opens its step, reports it, and keeps the course state in the shared store', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    const launch = await openLaunch(world, { query: '?step=types', cmi: { 'adl.data.0.id': sharedStateId('every-question-type') } });
    const learner = new Learner(launch.sco, COURSE);
    // The step's page first, not the course overview.
    await learner.view(STEP.title).waitFor();
    const quiz = await learner.openActivity(STEP, 'Un quiz de chaque type');
    await quiz.getByRole('group', { name: /Quelle est la capitale/ }).getByRole('radio', { name: 'Paris' }).check();
    await quiz.getByRole('group', { name: /La Terre tourne/ }).getByRole('radio', { name: 'Vrai' }).check();
    await learner.leave();
    const body = (await waitForCommit(world, launch.launch, (c) => c.terminate)).body;
    expect(body['cmi.suspend_data']!.length).toBeGreaterThan(0);
    expect(body['cmi.completion_status']).toBe('incomplete');
    expect(body['cmi.exit']).toBe('suspend');
    const sets = await setValues(launch.host);
    // The store holds what suspend_data holds: the state any step's SCO resumes.
    const stored = sets.filter((s) => s.element === STORE).pop();
    expect(stored?.value).toBe(body['cmi.suspend_data']);
    // A step SCO suspends the course on leaving, whatever its own result.
    expect(sets.filter((s) => s.element === 'adl.nav.request').map((s) => s.value)).toEqual(['suspendAll']);
    expect(await refusedCalls(launch.host)).toEqual([]);
    expect(launch.runtimeLog).toEqual([]);
    await launch.context.close();

    // Another launch of a step SCO, a new attempt of its own (ab-initio, no suspend_data), resumes from the store.
    const again = await openLaunch(world, { query: '?step=types', cmi: { 'adl.data.0.id': sharedStateId('every-question-type'), [STORE]: stored!.value } });
    const view = await new Learner(again.sco, COURSE).openActivity(STEP, 'Un quiz de chaque type');
    await expect.poll(() => view.getByRole('group', { name: /Quelle est la capitale/ }).getByRole('radio', { name: 'Paris' }).isChecked(), POLL).toBe(true);
    expect(await view.getByRole('button', { name: UI.submit }).isVisible()).toBe(true);
    await again.context.close();
  });
});
