/**
 * The panel of `parcours preview --as xapi|cmi5` (page: src/preview/lrs/lrs-site.ts): asks the
 * preview's LRS for a launch, opens the course in a frame at the launch URL it answers, and
 * lists what the LRS receives (its Server-Sent Events feed: statements, refusals, State API
 * requests, sessions). Learner data lives in the preview process, so a live reload or a new tab
 * resumes the same registration. Browser code: an ES module, served as is.
 */
import { $, renderScheduler, setUpPanelToggle } from './panel-common.js';
const config = JSON.parse(document.getElementById('parcours-lms-config').textContent);
const LRS = config.lrs;
const MAX_SHOWN = 400;
const cmi5 = config.standard === 'cmi5';

let launch;
let statements = 0;
let refused = 0;
let lastVerb = '';
const state = new Map();
/** Launch settings the panel's form chose (cmi5): kept for Relaunch, New attempt and live reloads. */
let settings = readSettings();

function readSettings() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(`parcours-preview-lrs:${config.courseId}`) ?? '{}');
    const out = {};
    if (stored.masteryScore === null || (typeof stored.masteryScore === 'number' && stored.masteryScore >= 0 && stored.masteryScore <= 1)) out.masteryScore = stored.masteryScore;
    if (typeof stored.moveOn === 'string') out.moveOn = stored.moveOn;
    if (Number.isSafeInteger(stored.au) && stored.au >= 0 && stored.au < config.aus.length) out.au = stored.au;
    return out;
  } catch {
    return {};
  }
}

async function start(attempt, launchMode = 'Normal') {
  $('lms-course').replaceChildren();
  const response = await fetch(`${LRS}launch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ attempt, launchMode, ...settings }),
  });
  if (!response.ok) {
    logLine(`The LMS could not launch the course: ${await response.text()}`, 'lms-session');
    return;
  }
  launch = await response.json();
  const frame = document.createElement('iframe');
  frame.title = `Course: ${config.title}`;
  frame.src = launch.url;
  $('lms-course').replaceChildren(frame);
  render();
}

function verbName(verb) {
  const display = verb && typeof verb.display === 'object' && verb.display ? Object.values(verb.display)[0] : undefined;
  if (typeof display === 'string') return display;
  const id = verb && typeof verb.id === 'string' ? verb.id : '(no verb)';
  return id.slice(id.lastIndexOf('/') + 1) || id;
}

function objectName(object) {
  if (!object || typeof object !== 'object') return '(no object)';
  const name = object.definition && object.definition.name && Object.values(object.definition.name)[0];
  const id = typeof object.id === 'string' ? object.id : '';
  return typeof name === 'string' ? name : id.length > 70 ? `…${id.slice(-67)}` : id;
}

function resultText(result) {
  if (!result || typeof result !== 'object') return '';
  const parts = [];
  const score = result.score;
  if (score && typeof score === 'object') {
    if (score.scaled !== undefined) parts.push(`scaled ${score.scaled}`);
    if (score.raw !== undefined) parts.push(`raw ${score.raw}${score.max !== undefined ? `/${score.max}` : ''}`);
  }
  if (result.success !== undefined) parts.push(`success ${result.success}`);
  if (result.completion !== undefined) parts.push(`completion ${result.completion}`);
  if (result.duration !== undefined) parts.push(String(result.duration));
  return parts.join(' · ');
}

function onEntry(entry) {
  if (entry.kind === 'session') {
    const l = entry.launch;
    const mode = (l.auTitle ? ` · AU ${l.au + 1}` : '') + (cmi5 ? ` · ${l.launchMode}` : '');
    logLine(`Session ${l.number}${mode} · registration ${String(l.registration).slice(0, 8)}…${l.attempt === 'new' ? ' (new attempt)' : ''}`, 'lms-session');
    return;
  }
  if (entry.kind === 'state') {
    const known = state.get(entry.stateId) ?? { size: 0 };
    state.set(entry.stateId, { request: `${entry.method} → ${entry.status}`, size: entry.method === 'DELETE' ? 0 : entry.size || known.size, time: entry.time });
    scheduleRender();
    return;
  }
  if (entry.kind === 'request') {
    refused++;
    addWarning(`${entry.method} ${entry.path} → ${entry.status}`, entry.problems);
    scheduleRender();
    return;
  }
  const s = entry.statement && typeof entry.statement === 'object' ? entry.statement : {};
  const li = document.createElement('li');
  li.dataset.status = String(entry.status);
  li.dataset.verb = verbName(s.verb);
  if (entry.by === 'lms') li.classList.add('lms-by-lms');
  const time = document.createElement('time');
  time.dateTime = entry.time;
  time.textContent = new Date(entry.time).toLocaleTimeString('en-GB');
  const verb = document.createElement('strong');
  verb.textContent = verbName(s.verb);
  const object = document.createElement('span');
  object.className = 'lms-object';
  object.textContent = objectName(s.object);
  li.append(time, ' ', verb, ' ', object);
  const result = resultText(s.result);
  if (result) li.append(Object.assign(document.createElement('span'), { className: 'lms-result', textContent: result }));
  if (entry.by === 'lms') li.append(Object.assign(document.createElement('span'), { className: 'lms-result', textContent: 'recorded by the LMS' }));
  if (entry.status >= 400) {
    refused++;
    const reasons = document.createElement('ul');
    reasons.className = 'lms-problems';
    for (const p of entry.problems) reasons.append(Object.assign(document.createElement('li'), { textContent: p }));
    li.prepend(Object.assign(document.createElement('strong'), { className: 'lms-refused', textContent: `Refused (${entry.status}) ` }));
    li.append(reasons);
    addWarning(`“${verbName(s.verb)}” ${objectName(s.object)}`, entry.problems);
  } else {
    statements++;
    lastVerb = verbName(s.verb);
  }
  appendToList(li);
  scheduleRender();
}

function logLine(text, className) {
  const li = document.createElement('li');
  li.className = className;
  li.textContent = text;
  appendToList(li);
}

/** Follows the newest entry unless the author scrolled up to read. */
function appendToList(li) {
  const list = $('lms-statements');
  const following = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.append(li);
  while (list.childElementCount > MAX_SHOWN) list.firstElementChild.remove();
  if (following) list.scrollTop = list.scrollHeight;
}

function addWarning(what, problems) {
  const li = document.createElement('li');
  li.append(Object.assign(document.createElement('strong'), { textContent: `Refused: ${what}. ` }), problems.join(' '));
  $('lms-warnings').append(li);
  while ($('lms-warnings').childElementCount > 50) $('lms-warnings').firstElementChild.remove();
}

const scheduleRender = renderScheduler(() => render());

function render() {
  const rows = launch
    ? [
        ['Session', String(launch.number)],
        ['Registration', launch.registration],
        ...(cmi5
          ? [
              ...(launch.auTitle ? [['AU', `${launch.au + 1}. ${launch.auTitle}`]] : []),
              ['Launch mode', launch.launchMode],
              ['Mastery score', launch.masteryScore === undefined ? 'none' : String(launch.masteryScore)],
              ['moveOn', launch.moveOn],
            ]
          : []),
        ['Learner', `${config.actor.name} (${config.actor.account.name})`],
      ]
    : [];
  $('lms-record').replaceChildren(
    ...rows.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      const dd = document.createElement('dd');
      dt.textContent = term;
      dd.textContent = value;
      dd.dataset.field = term.toLowerCase().replace(/ /g, '-');
      return [dt, dd];
    }),
  );
  const table = $('lms-state').tBodies[0];
  const docs = [...state.entries()];
  table.replaceChildren(
    ...(docs.length ? docs : [['None yet.', null]]).map(([id, doc]) => {
      const tr = document.createElement('tr');
      if (!doc) tr.append(Object.assign(document.createElement('td'), { textContent: id, colSpan: 3 }));
      else for (const cell of [id, doc.request, `${doc.size.toLocaleString('en-US')} B`]) tr.append(Object.assign(document.createElement('td'), { textContent: cell }));
      return tr;
    }),
  );
  const problems = refused ? ` · ${refused} refused` : '';
  $('lms-summary').textContent = `${statements} ${statements === 1 ? 'statement' : 'statements'}${lastVerb ? ` · last: ${lastVerb}` : ''}${problems}`;
}

const actions = {
  relaunch: () => start('same', 'Normal'),
  browse: () => start('same', 'Browse'),
  review: () => start('same', 'Review'),
  'new-attempt': () => start('new', 'Normal'),
};
$('lms-panel').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (button && Object.hasOwn(actions, button.dataset.action)) void actions[button.dataset.action]();
});

const form = $('lms-settings');
if (form) {
  const fields = form.elements;
  if (Object.hasOwn(settings, 'masteryScore')) {
    fields.mastery.value = settings.masteryScore === null ? 'none' : 'value';
    if (settings.masteryScore !== null) fields.masteryValue.value = String(settings.masteryScore);
  }
  if (settings.moveOn) fields.moveOn.value = settings.moveOn;
  if (fields.au && settings.au !== undefined) fields.au.value = String(settings.au);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const choice = fields.mastery.value;
    const value = Number(fields.masteryValue.value);
    // "package": the launched AU's own moveOn (several AUs).
    settings = fields.moveOn.value === 'package' ? {} : { moveOn: fields.moveOn.value };
    if (fields.au) settings.au = Number(fields.au.value);
    if (choice === 'none') settings.masteryScore = null;
    else if (choice === 'value' && value >= 0 && value <= 1) settings.masteryScore = value;
    try {
      sessionStorage.setItem(`parcours-preview-lrs:${config.courseId}`, JSON.stringify(settings));
    } catch {}
    void start('same', 'Normal');
  });
}

setUpPanelToggle();

// Entries already sent are sent again when the stream reconnects: each is shown once.
let lastEntry = 0;
const feed = new EventSource(`${LRS}feed`);
feed.addEventListener('message', (event) => {
  const entry = JSON.parse(event.data);
  if (entry.n <= lastEntry) return;
  lastEntry = entry.n;
  onEntry(entry);
});
// A live reload (or closing the tab) closes the course's frame first, so it terminates its session.
window.addEventListener('pagehide', () => $('lms-course').replaceChildren());
void start('same', 'Normal');
