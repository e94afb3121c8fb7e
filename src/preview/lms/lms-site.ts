/**
 * What the preview serves in LMS mode: at `/` a host page (the LMS: scorm-again's SCORM 1.2 API
 * and the panel, templates/preview-lms/), the package under `/course/` byte for byte as the
 * zip holds it, and the host's own scripts under `/__parcours/lms/`. The host reads what an
 * LMS reads at import (the manifest's title, launch file and mastery score) and the build
 * record's worst-case learner state; the course's frame gets nothing injected.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { BuildRecord } from '../../package/build-record.js';
import type { PackageFile } from '../../package/target.js';
import { packageRoot } from '../../render/package-root.js';
import { injectPreview, placeholderPage, type PreviewPageState } from '../preview-page.js';
import { REPORT_STATUS_PAIRS } from '../../shared/course-data.js';
import type { PackageSettings, SiteFiles } from '../preview-site.js';
import { BUILD_OPTIONS_PATH } from './build-settings.js';

/** Where the package is served: the course's frame loads `/course/<launch file>`. */
export const COURSE_PREFIX = 'course/';
/** Where the host page's scripts and style sheet are served. */
export const LMS_ASSETS_PREFIX = '__parcours/lms/';

/** What the panel knows of the course, as an LMS would after importing the package. */
export interface LmsLaunchConfig {
  courseId: string;
  title: string;
  /** Path of the launch file, under COURSE_PREFIX. */
  launch: string;
  /** `adlcp:masteryscore` from the manifest, as Moodle hands it to the course. */
  masteryScore?: number;
  /** Characters of the largest learner state the course can save (parcours-build.json), and the limit. */
  worstCase?: number;
  limit: number;
  /** How the package was built (the panel's "Mastery score / status" form changes it). */
  settings?: PackageSettings;
}

const require = createRequire(import.meta.url);
let assets: Map<string, PackageFile> | undefined;

/** scorm-again's browser build (sets `window.Scorm12API`) and the panel's files, from disk. */
function lmsAssets(): Map<string, PackageFile> {
  if (assets) return assets;
  const templates = path.join(packageRoot(), 'templates', 'preview-lms');
  const entries: [string, string][] = [
    ['scorm12.js', require.resolve('scorm-again/scorm12/min')],
    ['panel.js', path.join(templates, 'panel.js')],
    ['panel-common.js', path.join(templates, 'panel-common.js')],
    ['panel.css', path.join(templates, 'panel.css')],
    ['moodle-rules.js', path.join(templates, 'moodle-rules.js')],
    ['lrs-panel.js', path.join(templates, 'lrs-panel.js')],
  ];
  assets = new Map(entries.map(([name, absPath]) => [LMS_ASSETS_PREFIX + name, { path: name, kind: 'file', absPath, size: 0 }]));
  return assets;
}

/**
 * The site to serve for a package (or the placeholder while no version rendered): the LMS page
 * `page` makes from the package (hosts.ts: one per standard), its scripts, and the package.
 */
export function lmsServedSite(
  files: SiteFiles | undefined,
  state: PreviewPageState,
  page: (files: SiteFiles) => string = (f) => hostPage(launchConfig(f)),
): { page: string; files: Map<string, PackageFile> } {
  if (!files) return { page: placeholderPage(state), files: new Map() };
  const served = new Map(lmsAssets());
  for (const [name, file] of files) served.set(COURSE_PREFIX + name, file);
  return { page: injectPreview(page(files), state), files: served };
}

export function launchConfig(files: SiteFiles): LmsLaunchConfig {
  const record = parseJson<BuildRecord>(files.get('parcours-build.json'));
  const manifest = files.get('imsmanifest.xml');
  const parsed = manifest?.kind === 'data' ? new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(manifest.data.toString('utf8')) : undefined;
  const organization = parsed?.manifest?.organizations?.organization;
  const item = organization?.item;
  const mastery = Number(item?.['adlcp:masteryscore']);
  const href = parsed?.manifest?.resources?.resource?.['@href'];
  return {
    courseId: String(record?.course?.id ?? 'course'),
    title: String(organization?.title ?? item?.title ?? 'Course'),
    launch: COURSE_PREFIX + (typeof href === 'string' ? href : 'index.html'),
    ...(item?.['adlcp:masteryscore'] !== undefined && Number.isFinite(mastery) && { masteryScore: mastery }),
    ...(typeof record?.learnerState?.worstCase === 'number' && { worstCase: record.learnerState.worstCase }),
    limit: record?.learnerState?.limit ?? 4096,
  };
}

function parseJson<T>(file: PackageFile | undefined): Partial<T> | undefined {
  if (file?.kind !== 'data') return undefined;
  try {
    return JSON.parse(file.data.toString('utf8')) as Partial<T>;
  } catch {
    return undefined;
  }
}

/**
 * The LMS page. The panel comes first (keyboard users reach it before the course's many
 * controls); the style sheet places it beside the course, or under a bar on a phone. The
 * frame gets its address from panel.js, once `window.API` exists.
 */
export function hostPage(config: LmsLaunchConfig): string {
  // `<` escaped so no value can close the script element early.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const title = escapeHtml(config.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Parcours preview (SCORM 1.2)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/${LMS_ASSETS_PREFIX}panel.css">
<script src="/${LMS_ASSETS_PREFIX}scorm12.js"></script>
<script id="parcours-lms-config" type="application/json">${json}</script>
<script type="module" src="/${LMS_ASSETS_PREFIX}panel.js"></script>
</head>
<body>
<aside class="lms-panel" id="lms-panel" aria-labelledby="lms-title">
<div class="lms-bar">
<button type="button" class="lms-toggle" id="lms-toggle" aria-expanded="true" aria-controls="lms-body">
<span id="lms-title">LMS panel</span> <span class="lms-summary" id="lms-summary"></span>
</button>
</div>
<div class="lms-body" id="lms-body">
<p class="lms-intro">SCORM 1.2, as an LMS records it (scorm-again). Learner data stays in this browser.</p>
<div class="lms-actions" role="group" aria-label="Launch">
<button type="button" data-action="relaunch">Relaunch</button>
<button type="button" data-action="review">Review mode</button>
<button type="button" data-action="reset">Reset learner</button>
<button type="button" data-action="download">Download learner data</button>
</div>
${config.settings ? settingsForm(config, config.settings) : ''}
<section aria-labelledby="lms-warnings-title"><h2 id="lms-warnings-title">Moodle warnings</h2>
<ul class="lms-warnings" id="lms-warnings" aria-live="polite"></ul></section>
<section aria-labelledby="lms-record-title"><h2 id="lms-record-title">Learner record</h2>
<dl class="lms-record" id="lms-record"></dl></section>
<section aria-labelledby="lms-state-title"><h2 id="lms-state-title">Saved progress <code>cmi.suspend_data</code></h2>
<meter id="lms-meter" min="0" max="${config.limit}" low="${Math.round(config.limit * 0.8)}" high="${Math.round(config.limit * 0.95)}" optimum="0" value="0" aria-labelledby="lms-state-title"></meter>
<p id="lms-meter-text"></p></section>
<section aria-labelledby="lms-interactions-title"><h2 id="lms-interactions-title">Interactions</h2>
<div class="lms-scroll"><table id="lms-interactions"><thead><tr><th scope="col">#</th><th scope="col">id</th><th scope="col">type</th><th scope="col">response</th><th scope="col">result</th><th scope="col">pattern</th><th scope="col">time</th></tr></thead><tbody></tbody></table></div></section>
<section aria-labelledby="lms-objectives-title"><h2 id="lms-objectives-title">Objectives</h2>
<div class="lms-scroll"><table id="lms-objectives"><thead><tr><th scope="col">id</th><th scope="col">status</th><th scope="col">score</th></tr></thead><tbody></tbody></table></div></section>
<section aria-labelledby="lms-calls-title"><h2 id="lms-calls-title">Calls</h2>
<ol class="lms-calls" id="lms-calls" tabindex="0" aria-labelledby="lms-calls-title"></ol></section>
</div>
</aside>
<main class="lms-course" id="lms-course"></main>
</body>
</html>
`;
}

/**
 * "Mastery score / status mode": what the LMS uses as mastery score (the manifest's, none, or
 * another value, as an admin could set), and the build's --mastery-score and --report-status-as,
 * which change the package (a rebuild, then a relaunch with the learner's data).
 */
function settingsForm(config: LmsLaunchConfig, settings: PackageSettings): string {
  const manifest = config.masteryScore === undefined ? 'none in the manifest' : `${config.masteryScore} (manifest)`;
  const pairs = REPORT_STATUS_PAIRS.map((p) => `<option value="${p}"${p === settings.reportStatusAs ? ' selected' : ''}>${p}${p === settings.reportStatusAs ? ` (${settings.reportStatusAsFrom})` : ''}</option>`).join('');
  return `<form class="lms-settings" id="lms-settings" data-endpoint="${BUILD_OPTIONS_PATH}">
<fieldset><legend>Mastery score / status mode</legend>
<label>LMS mastery score <select name="mastery"><option value="package">${escapeHtml(manifest)}</option><option value="none">none</option><option value="value">this value:</option></select></label>
<label>Value (0 to 100) <input name="masteryValue" type="number" min="0" max="100" step="1" value="${config.masteryScore ?? 80}"></label>
<label>Build <select name="masteryScoreBuild"><option value="true"${settings.masteryScore ? ' selected' : ''}>--mastery-score</option><option value="false"${settings.masteryScore ? '' : ' selected'}>--no-mastery-score</option></select></label>
<label>--report-status-as <select name="reportStatusAs">${pairs}</select></label>
<button type="submit">Relaunch with these</button>
</fieldset></form>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
