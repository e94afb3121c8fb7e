/**
 * TinCan (xAPI) adapter: the LmsAdapter the `xapi` target bundles. Built on the shared layer
 * in src/runtime/xapi (session, durable queue, State API, statement builders).
 *
 *   const adapter = createXapiAdapter({ course, launch })   // launch = readTinCanLaunch(location.search)
 *
 * What it sends (object ids from src/shared/iri.ts, under the launched activity id):
 *   start          course `initialized`
 *   objectives     step `completed` (parent: course) once the step is done; step `passed`/`failed`
 *   interactions   question `answered` (cmi.interaction; parent: quiz; grouping: step, course)
 *   progress       course `completed`, course `passed`/`failed` (score, duration) once decided
 *   video events   Video Profile statements (src/runtime/xapi/video-profile.ts)
 *   finish         open videos `terminated`, course `terminated` (duration); keepalive flush
 * Resume: one State document (`parcours-state`, JSON): the core's state string, the location,
 * and which outcomes were already reported, so a relaunch does not report them again.
 */
import type { Agent } from '@xapi/xapi';
import type { RuntimeCourse, RuntimeStep } from '../../shared/course-data.js';
import { courseIri } from '../../shared/iri.js';
import type { TinCanLaunch } from '../xapi/launch.js';
import { XapiSession } from '../xapi/session.js';
import {
  courseCompleted,
  courseInitialized,
  courseResult,
  courseTerminated,
  questionAnswered,
  stepCompleted,
  stepResult,
  type NamedRef,
  type StatementScope,
} from '../xapi/statements.js';
import type { KeyValueStorage } from '../xapi/storage.js';
import { VideoSessions } from '../xapi/video-sessions.js';
import type {
  InteractionRecord,
  LaunchInfo,
  LmsAdapter,
  ObjectiveRecord,
  ProgressRecord,
  VideoEvent,
} from './lms-adapter.js';

/** The State API has no practical size limit; this bounds what the core may save. */
export const XAPI_MAX_STATE_LENGTH = 64_000;

export interface XapiAdapterOptions {
  course: RuntimeCourse;
  launch: TinCanLaunch;
  storage?: KeyValueStorage;
  fetch?: typeof fetch;
  /** Back-off base of the queue and state (tests shorten it). */
  baseDelayMs?: number;
}

/** What the State document holds. `state` is the core's LearnerState string, as SCORM's suspend_data. */
interface SavedDocument {
  state: string | null;
  location: string;
  reported: Reported;
}

interface Reported {
  completed?: boolean;
  /** `passed:85`: the last course outcome sent. */
  outcome?: string;
  /** Step id → last step outcome sent (`completed`, `passed:80`, ...). */
  steps?: Record<string, string>;
}

export function createXapiAdapter(options: XapiAdapterOptions): LmsAdapter {
  return new XapiAdapter(options);
}

class XapiAdapter implements LmsAdapter {
  readonly name = 'xapi';
  readonly maxStateLength = XAPI_MAX_STATE_LENGTH;
  readonly standalone = false;
  private readonly course: RuntimeCourse;
  private readonly session: XapiSession;
  private readonly scope: StatementScope;
  private readonly actor: Agent;
  private readonly launchLanguage: string | undefined;
  private doc: SavedDocument = { state: null, location: '', reported: {} };
  private startedAt = Date.now();
  private finished = false;
  /** Video Profile sessions (initialized first, paused before terminated...). */
  private readonly videos: VideoSessions;

  constructor(options: XapiAdapterOptions) {
    const { course, launch } = options;
    this.course = course;
    this.actor = launch.actor;
    this.launchLanguage = launch.language;
    const root = launch.activityId ?? courseIri(course);
    this.session = new XapiSession({
      lrs: { endpoint: launch.endpoint, auth: launch.auth, ...(options.fetch && { fetch: options.fetch }) },
      actor: launch.actor,
      activityId: root,
      ...(launch.registration && { registration: launch.registration }),
      ...(options.storage && { storage: options.storage }),
      ...(options.baseDelayMs !== undefined && { baseDelayMs: options.baseDelayMs }),
      onRejected: (statement, status) => console.warn(`[parcours] the LRS refused statement ${statement.id} (${status})`),
    });
    this.scope = {
      root,
      courseName: course.title,
      language: course.language,
      ...(launch.platform && { platform: launch.platform }),
      ...(launch.grouping && { grouping: [{ objectType: 'Activity', id: launch.grouping }] }),
    };
    this.videos = new VideoSessions(this.scope, (id) => this.findActivity(id), (draft) => void this.session.send(draft));
  }

  async start(): Promise<LaunchInfo> {
    this.startedAt = Date.now();
    this.doc = parseDocument(await this.loadState());
    this.session.send(courseInitialized(this.scope));
    if (typeof addEventListener === 'function') addEventListener('online', () => void this.session.flush());
    const info: LaunchInfo = { savedState: this.doc.state, mode: 'normal' };
    if (this.actor.name) info.learnerName = this.actor.name;
    if (this.doc.location) info.location = this.doc.location;
    if (this.launchLanguage) info.language = this.launchLanguage;
    return info;
  }

  saveState(state: string): void {
    this.doc.state = state;
  }

  setLocation(location: string): void {
    this.doc.location = location;
  }

  recordInteraction(record: InteractionRecord): void {
    const found = this.findActivity(record.quizId);
    const quiz = found?.activity ?? { id: record.quizId, title: record.quizId };
    this.session.send(questionAnswered(this.scope, record, quiz, found?.step, record.description || record.questionId));
  }

  recordObjective(objective: ObjectiveRecord): void {
    if (objective.status === 'incomplete') return;
    const step = this.findStep(objective.id);
    if (!step) return;
    const steps = (this.doc.reported.steps ??= {});
    const sent = steps[step.id];
    const outcome = objective.status === 'completed' ? 'completed' : `${objective.status}:${objective.scorePercent ?? ''}`;
    if (sent === outcome) return;
    if (sent === undefined) this.session.send(stepCompleted(this.scope, step));
    if (objective.status === 'passed' || objective.status === 'failed') {
      this.session.send(stepResult(this.scope, step, objective.status, objective.scorePercent));
    }
    steps[step.id] = outcome;
    this.persist();
  }

  setProgress(progress: ProgressRecord): void {
    const reported = this.doc.reported;
    const duration = Date.now() - this.startedAt;
    let changed = false;
    if (progress.completion === 'completed' && !reported.completed) {
      this.session.send(courseCompleted(this.scope, duration));
      reported.completed = true;
      changed = true;
    }
    // A course is only failed once it is finished; passed is final as soon as it is reached
    // (best scores never go down), so neither is reported from a half-taken course.
    const decided = progress.success === 'passed' || (progress.success === 'failed' && progress.completion === 'completed');
    if (decided && progress.success && progress.scorePercent !== undefined) {
      const outcome = `${progress.success}:${progress.scorePercent}`;
      if (reported.outcome !== outcome) {
        this.session.send(courseResult(this.scope, progress.success, progress.scorePercent, duration));
        reported.outcome = outcome;
        changed = true;
      }
    }
    if (changed) this.persist();
  }

  recordVideoEvent(event: VideoEvent): void {
    this.videos.record(event);
  }

  commit(): void {
    this.persist();
    void this.session.flush();
  }

  finish(_reason: 'leave' | 'pagehide'): void {
    if (this.finished) return;
    this.finished = true;
    this.videos.terminateAll();
    this.session.send(courseTerminated(this.scope, Date.now() - this.startedAt));
    this.persist();
    // Keepalive either way: after "leave" the LMS often closes the window at once.
    this.session.flushOnExit();
  }

  private persist(): void {
    this.session.state.set(JSON.stringify(this.doc));
  }

  /** A few tries before giving up: starting blank would later overwrite the learner's saved progress. */
  private async loadState(): Promise<string | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.session.state.load();
      } catch (error) {
        if (attempt >= 2) {
          console.warn('[parcours] could not read the saved state from the LRS; starting from the beginning', error);
          return null;
        }
        await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
      }
    }
  }

  private findStep(stepId: string): RuntimeStep | undefined {
    return this.course.steps.find((s) => s.id === stepId);
  }

  private findActivity(activityId: string): { activity: NamedRef; step: NamedRef } | undefined {
    for (const step of this.course.steps) {
      const activity = step.activities.find((a) => a.id === activityId);
      if (activity) return { activity, step };
    }
    return undefined;
  }
}

function parseDocument(text: string | null): SavedDocument {
  const empty: SavedDocument = { state: null, location: '', reported: {} };
  if (!text) return empty;
  try {
    const value = JSON.parse(text) as Partial<SavedDocument>;
    return {
      state: typeof value.state === 'string' ? value.state : null,
      location: typeof value.location === 'string' ? value.location : '',
      reported: value.reported && typeof value.reported === 'object' ? value.reported : {},
    };
  } catch {
    return empty;
  }
}
