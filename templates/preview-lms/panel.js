/**
 * The preview's LMS (served at `/` by `parcours preview --as scorm12`): scorm-again's
 * Scorm12API as `window.API`, the course in a frame, and the panel showing what the LMS
 * records. Learner data is kept as an LMS keeps it (what the course committed) in this
 * browser's localStorage, so a relaunch, a live reload or a new tab resumes it.
 * Browser code: an ES module, served as is.
 */
import { $, renderScheduler, setUpPanelToggle } from './panel-common.js';
import { budgetWarnings, commitWarnings, setValueWarnings } from './moodle-rules.js';

const config = JSON.parse(document.getElementById('parcours-lms-config').textContent);
const STORE_KEY = `parcours-preview-lms:${config.courseId}`;
const LEARNER = { id: 'preview-learner', name: 'Learner, Preview' };
/** Elements an LMS hands back at the next launch; interactions are write-only in SCORM 1.2. */
const KEPT = /^cmi\.(suspend_data|core\.(lesson_location|lesson_status|score\.(raw|min|max)|total_time)|objectives\.\d+\.)/;
const MAX_CALLS_SHOWN = 400;
const count = (n) => Number(n).toLocaleString('en-US');

/**
 * The mastery score the LMS hands the course: the manifest's, none, or another value (the
 * panel's "Mastery score / status mode" form, kept for this tab), as an admin's setting would.
 */
const MASTERY_KEY = `parcours-preview-lms-mastery:${config.courseId}`;
function masteryChoice() {
  try {
    const stored = sessionStorage.getItem(MASTERY_KEY);
    if (stored === 'none') return { value: undefined, source: 'none (changed in the panel)' };
    const n = Number(stored);
    if (stored !== null && stored !== '' && Number.isFinite(n) && n >= 0 && n <= 100) return { value: n, source: `${n} (changed in the panel)` };
  } catch {}
  return { value: config.masteryScore, source: config.masteryScore === undefined ? 'none in the manifest' : String(config.masteryScore) };
}

/** The LMS's record of the learner: kept data, how the last session ended, interactions of past sessions. */
const emptyRecord = () => ({ cmi: {}, exit: '', sessions: 0, interactions: [] });
let record = readRecord();
let session;
const warnings = new Map();

function readRecord() {
  try {
    const stored = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null');
    // Storage is anyone's to edit: only kept elements with string values go back to the API.
    if (!stored || typeof stored !== 'object' || !stored.cmi || typeof stored.cmi !== 'object' || !Array.isArray(stored.interactions)) return emptyRecord();
    const cmi = Object.create(null);
    for (const [key, value] of Object.entries(stored.cmi)) if (KEPT.test(key) && typeof value === 'string') cmi[key] = value;
    const text = (v) => (typeof v === 'string' ? v : '');
    const interactions = stored.interactions
      .filter((i) => i && typeof i === 'object')
      .map((i) => ({ id: text(i.id), type: text(i.type), response: text(i.response), result: text(i.result), pattern: text(i.pattern), time: text(i.time), session: Number(i.session) || 0 }));
    return { cmi, exit: text(stored.exit), sessions: Number.isSafeInteger(stored.sessions) && stored.sessions > 0 ? stored.sessions : 0, interactions };
  } catch {
    return emptyRecord();
  }
}
const saveRecord = () => {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(record));
  } catch {
    // A full or blocked storage: the session still runs, the next launch starts blank.
  }
};

/** Starts a session: a new API loaded with the learner's record, then the course in a new frame. */
function launch(mode = 'normal') {
  endSession();
  const first = record.sessions === 0;
  const entry = mode === 'review' ? '' : first ? 'ab-initio' : record.exit === 'suspend' ? 'resume' : '';
  const cmi = {
    ...record.cmi,
    'cmi.core.student_id': LEARNER.id,
    'cmi.core.student_name': LEARNER.name,
    'cmi.core.credit': mode === 'review' ? 'no-credit' : 'credit',
    'cmi.core.lesson_mode': mode,
    'cmi.core.entry': entry,
    ...(masteryChoice().value !== undefined && { 'cmi.student_data.mastery_score': String(masteryChoice().value) }),
  };
  // Nothing is sent anywhere: commits succeed in the page and are kept by commit() below.
  // mastery_override as Moodle's "Mastery score overrides status" (on by default): at LMSFinish,
  // with a mastery score and a raw score, the LMS records passed or failed itself.
  const api = new window.Scorm12API({ lmsCommitUrl: false, autocommit: false, dataCommitFormat: 'flattened', mastery_override: true, logLevel: 5 });
  try {
    api.loadFromFlattenedJSON(cmi, '');
  } catch {
    // Kept data scorm-again refuses (storage edited by hand): the learner starts again.
    for (const key of Object.keys(record.cmi)) delete cmi[key];
    record = emptyRecord();
    cmi['cmi.core.entry'] = 'ab-initio';
    logSession('The kept learner data could not be loaded: the learner starts again.');
    api.loadFromFlattenedJSON(cmi, '');
  }
  session = { api, mode, entry: cmi['cmi.core.entry'], number: record.sessions + 1, calls: [], commits: 0, started: Date.now(), finished: false, pastInteractions: record.interactions };
  for (const fn of ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish']) {
    const original = api[fn].bind(api);
    api[fn] = (...args) => {
      const result = original(...args);
      const error = String(api.LMSGetLastError());
      observe(session, fn, args, result, error);
      return result;
    };
  }
  window.API = api;
  logSession(`Session ${session.number}: ${mode === 'review' ? 'review mode' : `entry “${session.entry}”`}`);
  const frame = document.createElement('iframe');
  frame.title = `Course: ${config.title}`;
  frame.src = `/${config.launch}`;
  $('lms-course').replaceChildren(frame);
  render();
}

/** Closes the course as a learner closing its window would: its pagehide finishes the session. */
function endSession() {
  $('lms-course').replaceChildren();
  if (session && !session.finished) {
    // The course left without LMSFinish: the LMS keeps what it committed, nothing more.
    session.finished = true;
  }
}

function observe(current, fn, args, result, error) {
  if (current !== session) return;
  const call = { fn, args: args.map(String), result: String(result), error };
  current.calls.push(call);
  logCall(call);
  if (fn === 'LMSSetValue') for (const w of setValueWarnings(call.args[0], call.args[1] ?? '', config.limit)) warn(w);
  if ((fn === 'LMSCommit' || fn === 'LMSFinish') && call.result === 'true') commit(current, fn === 'LMSFinish');
  if (fn === 'LMSFinish' && call.result === 'true') current.finished = true;
  scheduleRender();
}

/** What the LMS stores at a commit: kept elements for the next launch, interactions for its reports. */
function commit(current, finishing) {
  current.commits++;
  const flat = flatData(current.api, finishing);
  for (const w of commitWarnings(flat)) warn(w);
  // Review and browse launches record nothing, as in Moodle.
  if (current.mode !== 'normal') return;
  const kept = Object.create(null);
  for (const [key, value] of Object.entries(flat)) if (KEPT.test(key) && value !== '') kept[key] = value;
  if (!finishing && record.cmi['cmi.core.total_time']) kept['cmi.core.total_time'] = record.cmi['cmi.core.total_time'];
  else if (!finishing) delete kept['cmi.core.total_time'];
  record = {
    cmi: kept,
    exit: flat['cmi.core.exit'] ?? '',
    sessions: current.number,
    interactions: [...current.pastInteractions, ...interactionsOf(flat).map((i) => ({ ...i, session: current.number }))],
  };
  saveRecord();
}

/** The data model flattened (`cmi.core.lesson_status` → value), with the total time once finishing. */
function flatData(api, withTotalTime) {
  const flat = api.renderCommitCMI(withTotalTime, withTotalTime);
  const out = Object.create(null);
  for (const [key, value] of Object.entries(flat)) if (value !== null && value !== undefined && typeof value !== 'object') out[key] = String(value);
  return out;
}

function interactionsOf(flat) {
  const rows = [];
  for (let n = 0; Object.hasOwn(flat, `cmi.interactions.${n}.id`); n++) {
    const get = (name) => flat[`cmi.interactions.${n}.${name}`] ?? '';
    rows.push({ id: get('id'), type: get('type'), response: get('student_response'), result: get('result'), pattern: get('correct_responses.0.pattern'), time: get('time') });
  }
  return rows;
}

function warn(warning) {
  if (warnings.has(warning.key)) return;
  warnings.set(warning.key, warning);
  const li = document.createElement('li');
  li.dataset.kind = warning.kind;
  const tag = document.createElement('strong');
  tag.textContent = warning.kind === 'refused' ? 'Refused: ' : 'Changed: ';
  li.append(tag, warning.text);
  $('lms-warnings').append(li);
  scheduleRender();
}

function logSession(text) {
  const li = document.createElement('li');
  li.className = 'lms-session';
  li.textContent = text;
  $('lms-calls').append(li);
}

function logCall(call) {
  const li = document.createElement('li');
  const failed = call.error !== '0';
  if (failed) li.dataset.error = call.error;
  const shown = call.args.map((a) => JSON.stringify(a.length > 120 ? `${a.slice(0, 117)}… (${count(a.length)} characters)` : a));
  const result = call.fn === 'LMSGetValue' ? JSON.stringify(call.result.length > 120 ? `${call.result.slice(0, 117)}…` : call.result) : call.result;
  li.textContent = `${call.fn}(${shown.join(', ')}) → ${result}${failed ? ` · error ${call.error} ${session.api.LMSGetErrorString(call.error)}` : ''}`;
  const list = $('lms-calls');
  list.append(li);
  while (list.childElementCount > MAX_CALLS_SHOWN) list.firstElementChild.remove();
  // Follow the newest call unless the author scrolled up to read.
  if (list.scrollHeight - list.scrollTop - list.clientHeight < 80) list.scrollTop = list.scrollHeight;
}

const scheduleRender = renderScheduler(() => render());

function render() {
  if (!session) return;
  const flat = flatData(session.api, false);
  const get = (key) => flat[key] ?? '';
  const score = get('cmi.core.score.raw');
  const rows = [
    ['Status', get('cmi.core.lesson_status') || '—'],
    ['Score', score === '' ? '—' : `${score} (min ${get('cmi.core.score.min') || '—'}, max ${get('cmi.core.score.max') || '—'})`],
    ['Mastery score', masteryChoice().source],
    ...(config.settings ? [['Status mode', `${config.settings.reportStatusAs} (${config.settings.reportStatusAsFrom})`]] : []),
    ['Location', get('cmi.core.lesson_location') || '—'],
    ['Entry', session.entry === '' ? '“” (not resuming)' : session.entry],
    ['Mode', `${session.mode}, ${get('cmi.core.credit')}`],
    ['Exit', get('cmi.core.exit') || '—'],
    // scorm-again starts it at 00:00:00; the course sends its own when it finishes.
    ['Session time', session.calls.some((c) => c.fn === 'LMSSetValue' && c.args[0] === 'cmi.core.session_time') ? get('cmi.core.session_time') : '— (the course sends it when it finishes)'],
    ['Total time', record.cmi['cmi.core.total_time'] || '0000:00:00'],
    ['Session', `${session.number}, ${session.commits} ${session.commits === 1 ? 'commit' : 'commits'}${session.finished ? ', finished' : ''}`],
  ];
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

  const length = get('cmi.suspend_data').length;
  $('lms-meter').value = Math.min(length, config.limit);
  const worst = config.worstCase === undefined ? '' : `; filled in completely, this course saves ${count(config.worstCase)}`;
  $('lms-meter-text').textContent = `${count(length)} of ${count(config.limit)} characters (${Math.round((length / config.limit) * 100)} %)${worst}.`;

  const interactions = [...session.pastInteractions, ...interactionsOf(flat).map((i) => ({ ...i, session: session.number }))];
  fillTable('lms-interactions', interactions.map((i, n) => [String(n), i.id, i.type, i.response, i.result, i.pattern, i.time]));
  const objectives = [];
  for (let n = 0; Object.hasOwn(flat, `cmi.objectives.${n}.id`); n++) {
    const o = (name) => flat[`cmi.objectives.${n}.${name}`] ?? '';
    objectives.push([o('id'), o('status'), o('score.raw')]);
  }
  fillTable('lms-objectives', objectives);
  const status = get('cmi.core.lesson_status') || 'no status';
  const warningCount = warnings.size ? ` · ${warnings.size} ${warnings.size === 1 ? 'warning' : 'warnings'}` : '';
  $('lms-summary').textContent = `${status}${score === '' ? '' : ` · ${score}`} · ${count(length)}/${count(config.limit)}${warningCount}`;
}

function fillTable(id, rows) {
  const table = $(id);
  if (rows.length === 0) rows = [[{ text: 'None yet.', span: table.tHead.rows[0].cells.length }]];
  table.tBodies[0].replaceChildren(
    ...rows.map((cells) => {
      const tr = document.createElement('tr');
      for (const cell of cells) tr.append(Object.assign(document.createElement('td'), typeof cell === 'string' ? { textContent: cell } : { textContent: cell.text, colSpan: cell.span }));
      return tr;
    }),
  );
}

function download() {
  const data = { course: config, learner: LEARNER, record, session: { number: session.number, mode: session.mode, entry: session.entry, calls: session.calls }, warnings: [...warnings.values()] };
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })),
    download: `${config.courseId}-learner-data.json`,
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

const actions = {
  relaunch: () => launch('normal'),
  review: () => launch('review'),
  reset: () => {
    endSession();
    record = emptyRecord();
    saveRecord();
    warnings.clear();
    $('lms-warnings').replaceChildren();
    for (const w of budgetWarnings(config.worstCase, config.limit)) warn(w);
    launch('normal');
  },
  download,
};
$('lms-panel').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (button && Object.hasOwn(actions, button.dataset.action)) actions[button.dataset.action]();
});

const form = $('lms-settings');
if (form) {
  const fields = form.elements;
  const chosen = sessionStorage.getItem(MASTERY_KEY);
  if (chosen === 'none') fields.mastery.value = 'none';
  else if (chosen !== null) {
    fields.mastery.value = 'value';
    fields.masteryValue.value = chosen;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = Number(fields.masteryValue.value);
    try {
      if (fields.mastery.value === 'package') sessionStorage.removeItem(MASTERY_KEY);
      else if (fields.mastery.value === 'none') sessionStorage.setItem(MASTERY_KEY, 'none');
      else if (Number.isFinite(value) && value >= 0 && value <= 100) sessionStorage.setItem(MASTERY_KEY, String(value));
    } catch {}
    const build = { masteryScore: fields.masteryScoreBuild.value === 'true', reportStatusAs: fields.reportStatusAs.value };
    if (build.masteryScore === config.settings.masteryScore && build.reportStatusAs === config.settings.reportStatusAs) {
      launch('normal');
      return;
    }
    // Another package: the preview rebuilds it and this page reloads, relaunching with the learner's data.
    logSession(`Rebuilding the package with ${build.masteryScore ? '--mastery-score' : '--no-mastery-score'} --report-status-as ${build.reportStatusAs}…`);
    const response = await fetch(form.dataset.endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(build) });
    if (!response.ok) logSession(`The preview refused the change: ${await response.text()}`);
  });
}

setUpPanelToggle();

// A live reload (or closing the tab) ends the session first, so the course finishes and commits.
window.addEventListener('pagehide', endSession);
for (const w of budgetWarnings(config.worstCase, config.limit)) warn(w);
launch('normal');
