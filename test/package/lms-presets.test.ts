/**
 * What `--lms moodle` changes in a SCORM 1.2 package (issue 9 item 9: it once changed nothing,
 * a byte-identical zip), through the real build on the sample course, as docs/lms-presets.md
 * says: readable answers in the course data, the page fitted to Moodle's player (data-player,
 * the left edge clear on phones), the goodbye page naming Moodle's « Terminer l’activité »;
 * the mastery score as the status pair wants it; and `--running-score` trading the mastery
 * score for a running score.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { BuildOptions } from '../../src/package/target.js';
import { readZip } from '../write/zip-reader.js';
import { REPO_ROOT, SAMPLE_COURSE_DIR } from '../support/sample-package.js';
import { HOOK_TIMEOUT_MS } from '../support/timeouts.js';

const RULES_COURSE = path.join(REPO_ROOT, 'test', 'fixtures', 'valid', 'rules');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-lms-presets-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Built {
  files: Map<string, Buffer>;
  html: string;
  manifest: string;
  data: Record<string, unknown>;
}

let n = 0;
async function buildWith(options: Partial<BuildOptions>, courseDir = SAMPLE_COURSE_DIR): Promise<Built> {
  const outDir = path.join(work, String(n++));
  const result = await build({ courseDir, targets: ['scorm12'], options: { ...options, outDir } });
  expect(result.ok, result.diagnostics.map((d) => d.message).join('\n')).toBe(true);
  const files = new Map(readZip(result.packages[0]!.zipPath).map((f) => [f.name, f.data()]));
  const html = files.get('index.html')!.toString('utf8');
  const json = /<script type="application\/json" id="parcours-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
  return { files, html, manifest: files.get('imsmanifest.xml')!.toString('utf8'), data: JSON.parse(json) as Record<string, unknown> };
}

/** The goodbye page's paragraphs, as text. */
function goodbye(html: string): string {
  const section = /<section class="view view--closed"[\s\S]*?<\/section>/.exec(html)![0];
  return section.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('the Moodle preset changes the SCORM 1.2 package', () => {
  let generic: Built;
  let moodle: Built;
  beforeAll(async () => {
    [generic, moodle] = await Promise.all([buildWith({}), buildWith({ lms: 'moodle' })]);
  }, HOOK_TIMEOUT_MS);

  it('is not the generic package', () => {
    expect(moodle.html).not.toBe(generic.html);
  });

  it('sends readable answers (choice ids, true/false), which Moodle keeps and shows as sent', () => {
    expect(moodle.data.answers).toBe('readable');
    expect(generic.data.answers).toBeUndefined();
  });

  it('fits Moodle’s player: the page knows it, and keeps its left edge clear on phones', () => {
    expect(moodle.html).toMatch(/<html lang="fr"[^>]* data-player="moodle">/);
    expect(generic.html).not.toContain('data-player');
    const css = moodle.files.get('parcours.css')!.toString('utf8');
    expect(css).toContain('@media (max-width: 480px){[data-player="moodle"] .topbar,');
  });

  it('names Moodle’s own way back on the goodbye page; the generic one speaks of the platform', () => {
    expect(goodbye(moodle.html)).toContain('« Terminer l’activité »');
    expect(goodbye(generic.html)).not.toContain('Terminer l’activité');
    expect(goodbye(generic.html)).toContain('la navigation de votre plateforme');
    for (const built of [generic, moodle]) expect(goodbye(built.html)).toContain('Fermer cette fenêtre');
  });

  it('keeps the mastery score with passed/failed (Moodle’s verdict agrees with the course’s)', () => {
    expect(moodle.manifest).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
    expect(moodle.manifest).toBe(generic.manifest);
  });
});

describe('the mastery score and the running score', () => {
  it('moodle with completed/incomplete: no mastery score (Moodle would replace the words)', async () => {
    const built = await buildWith({ lms: 'moodle', reportStatusAs: 'completed/incomplete' }, RULES_COURSE);
    expect(built.manifest).not.toContain('masteryscore');
    expect(built.data.reportStatusAs).toBe('completed/incomplete');
  });

  it('--running-score leaves the mastery score out, with any preset', async () => {
    for (const lms of ['generic', 'moodle']) {
      const built = await buildWith({ lms, runningScore: true }, RULES_COURSE);
      expect(built.manifest, lms).not.toContain('masteryscore');
      expect(built.data.reportStatusAs, lms).toBe('passed/failed');
    }
  });

  it('--answers strict wins over the Moodle preset', async () => {
    expect((await buildWith({ lms: 'moodle', answerFormat: 'strict' }, RULES_COURSE)).data.answers).toBeUndefined();
    expect((await buildWith({ answerFormat: 'readable' }, RULES_COURSE)).data.answers).toBe('readable');
  });
});
