/**
 * The LMS page of `parcours preview --as xapi|cmi5`: what the LMS imported from the package
 * (tincan.xml or cmi5.xml, read as an LMS reads them), and the page with the panel
 * (templates/preview-lms/lrs-panel.js) beside the course's frame. The LRS itself is
 * preview-lrs.ts.
 */
import { XMLParser } from 'fast-xml-parser';
import type { BuildRecord } from '../../package/build-record.js';
import type { PackageFile } from '../../package/target.js';
import { COURSE_PREFIX, LMS_ASSETS_PREFIX } from '../lms/lms-site.js';
import type { SiteFiles } from '../preview-site.js';
import { LRS_PREFIX, MOVE_ON, PREVIEW_ACTOR, type LrsPackage } from './preview-lrs.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'au' || name === 'activity' || name === 'langstring' });

/** What an LMS imports from the package's tincan.xml or cmi5.xml. */
export function lrsPackage(files: SiteFiles, standard: 'xapi' | 'cmi5'): LrsPackage {
  const record = parseJson<BuildRecord>(files.get('parcours-build.json'));
  const courseId = String(record?.course?.id ?? 'course');
  const xml = (name: string) => {
    const file = files.get(name);
    return file?.kind === 'data' ? parser.parse(file.data.toString('utf8')) : undefined;
  };
  const text = (value: unknown): string => {
    const first = Array.isArray(value) ? value[0] : value;
    if (first && typeof first === 'object') return String((first as Record<string, unknown>)['#text'] ?? text((first as Record<string, unknown>)['langstring']));
    return first === undefined ? '' : String(first);
  };
  if (standard === 'xapi') {
    const activity = xml('tincan.xml')?.tincan?.activities?.activity?.[0] ?? {};
    return {
      standard,
      courseId,
      title: text(activity.name) || 'Course',
      activityId: String(activity['@id'] ?? ''),
      launch: COURSE_PREFIX + (text(activity.launch) || 'index.html'),
      aus: [],
    };
  }
  const structure = xml('cmi5.xml')?.courseStructure ?? {};
  const aus = (structure.au ?? []).map((au: Record<string, unknown>) => {
    const mastery = Number(au['@masteryScore']);
    return {
      id: String(au['@id']),
      url: text(au['url']),
      title: text(au['title']),
      moveOn: String(au['@moveOn'] ?? 'NotApplicable'),
      ...(au['@masteryScore'] !== undefined && Number.isFinite(mastery) && { masteryScore: mastery }),
    };
  });
  return { standard, courseId, title: text(structure.course?.title) || 'Course', activityId: String(structure.course?.['@id'] ?? ''), launch: '', aus };
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
 * The panel's controls that only cmi5 has: which AU to launch (a package built with
 * --cmi5-au-per-step has one per step), launch modes and what LMS.LaunchData says.
 */
function cmi5Controls(pkg: LrsPackage): string {
  const several = pkg.aus.length > 1;
  const au = pkg.aus[0];
  const mastery = au?.masteryScore;
  const fromPackage = several ? 'as in cmi5.xml for the AU' : mastery === undefined ? 'none in cmi5.xml' : `${mastery} (cmi5.xml)`;
  const moveOnOptions = MOVE_ON.map((m) => `<option value="${m}"${!several && m === au?.moveOn ? ' selected' : ''}>${m}${!several && m === au?.moveOn ? ' (cmi5.xml)' : ''}</option>`).join('');
  const auChoice = several
    ? `<label>AU <select name="au">${pkg.aus.map((a, i) => `<option value="${i}">${i + 1}. ${escapeHtml(a.title)}</option>`).join('')}</select></label>\n`
    : '';
  return `<form class="lms-settings" id="lms-settings">
<fieldset><legend>Launch settings (<code>LMS.LaunchData</code>)</legend>
${auChoice}<label>Mastery score <select name="mastery"><option value="package">${fromPackage}</option><option value="none">none</option><option value="value">this value:</option></select></label>
<label>Value (0 to 1) <input name="masteryValue" type="number" min="0" max="1" step="0.01" value="${mastery ?? 0.8}"></label>
<label>moveOn <select name="moveOn">${several ? '<option value="package">as in cmi5.xml for the AU</option>' : ''}${moveOnOptions}</select></label>
<button type="submit">${several ? 'Launch with these' : 'Relaunch with these'}</button>
</fieldset></form>`;
}

export function lrsHostPage(pkg: LrsPackage): string {
  const json = JSON.stringify({ ...pkg, lrs: LRS_PREFIX, actor: PREVIEW_ACTOR }).replace(/</g, '\\u003c');
  const title = escapeHtml(pkg.title);
  const cmi5 = pkg.standard === 'cmi5';
  const standard = cmi5 ? 'cmi5' : 'xAPI (TinCan launch)';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Parcours preview (${standard})</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/${LMS_ASSETS_PREFIX}panel.css">
<script id="parcours-lms-config" type="application/json">${json}</script>
<script type="module" src="/${LMS_ASSETS_PREFIX}lrs-panel.js"></script>
</head>
<body>
<aside class="lms-panel" id="lms-panel" aria-labelledby="lms-title">
<div class="lms-bar">
<button type="button" class="lms-toggle" id="lms-toggle" aria-expanded="true" aria-controls="lms-body">
<span id="lms-title">LMS panel</span> <span class="lms-summary" id="lms-summary"></span>
</button>
</div>
<div class="lms-body" id="lms-body">
<p class="lms-intro">${standard}: the course's statements as the preview's LRS receives them. Learner data stays in this preview's memory until it stops.</p>
<div class="lms-actions" role="group" aria-label="Launch">
<button type="button" data-action="relaunch">Relaunch</button>
${cmi5 ? '<button type="button" data-action="browse">Browse mode</button>\n<button type="button" data-action="review">Review mode</button>\n' : ''}<button type="button" data-action="new-attempt">New attempt</button>
<a class="lms-download" href="${LRS_PREFIX}data" download>Download learner data</a>
</div>
${cmi5 ? cmi5Controls(pkg) : ''}
<section aria-labelledby="lms-warnings-title"><h2 id="lms-warnings-title">Refused by the ${cmi5 ? 'LMS' : 'LRS'}</h2>
<ul class="lms-warnings" id="lms-warnings" aria-live="polite"></ul></section>
<section aria-labelledby="lms-record-title"><h2 id="lms-record-title">Launch</h2>
<dl class="lms-record" id="lms-record"></dl></section>
<section aria-labelledby="lms-statements-title"><h2 id="lms-statements-title">Statements</h2>
<ol class="lms-statements" id="lms-statements" tabindex="0" aria-labelledby="lms-statements-title"></ol></section>
<section aria-labelledby="lms-state-title"><h2 id="lms-state-title">State API</h2>
<div class="lms-scroll"><table id="lms-state"><thead><tr><th scope="col">stateId</th><th scope="col">last request</th><th scope="col">size</th></tr></thead><tbody></tbody></table></div></section>
</div>
</aside>
<main class="lms-course" id="lms-course"></main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
