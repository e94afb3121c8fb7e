/**
 * `parcours preview` builds the package with `build`'s options (--mastery-score,
 * --report-status-as…), and the panel's "Mastery score / status mode" form changes them while
 * it runs: the package is rebuilt with them and the page (the LMS) reloads with the new settings.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewSession } from '../../src/preview/index.js';
import { POLL } from '../support/timeouts.js';

const fixture = fileURLToPath(new URL('../fixtures/target/SCORM12_MASTERY_OVERRIDES_STATUS', import.meta.url));
let session: PreviewSession;

beforeAll(async () => {
  session = await startPreview({ courseDir: fixture, port: 0, as: 'scorm12', build: { masteryScore: false } });
});
afterAll(() => session?.close());

/** The LMS's view of the package, from the page the preview serves. */
async function lmsConfig(): Promise<{ masteryScore?: number; settings: { reportStatusAs: string; reportStatusAsFrom: string; masteryScore: boolean } }> {
  const page = await (await fetch(session.url)).text();
  return JSON.parse(/<script id="parcours-lms-config" type="application\/json">(.*?)<\/script>/s.exec(page)![1]!);
}

const post = (body: string, type = 'application/json') => fetch(`${session.url}__parcours/build-options`, { method: 'POST', headers: { 'Content-Type': type }, body });

describe('build options in the preview', () => {
  it('builds the package with the flags given (--no-mastery-score: no mastery score in the manifest)', async () => {
    const config = await lmsConfig();
    expect(config.masteryScore).toBeUndefined();
    expect(config.settings).toEqual({ reportStatusAs: 'completed/incomplete', reportStatusAsFrom: 'course', masteryScore: false, lms: 'generic' });
  });

  it('rebuilds with what the panel chose: the manifest gets its mastery score back, the status pair changes', async () => {
    expect((await post(JSON.stringify({ masteryScore: true, reportStatusAs: 'passed/failed' }))).status).toBe(202);
    await expect.poll(async () => (await lmsConfig()).settings.reportStatusAs, POLL).toBe('passed/failed');
    const config = await lmsConfig();
    expect(config.masteryScore).toBe(80);
    expect(config.settings).toMatchObject({ reportStatusAsFrom: 'given', masteryScore: true });
  });

  it('refuses anything else: an unknown pair, another option, a form post from another site', async () => {
    expect((await post(JSON.stringify({ reportStatusAs: 'passed/done' }))).status).toBe(400);
    expect(await (await post(JSON.stringify({ outDir: '/tmp' }))).text()).toBe('outDir cannot be changed from the panel');
    expect((await post(JSON.stringify({ masteryScore: false }), 'text/plain')).status).toBe(415);
  });
});
