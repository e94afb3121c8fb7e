/**
 * The SCORM 1.2 adapter: maps the core's neutral calls onto `cmi.*` through the LMS's
 * `window.API`. An LMS that refuses a value gets a console warning and the learner goes on:
 * nothing here throws into the core. Browser code: no Node imports.
 */
import { toCmiTime, toCmiTimespan } from '../../shared/time.js';
import type {
  InteractionRecord,
  LaunchInfo,
  LaunchMode,
  LmsAdapter,
  ObjectiveRecord,
  ProgressRecord,
} from './lms-adapter.js';
import { Scorm12Error, type Scorm12Api } from './scorm12-api.js';
import { MAX_STRING255, toCmiDecimal, toCmiIdentifier, toScorm12Responses } from './scorm12-format.js';

export { findScorm12Api, type Scorm12Api } from './scorm12-api.js';

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
}

export class Scorm12Adapter implements LmsAdapter {
  readonly name = 'scorm12';
  readonly maxStateLength = SCORM12_MAX_STATE_LENGTH;
  readonly standalone = false;

  private readonly now: () => number;
  private readonly warn: (message: string) => void;
  private phase: 'new' | 'running' | 'finished' = 'new';
  private launch: LaunchInfo = { savedState: null, mode: 'normal' };
  private startedAt = 0;
  private status: LessonStatus = '';
  /** Children the LMS lists in `_children`; empty when it does not support the element. */
  private interactionChildren = new Set<string>();
  private objectiveChildren = new Set<string>();
  /** Objective ids → index, and how many slots the LMS holds; read from the LMS on first use. */
  private objectiveSlots: { index: Map<string, number>; count: number } | null = null;
  private interactionsWritten = 0;
  private lastState: string | null = null;
  private lastLocation: string | null = null;

  constructor(
    private readonly api: Scorm12Api,
    options: Scorm12AdapterOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now());
    this.warn = options.warn ?? ((message) => console.warn(message));
  }

  async start(): Promise<LaunchInfo> {
    if (this.phase !== 'new') return this.launch;
    this.phase = 'running';
    this.startedAt = this.now();
    if (!this.ok(this.call('LMSInitialize', () => this.api.LMSInitialize('')))) {
      // 101 usually means an earlier page of this session initialised already: go on.
      this.report('LMSInitialize("")');
    }

    const entry = this.get('cmi.core.entry');
    const suspendData = this.get('cmi.suspend_data');
    const location = this.get('cmi.core.lesson_location');
    // `resume` is the rule; an LMS that leaves entry empty but keeps data still means resume.
    const resuming = entry === 'resume' || (entry === '' && (suspendData !== '' || location !== ''));
    this.lastState = suspendData;
    this.lastLocation = location;

    const mode = readMode(this.get('cmi.core.lesson_mode'));
    this.launch = { savedState: resuming && suspendData ? suspendData : null, mode };
    if (resuming && location) this.launch.location = location;
    const learnerName = displayName(this.get('cmi.core.student_name'));
    if (learnerName) this.launch.learnerName = learnerName;
    const masteryScore = readPercent(this.get('cmi.student_data.mastery_score', { quiet: true }));
    if (masteryScore !== undefined) this.launch.masteryScore = masteryScore;

    this.objectiveChildren = this.children('cmi.objectives._children');
    this.interactionChildren = this.children('cmi.interactions._children');

    this.status = readStatus(this.get('cmi.core.lesson_status'));
    if (this.tracking && (this.status === '' || this.status === 'not attempted')) {
      // Never write `not attempted` (Moodle refuses it with 405): the attempt has begun.
      this.writeStatus(mode === 'browse' ? 'browsed' : 'incomplete');
      this.commit();
    }
    return this.launch;
  }

  saveState(state: string): void {
    if (!this.tracking || state === this.lastState) return;
    if (state.length > SCORM12_MAX_STATE_LENGTH) {
      this.warn(
        `[parcours] learner state is ${state.length} characters; SCORM 1.2 keeps ${SCORM12_MAX_STATE_LENGTH}: the previous state stays saved`,
      );
      return;
    }
    if (this.set('cmi.suspend_data', state)) this.lastState = state;
  }

  setLocation(location: string): void {
    if (!this.tracking || location === this.lastLocation) return;
    if (location.length > MAX_STRING255) {
      this.warn(`[parcours] location is ${location.length} characters; SCORM 1.2 keeps ${MAX_STRING255}: not saved`);
      return;
    }
    if (this.set('cmi.core.lesson_location', location)) this.lastLocation = location;
  }

  recordInteraction(interaction: InteractionRecord): void {
    if (!this.tracking || !this.interactionChildren.has('id')) return;
    // Interactions are a journal in 1.2 (write-only): each answer is appended at `_count`.
    const n = readCount(this.get('cmi.interactions._count')) ?? this.interactionsWritten;
    const prefix = `cmi.interactions.${n}`;
    if (!this.set(`${prefix}.id`, toCmiIdentifier(interaction.id))) return;
    this.interactionsWritten = n + 1;

    const { type, response, pattern } = toScorm12Responses(interaction);
    const children = this.interactionChildren;
    const write = (child: string, element: string, value: string): void => {
      if (children.has(child)) this.set(`${prefix}.${element}`, value);
    };
    if (interaction.objectiveId) write('objectives', 'objectives.0.id', toCmiIdentifier(interaction.objectiveId));
    write('time', 'time', toCmiTime(interaction.timestamp));
    write('type', 'type', type);
    if (pattern !== null) write('correct_responses', 'correct_responses.0.pattern', pattern);
    write('weighting', 'weighting', toCmiDecimal(interaction.weight, -100, 100));
    write('student_response', 'student_response', response);
    // SCORM 1.2 says `wrong` where later standards say `incorrect`.
    write('result', 'result', interaction.result);
    write('latency', 'latency', toCmiTimespan(interaction.latencyMs));
  }

  recordObjective(objective: ObjectiveRecord): void {
    if (!this.tracking || !this.objectiveChildren.has('id')) return;
    const id = toCmiIdentifier(objective.id);
    const slots = this.objectives();
    let n = slots.index.get(id);
    if (n === undefined) {
      n = slots.count;
      if (!this.set(`cmi.objectives.${n}.id`, id)) return;
      slots.index.set(id, n);
      slots.count = n + 1;
    }
    const prefix = `cmi.objectives.${n}`;
    if (objective.scorePercent !== undefined && this.objectiveChildren.has('score')) {
      this.set(`${prefix}.score.raw`, toCmiDecimal(objective.scorePercent, 0, 100));
      this.set(`${prefix}.score.min`, '0');
      this.set(`${prefix}.score.max`, '100');
    }
    if (this.objectiveChildren.has('status')) this.set(`${prefix}.status`, objective.status);
  }

  setProgress(progress: ProgressRecord): void {
    if (!this.tracking) return;
    // The core words the status as the course chose (reportStatusAs); older callers give none.
    const decided = progress.status ?? progress.success ?? (progress.completion === 'completed' ? 'completed' : 'incomplete');
    this.writeStatus(decided === 'incomplete' && this.launch.mode === 'browse' ? 'browsed' : decided);
    // With a mastery score, an LMS may set passed/failed from score.raw at LMSFinish (Moodle's
    // default, scorm-again's too): a partial score would fail a learner who merely paused.
    // So the score waits for the course's verdict whenever the LMS has a mastery score.
    const scoreIsSafe = decided !== 'incomplete' || this.launch.masteryScore === undefined;
    if (progress.scorePercent !== undefined && scoreIsSafe) {
      this.set('cmi.core.score.raw', toCmiDecimal(progress.scorePercent, 0, 100));
      this.set('cmi.core.score.min', '0');
      this.set('cmi.core.score.max', '100');
    }
  }

  commit(): void {
    if (this.phase !== 'running') return;
    if (!this.ok(this.call('LMSCommit', () => this.api.LMSCommit('')))) this.report('LMSCommit("")');
  }

  finish(_reason: 'leave' | 'pagehide'): void {
    if (this.phase !== 'running') return;
    this.set('cmi.core.session_time', toCmiTimespan(this.now() - this.startedAt));
    // `suspend` makes the LMS hand back suspend_data with entry=resume next time, and keeps
    // the attempt open: right whenever there is something left to do, including after a
    // failed quiz (its attempt count must survive). Once the course is completed or passed
    // the attempt is over: "" (a normal exit) lets the LMS close it, as spoor does; Moodle
    // still returns suspend_data then, and start() resumes from it when entry is empty.
    const finished = this.status === 'completed' || this.status === 'passed';
    this.set('cmi.core.exit', finished ? '' : 'suspend');
    this.commit();
    this.phase = 'finished';
    if (!this.ok(this.call('LMSFinish', () => this.api.LMSFinish('')))) this.report('LMSFinish("")');
  }

  // -------------------------------------------------------------------------------------

  /** False in review mode: the LMS shows a past attempt and records nothing. */
  private get tracking(): boolean {
    return this.phase === 'running' && this.launch.mode !== 'review';
  }

  private writeStatus(status: LessonStatus): void {
    if (STATUS_RANK[status] < STATUS_RANK[this.status] || status === this.status) return;
    if (this.set('cmi.core.lesson_status', status)) this.status = status;
  }

  private objectives(): { index: Map<string, number>; count: number } {
    if (this.objectiveSlots) return this.objectiveSlots;
    const index = new Map<string, number>();
    const count = readCount(this.get('cmi.objectives._count')) ?? 0;
    for (let n = 0; n < count; n++) {
      const id = this.get(`cmi.objectives.${n}.id`);
      if (id && !index.has(id)) index.set(id, n);
    }
    this.objectiveSlots = { index, count };
    return this.objectiveSlots;
  }

  private children(element: string): Set<string> {
    const list = this.get(element, { quiet: true });
    return new Set(list.split(',').map((c) => c.trim()).filter(Boolean));
  }

  /** LMSGetValue; "" when the LMS reports an error (logged unless `quiet`). */
  private get(element: string, { quiet = false } = {}): string {
    const value = this.call('LMSGetValue', () => this.api.LMSGetValue(element));
    const code = this.lastError();
    if (code === Scorm12Error.none) return value ?? '';
    if (!quiet) this.report(`LMSGetValue(${element})`, code);
    return '';
  }

  /** LMSSetValue; false (and a warning) when the LMS refuses the value. */
  private set(element: string, value: string): boolean {
    const result = this.call('LMSSetValue', () => this.api.LMSSetValue(element, value));
    if (result === undefined) return false;
    const code = this.lastError();
    if (this.ok(result) && code === Scorm12Error.none) return true;
    this.warn(`[parcours] LMSSetValue(${element}, ${preview(value)}) refused: ${code} ${this.errorString(code)}`);
    return false;
  }

  private report(what: string, code = this.lastError()): void {
    this.warn(`[parcours] ${what} failed: ${code} ${this.errorString(code)}`);
  }

  /** Calls the LMS; a throwing LMS is logged and reads as undefined. */
  private call(name: string, fn: () => unknown): string | undefined {
    try {
      const result = fn();
      return result === undefined || result === null ? '' : String(result);
    } catch (error) {
      this.warn(`[parcours] ${name} threw: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private ok(result: string | undefined): boolean {
    return result === 'true';
  }

  private lastError(): number {
    try {
      const code = Number(this.api.LMSGetLastError());
      return Number.isFinite(code) ? code : Scorm12Error.general;
    } catch {
      return Scorm12Error.general;
    }
  }

  private errorString(code: number): string {
    try {
      return String(this.api.LMSGetErrorString(String(code)) ?? '');
    } catch {
      return '';
    }
  }
}

function readMode(value: string): LaunchMode {
  // An empty lesson_mode is common and means normal.
  return value === 'browse' || value === 'review' ? value : 'normal';
}

function readStatus(value: string): LessonStatus {
  return value in STATUS_RANK ? (value as LessonStatus) : '';
}

function readCount(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

function readPercent(value: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  const n = Number(value);
  return n >= 0 && n <= 100 ? n : undefined;
}

/** SCORM 1.2 names read `Last, First`; the learner is greeted as `First Last`. */
function displayName(value: string): string | undefined {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length === 2 && parts[0] && parts[1]) return `${parts[1]} ${parts[0]}`;
  return value.trim() || undefined;
}

/** Long values (the saved state) are cut in logs. */
function preview(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}… (${value.length} characters)` : value;
}
