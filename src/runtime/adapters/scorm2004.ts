/**
 * The SCORM 2004 (4th Edition) adapter: maps the core's neutral calls onto `cmi.*` through the
 * LMS's `window.API_1484_11`. Completion and success go apart (`cmi.completion_status`,
 * `cmi.success_status`), with the scaled score and the progress measure; every value is checked
 * against the data model before it is set (scorm2004-format.ts), and a refusal is logged with
 * its error code, never thrown into the core. Values read from the LMS are checked too.
 *
 * One SCO per step (the package's `?step=<id>`): the SCO reports its step (the step's objective
 * judged as the course is: completed when done, passed when its score reaches the passing score),
 * and the course's learner state goes to the shared `adl.data` store as well as `cmi.suspend_data`,
 * so every step's SCO resumes the same course. Browser code: no Node imports.
 */
import { sharedStateId } from '../../shared/scorm2004-ids.js';
import { toIsoDuration } from '../../shared/time.js';
import type { LaunchInfo, LaunchMode, LmsAdapter, ProgressRecord } from './lms-adapter.js';
import { MAX_SCANNED_SLOTS, scormCalls } from './scorm-api.js';
import type { Scorm2004Api } from './scorm2004-api.js';
import { localized, MAX_LOCATION, MAX_STATE, scorm2004Problem, toReal, toScorm2004Interaction, toScorm2004Time } from './scorm2004-format.js';

export { findScorm2004Api, type Scorm2004Api } from './scorm2004-api.js';

export interface Scorm2004AdapterOptions {
  courseId: string;
  /** The course's language, for the localized strings (descriptions, fill-in answers). */
  language: string;
  /** Percent: the course's passing score, what a step SCO is judged against unless the LMS gives one. */
  passingScore: number;
  /** The step this SCO covers (one SCO per step), checked by the caller to be one of the course. */
  step?: string;
  /** Clock for the session time; tests pass their own. */
  now?: () => number;
  /** Where refusals are reported; `console.warn` by default. */
  warn?: (message: string) => void;
}

/** Statuses only move forward in a session; `failed` may still become `passed`. */
const COMPLETION_RANK: Record<string, number> = { unknown: 0, 'not attempted': 0, incomplete: 1, completed: 2 };
const SUCCESS_RANK: Record<string, number> = { unknown: 0, failed: 1, passed: 2 };
const rank = (ranks: Record<string, number>, value: string) => (Object.hasOwn(ranks, value) ? ranks[value]! : 0);

export function createScorm2004Adapter(api: Scorm2004Api, options: Scorm2004AdapterOptions): LmsAdapter {
  const now = options.now ?? Date.now;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const log = (message: string) => warn('[parcours] ' + message);
  const lms = scormCalls(api, ['GetValue', 'SetValue', 'GetLastError', 'GetErrorString'], log);
  const { get, signal } = lms;
  const { step, language } = options;
  let phase: 'new' | 'running' | 'finished' = 'new';
  let launch: LaunchInfo = { savedState: null, mode: 'normal' };
  let startedAt = 0;
  let completion = 'unknown';
  let success = 'unknown';
  /** Percent, from `cmi.scaled_passing_score`: the LMS then judges success from the scaled score. */
  let passing: number | undefined;
  /** Objective ids → index in `cmi.objectives`, read from the LMS on first use; `objectiveCount` the slots it holds. */
  let objectiveSlots: Map<string, number> | undefined;
  let objectiveCount = 0;
  let interactionsWritten = 0;
  /** `adl.data.<n>` holding the course state (one SCO per step), when the LMS offers it. */
  let store: string | undefined;
  /** What the LMS holds of the elements kept between sessions: unchanged values are not sent again. */
  const kept = new Map<string, string>();

  /** SetValue, after the data model's check: a value it would refuse is logged, not sent. */
  const set = (element: string, value: string): boolean => {
    const problem = scorm2004Problem(element, value);
    if (!problem) return lms.set(element, value);
    log(`SetValue(${element}) not sent: ${problem} (${value.length} characters)`);
    return false;
  };
  /** An LMS `_count`: plain digits only, and bounded (a huge one would block the page). */
  const readCount = (element: string): number | undefined => {
    const value = get(element, true);
    return /^\d{1,9}$/.test(value) ? Math.min(+value, MAX_SCANNED_SLOTS) : undefined;
  };
  /** Review shows a finished attempt, browse looks around: neither may change the graded attempt, not even its time. */
  const tracking = () => phase === 'running' && launch.mode === 'normal';
  const readKept = (element: string, maxLength: number) => {
    const value = get(element, true);
    if (value.length > maxLength) log(`${element}: ${value.length} > ${maxLength} characters, cut`);
    kept.set(element, value);
    return value.slice(0, maxLength);
  };
  const keep = (element: string, value: string) => {
    if (tracking() && value !== kept.get(element) && set(element, value)) kept.set(element, value);
  };
  const writeCompletion = (next: string) => {
    if (rank(COMPLETION_RANK, next) > rank(COMPLETION_RANK, completion) && set('cmi.completion_status', next)) completion = next;
  };
  const writeSuccess = (next: string) => {
    if (rank(SUCCESS_RANK, next) > rank(SUCCESS_RANK, success) && set('cmi.success_status', next)) success = next;
  };
  const setScore = (prefix: string, percent: number) => {
    set(prefix + '.score.scaled', toReal(percent / 100, 0, 1));
    set(prefix + '.score.raw', toReal(percent, 0, 100));
    set(prefix + '.score.min', '0');
    set(prefix + '.score.max', '100');
  };
  /**
   * The SCO's own result. The progress measure reaches 1 exactly when it is completed: with the
   * package's completion threshold (1), the LMS derives the same completion from it. The score
   * waits for the verdict when the LMS has a passing score: it would judge a partial score failed.
   */
  const report = (done: boolean, judged: string | undefined, percent: number | undefined, progress: number) => {
    writeCompletion(done ? 'completed' : 'incomplete');
    set('cmi.progress_measure', done ? '1' : toReal(Math.min(progress, 0.99), 0, 0.99));
    if (judged) writeSuccess(judged);
    if (percent !== undefined && (done || judged || passing === undefined)) setScore('cmi', percent);
  };
  const commit = () => {
    if (tracking()) signal('Commit');
  };
  /** The attempt is over once completed and not failed: a normal exit then; otherwise suspended, to resume. */
  const over = () => completion === 'completed' && success !== 'failed';

  return {
    name: 'scorm2004',
    maxStateLength: MAX_STATE,
    standalone: false,

    async start() {
      if (phase !== 'new') return launch;
      phase = 'running';
      startedAt = now();
      signal('Initialize');
      const entry = get('cmi.entry', true);
      const modeValue = get('cmi.mode', true);
      const mode: LaunchMode = modeValue === 'browse' || modeValue === 'review' ? modeValue : 'normal';
      let saved = readKept('cmi.suspend_data', MAX_STATE);
      let shared = '';
      if (step) {
        const count = readCount('adl.data._count') ?? 0;
        for (let n = 0; n < count && store === undefined; n++) {
          if (get(`adl.data.${n}.id`, true) === sharedStateId(options.courseId)) store = `adl.data.${n}.store`;
        }
        // An empty store is "not initialized" (403) until a SCO writes it: read quietly.
        if (store) shared = readKept(store, MAX_STATE);
      }
      const location = readKept('cmi.location', MAX_LOCATION);
      // `resume` is the rule; the shared store holds the course's state whatever this SCO's entry says.
      const resuming = entry === 'resume' || shared !== '' || (entry === '' && (saved !== '' || location !== ''));
      saved = shared || saved;
      launch = { savedState: resuming && saved ? saved : null, mode };
      if (resuming && location) launch.location = location;
      const name = get('cmi.learner_name', true).trim();
      if (name) launch.learnerName = name.slice(0, 250);
      const scaled = get('cmi.scaled_passing_score', true);
      if (/^(0(\.\d+)?|1(\.0+)?)$/.test(scaled)) {
        passing = Math.round(+scaled * 10_000) / 100;
        // One SCO per step: the step is judged against it here; the course keeps its own rule.
        if (!step) launch.masteryScore = passing;
      }
      // Read as given and checked against the vocabulary: scorm-again answers these with a stale error code.
      completion = lms.call('GetValue', 'cmi.completion_status') ?? '';
      success = lms.call('GetValue', 'cmi.success_status') ?? '';
      if (mode === 'normal' && rank(COMPLETION_RANK, completion) === 0) {
        writeCompletion('incomplete');
        signal('Commit');
      }
      return launch;
    },

    saveState(state) {
      keep('cmi.suspend_data', state);
      if (store) keep(store, state);
    },
    // The overview is '' here; scorm-again refuses an empty location (406): the bookmark stays on the last page.
    setLocation: (location) => location && keep('cmi.location', location),

    recordInteraction(interaction) {
      if (!tracking()) return;
      // Appended at `_count`: every answer is one more interaction.
      const n = readCount('cmi.interactions._count') ?? interactionsWritten;
      const prefix = `cmi.interactions.${n}.`;
      if (!set(prefix + 'id', interaction.id)) return;
      interactionsWritten = n + 1;
      const { type, learnerResponse, pattern, result } = toScorm2004Interaction(interaction, language);
      // The type first: the LMS checks the response and the pattern against it.
      const elements: [string, string | null | undefined][] = [
        ['type', type],
        ['objectives.0.id', interaction.objectiveId],
        ['timestamp', toScorm2004Time(interaction.timestamp)],
        ['weighting', toReal(interaction.weight)],
        ['correct_responses.0.pattern', pattern],
        ['learner_response', learnerResponse],
        ['result', result],
        ['latency', toIsoDuration(interaction.latencyMs)],
        ['description', interaction.description && localized(language, interaction.description)],
      ];
      for (const [element, value] of elements) if (value != null && value !== '') set(prefix + element, value);
    },

    recordObjective(objective) {
      if (!tracking()) return;
      if (!objectiveSlots) {
        objectiveSlots = new Map();
        objectiveCount = readCount('cmi.objectives._count') ?? 0;
        for (let n = 0; n < objectiveCount; n++) {
          const slotId = get(`cmi.objectives.${n}.id`, true);
          if (slotId && !objectiveSlots.has(slotId)) objectiveSlots.set(slotId, n);
        }
      }
      let n = objectiveSlots.get(objective.id);
      if (n === undefined) {
        n = objectiveCount;
        if (!set(`cmi.objectives.${n}.id`, objective.id)) return;
        objectiveSlots.set(objective.id, n);
        objectiveCount++;
      }
      const prefix = `cmi.objectives.${n}`;
      const done = objective.status !== 'incomplete';
      const judged = objective.status === 'passed' || objective.status === 'failed' ? objective.status : undefined;
      if (objective.scorePercent !== undefined) setScore(prefix, objective.scorePercent);
      set(prefix + '.completion_status', done ? 'completed' : 'incomplete');
      set(prefix + '.success_status', judged ?? 'unknown');
      if (objective.id !== step) return;
      // This SCO is the step: judged by its score against the passing score, as the package's primary objective says.
      const percent = objective.scorePercent;
      const target = passing ?? options.passingScore;
      const verdict = percent === undefined ? undefined : percent >= target ? 'passed' : done ? 'failed' : undefined;
      report(done, verdict, percent, done ? 1 : 0);
    },

    setProgress(progress: ProgressRecord) {
      if (!tracking() || step) return;
      report(progress.completion === 'completed', progress.success, progress.scorePercent, progress.progress);
    },

    commit,

    finish(reason) {
      if (phase !== 'running') return;
      if (tracking()) {
        set('cmi.session_time', toIsoDuration(now() - startedAt));
        set('cmi.exit', over() ? 'normal' : 'suspend');
        // Leaving by the course's own button: the LMS takes the learner back (where it sequences).
        // One SCO per step suspends the course whatever this step's result: the other steps go on.
        if (reason === 'leave') lms.set('adl.nav.request', over() && !step ? 'exitAll' : 'suspendAll');
        commit();
      }
      phase = 'finished';
      signal('Terminate');
    },
  };
}
