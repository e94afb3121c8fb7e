/**
 * The SCORM 1.2 adapter: maps the core's neutral calls onto `cmi.*` through the LMS's
 * `window.API`. An LMS that refuses a value gets a console warning and the learner goes on:
 * nothing here throws into the core. Browser code: no Node imports.
 */
import { toCmiTime, toCmiTimespan } from '../../shared/time.js';
import type { AnswerFormat } from '../../shared/course-data.js';
import type { LaunchInfo, LaunchMode, LmsAdapter } from './lms-adapter.js';
import { MAX_SCANNED_SLOTS, scormCalls } from './scorm-api.js';
import type { Scorm12Api } from './scorm12-api.js';
import { MAX_STRING255, toCmiDecimal, toCmiIdentifier, toScorm12Responses } from './scorm12-format.js';

export { findScorm12Api, type Scorm12Api } from './scorm12-api.js';
export { MAX_SCANNED_SLOTS } from './scorm-api.js';

/** CMIString4096: what `cmi.suspend_data` keeps in SCORM 1.2. */
export const SCORM12_MAX_STATE_LENGTH = 4096;

type LessonStatus = 'passed' | 'completed' | 'failed' | 'incomplete' | 'browsed' | 'not attempted' | '';

/**
 * Statuses only move forward in a session, so a late or partial update (say, a lost state
 * and a fresh `incomplete`) never undoes a `passed` the LMS already holds; `failed` may still
 * become `passed` when a retry succeeds.
 */
const STATUS_RANK: Record<LessonStatus, number> = {
  '': 0,
  'not attempted': 0,
  browsed: 1,
  incomplete: 1,
  completed: 2,
  failed: 3,
  passed: 4,
};

export interface Scorm12AdapterOptions {
  /** Clock for the session time; tests pass their own. */
  now?: () => number;
  /** Where refusals are reported; `console.warn` by default. */
  warn?: (message: string) => void;
  /** `readable`: answers as the course's ids and true/false words (RuntimeCourse.answers); SCORM 1.2's single characters otherwise. */
  answers?: AnswerFormat;
}

export function createScorm12Adapter(api: Scorm12Api, options: Scorm12AdapterOptions = {}): LmsAdapter {
  const now = options.now ?? Date.now;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const log = (message: string) => warn('[parcours] ' + message);
  let phase: 'new' | 'running' | 'finished' = 'new';
  let launch: LaunchInfo = { savedState: null, mode: 'normal' };
  let startedAt = 0;
  let status: LessonStatus = '';
  /** Children the LMS lists in `_children`; empty when it does not support the element. */
  let interactionChildren = new Set<string>();
  let objectiveChildren = new Set<string>();
  /** Objective ids → index in `cmi.objectives`, read from the LMS on first use; `objectiveCount` the slots it holds. */
  let objectiveSlots: Map<string, number> | undefined;
  let objectiveCount = 0;
  let interactionsWritten = 0;
  /** What the LMS holds of the elements kept between sessions (suspend_data, lesson_location): unchanged values are not sent again. */
  const kept = new Map<string, string>();

  const lms = scormCalls(api, ['LMSGetValue', 'LMSSetValue', 'LMSGetLastError', 'LMSGetErrorString'], log);
  const { get, set } = lms;
  /** LMSInitialize, LMSCommit, LMSFinish: a failure is logged, never fatal. */
  const signal: (method: 'LMSInitialize' | 'LMSCommit' | 'LMSFinish') => void = lms.signal;
  const setScore = (prefix: string, percent: number) => {
    set(prefix + '.score.raw', toCmiDecimal(percent, 0, 100));
    set(prefix + '.score.min', '0');
    set(prefix + '.score.max', '100');
  };
  const children = (element: string) => new Set(get(element, true).split(',').map((c) => c.trim()));
  /** An LMS `_count`; undefined unless plain digits. */
  const readCount = (element: string): number | undefined => {
    const value = get(element);
    return /^\d+$/.test(value) ? +value : undefined;
  };
  /**
   * Only a normal launch is recorded. Review shows a finished attempt; browse (an LMS's
   * Preview, no credit) looks around: neither may add to the graded attempt, not even time
   * (Moodle adds every session_time to the attempt's total time).
   */
  const tracking = () => phase === 'running' && launch.mode === 'normal';
  /** The value of an element kept between sessions, remembered. */
  const readKept = (element: string) => {
    const value = get(element);
    kept.set(element, value);
    return value;
  };
  /** Writes an element kept between sessions, unless unchanged or longer than SCORM 1.2 keeps (the previous value then stays). */
  const keep = (element: string, value: string, maxLength: number) => {
    if (!tracking() || value === kept.get(element)) return;
    if (value.length > maxLength) log(`${element} would be ${value.length} characters; SCORM 1.2 keeps ${maxLength}: the previous value stays saved`);
    else if (set(element, value)) kept.set(element, value);
  };
  const writeStatus = (next: LessonStatus) => {
    if (STATUS_RANK[next] >= STATUS_RANK[status] && next !== status && set('cmi.core.lesson_status', next)) status = next;
  };
  const commit = () => {
    if (tracking()) signal('LMSCommit');
  };

  return {
    name: 'scorm12',
    maxStateLength: SCORM12_MAX_STATE_LENGTH,
    standalone: false,

    async start() {
      if (phase !== 'new') return launch;
      phase = 'running';
      startedAt = now();
      signal('LMSInitialize');

      const entry = get('cmi.core.entry');
      const suspendData = readKept('cmi.suspend_data');
      const location = readKept('cmi.core.lesson_location');
      // `resume` is the rule; an LMS that leaves entry empty but keeps data still means resume.
      const resuming = entry === 'resume' || (entry === '' && (suspendData !== '' || location !== ''));

      const lessonMode = get('cmi.core.lesson_mode');
      // An empty lesson_mode is common and means normal.
      const mode: LaunchMode = lessonMode === 'browse' || lessonMode === 'review' ? lessonMode : 'normal';
      launch = { savedState: resuming && suspendData ? suspendData : null, mode };
      if (resuming && location) launch.location = location;
      const learnerName = displayName(get('cmi.core.student_name'));
      if (learnerName) launch.learnerName = learnerName;
      const masteryScore = get('cmi.student_data.mastery_score', true).trim();
      if (/^\d+(\.\d+)?$/.test(masteryScore) && +masteryScore <= 100) launch.masteryScore = +masteryScore;

      objectiveChildren = children('cmi.objectives._children');
      interactionChildren = children('cmi.interactions._children');

      const lessonStatus = get('cmi.core.lesson_status');
      // An own key only: a value such as `constructor` is no status.
      status = Object.hasOwn(STATUS_RANK, lessonStatus) ? (lessonStatus as LessonStatus) : '';
      if (mode !== 'review' && !STATUS_RANK[status]) {
        // Never write `not attempted` (Moodle refuses it with 405): the attempt has begun, or was browsed.
        writeStatus(mode === 'browse' ? 'browsed' : 'incomplete');
        signal('LMSCommit');
      }
      return launch;
    },

    saveState: (state) => keep('cmi.suspend_data', state, SCORM12_MAX_STATE_LENGTH),
    setLocation: (location) => keep('cmi.core.lesson_location', location, MAX_STRING255),

    recordInteraction(interaction) {
      if (!tracking() || !interactionChildren.has('id')) return;
      // Interactions are a journal in 1.2 (write-only): each answer is appended at `_count`.
      const n = readCount('cmi.interactions._count') ?? interactionsWritten;
      const prefix = `cmi.interactions.${n}.`;
      if (!set(prefix + 'id', toCmiIdentifier(interaction.id))) return;
      interactionsWritten = n + 1;
      const { type, response, pattern, result } = toScorm12Responses(interaction, options.answers === 'readable');
      // Each element is written when the LMS lists its first part among `_children`.
      const elements: [string, string | null | undefined][] = [
        ['objectives.0.id', interaction.objectiveId && toCmiIdentifier(interaction.objectiveId)],
        ['time', toCmiTime(interaction.timestamp)],
        ['type', type],
        ['correct_responses.0.pattern', pattern],
        ['weighting', toCmiDecimal(interaction.weight, -100, 100)],
        ['student_response', response],
        // SCORM 1.2 says `wrong` where later standards say `incorrect`.
        ['result', result],
        ['latency', toCmiTimespan(interaction.latencyMs)],
      ];
      for (const [element, value] of elements) {
        if (value != null && interactionChildren.has(element.split('.')[0]!)) set(prefix + element, value);
      }
    },

    recordObjective(objective) {
      if (!tracking() || !objectiveChildren.has('id')) return;
      const id = toCmiIdentifier(objective.id);
      if (!objectiveSlots) {
        objectiveSlots = new Map();
        objectiveCount = readCount('cmi.objectives._count') ?? 0;
        for (let n = 0; n < Math.min(objectiveCount, MAX_SCANNED_SLOTS); n++) {
          const slotId = get(`cmi.objectives.${n}.id`);
          if (slotId && !objectiveSlots.has(slotId)) objectiveSlots.set(slotId, n);
        }
      }
      let n = objectiveSlots.get(id);
      if (n === undefined) {
        n = objectiveCount;
        if (!set(`cmi.objectives.${n}.id`, id)) return;
        objectiveSlots.set(id, n);
        objectiveCount++;
      }
      const prefix = `cmi.objectives.${n}`;
      if (objective.scorePercent !== undefined && objectiveChildren.has('score')) setScore(prefix, objective.scorePercent);
      if (objectiveChildren.has('status')) set(prefix + '.status', objective.status);
    },

    setProgress(progress) {
      if (!tracking()) return;
      // The core words the status as the course chose (reportStatusAs); older callers give none.
      const decided = progress.status ?? progress.success ?? progress.completion;
      writeStatus(decided);
      // With a mastery score, an LMS may set passed/failed from score.raw at LMSFinish (Moodle's
      // default, scorm-again's too): a partial score would fail a learner who merely paused.
      // So the score waits for the course's verdict whenever the LMS has a mastery score.
      if (progress.scorePercent !== undefined && (decided !== 'incomplete' || launch.masteryScore === undefined)) {
        setScore('cmi.core', progress.scorePercent);
      }
    },

    commit,

    finish() {
      if (phase !== 'running') return;
      if (tracking()) {
        set('cmi.core.session_time', toCmiTimespan(now() - startedAt));
        // `suspend` makes the LMS hand back suspend_data with entry=resume next time, and keeps
        // the attempt open: right whenever there is something left to do, including after a
        // failed quiz (its attempt count must survive). Once the course is completed or passed
        // the attempt is over: "" (a normal exit) lets the LMS close it, as spoor does; Moodle
        // still returns suspend_data then, and start() resumes from it when entry is empty.
        set('cmi.core.exit', status === 'completed' || status === 'passed' ? '' : 'suspend');
        commit();
      }
      phase = 'finished';
      signal('LMSFinish');
    },
  };
}

/** SCORM 1.2 names read `Last, First`; the learner is greeted as `First Last`. */
function displayName(value: string): string | undefined {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length === 2 && parts[0] && parts[1]) return `${parts[1]} ${parts[0]}`;
  return value.trim() || undefined;
}
