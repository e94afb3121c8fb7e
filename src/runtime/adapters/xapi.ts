/**
 * TinCan (xAPI) adapter: the LmsAdapter the `xapi` target bundles. Built on the shared layer
 * in src/runtime/xapi (session, durable queue, State API, statement builders).
 *
 *   const adapter = createXapiAdapter({ course, launch })   // launch = readTinCanLaunch(location.search)
 *
 * What it sends (object ids from src/shared/iri.ts, under the course's own IRI; the course
 * activity is the one the LMS launched, normally that IRI too):
 *   start          course `initialized`
 *   objectives     step `completed` (parent: course) once the step is done; step `passed`/`failed`
 *   interactions   question `answered` (cmi.interaction; parent: quiz; grouping: step, course)
 *   progress       course `completed`, course `passed`/`failed` (score, duration) once decided
 *   video events   Video Profile statements (src/runtime/xapi/video-profile.ts)
 *   finish         open videos `terminated`, course `terminated` (duration), keepalive requests
 * Resume: one State document (`parcours-state`, src/runtime/xapi/resume-document.ts). Answers,
 * step outcomes, videos and the resume document go through CourseReporter, as in the cmi5 adapter.
 */
import type { Agent } from '@xapi/xapi';
import type { RuntimeCourse } from '../../shared/course-data.js';
import { courseIri } from '../../shared/iri.js';
import { STATE_DOCUMENT_MAX_LENGTH } from '../../shared/learner-state.js';
import { CourseReporter, decidedOutcome } from '../xapi/course-reporter.js';
import type { TinCanLaunch } from '../xapi/launch.js';
import { XapiSession } from '../xapi/session.js';
import { courseCompleted, courseInitialized, courseResult, courseTerminated, type StatementScope } from '../xapi/statements.js';
import type { KeyValueStorage } from '../xapi/storage.js';
import type {
  InteractionRecord,
  LaunchInfo,
  LmsAdapter,
  ObjectiveRecord,
  ProgressRecord,
  VideoEvent,
} from './lms-adapter.js';

export interface XapiAdapterOptions {
  course: RuntimeCourse;
  launch: TinCanLaunch;
  storage?: KeyValueStorage;
  fetch?: typeof fetch;
  /** Back-off base of the queue and state (tests shorten it). */
  baseDelayMs?: number;
}

export function createXapiAdapter(options: XapiAdapterOptions): LmsAdapter {
  return new XapiAdapter(options);
}

class XapiAdapter implements LmsAdapter {
  readonly name = 'xapi';
  readonly maxStateLength = STATE_DOCUMENT_MAX_LENGTH;
  readonly standalone = false;
  private readonly session: XapiSession;
  private readonly scope: StatementScope;
  private readonly reporter: CourseReporter;
  private readonly actor: Agent;
  private readonly launchLanguage: string | undefined;
  private startedAt = Date.now();
  private finished = false;

  constructor(options: XapiAdapterOptions) {
    const { course, launch } = options;
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
      root: courseIri(course),
      ...(launch.activityId && { course: launch.activityId }),
      courseName: course.title,
      language: course.language,
      ...(launch.platform && { platform: launch.platform }),
      ...(launch.grouping && { grouping: [{ objectType: 'Activity', id: launch.grouping }] }),
    };
    this.reporter = new CourseReporter({ course, scope: this.scope, session: this.session });
  }

  async start(): Promise<LaunchInfo> {
    this.startedAt = Date.now();
    const doc = await this.reporter.resume('LRS');
    this.session.send(courseInitialized(this.scope));
    if (typeof addEventListener === 'function') addEventListener('online', () => void this.session.flush());
    const info: LaunchInfo = { savedState: this.reporter.savedState, mode: 'normal' };
    if (this.actor.name) info.learnerName = this.actor.name;
    if (doc.location) info.location = doc.location;
    if (this.launchLanguage) info.language = this.launchLanguage;
    return info;
  }

  saveState(state: string): void {
    this.reporter.saveState(state);
  }

  setLocation(location: string): void {
    this.reporter.setLocation(location);
  }

  recordInteraction(record: InteractionRecord): void {
    this.reporter.recordInteraction(record);
  }

  recordObjective(objective: ObjectiveRecord): void {
    this.reporter.recordObjective(objective);
  }

  setProgress(progress: ProgressRecord): void {
    const reported = this.reporter.doc.reported;
    const duration = Date.now() - this.startedAt;
    let changed = false;
    if (progress.completion === 'completed' && !reported.completed) {
      this.session.send(courseCompleted(this.scope, duration));
      reported.completed = true;
      changed = true;
    }
    const decided = decidedOutcome(progress);
    const outcome = decided && `${decided.success}:${decided.scorePercent}`;
    if (decided && reported.outcome !== outcome) {
      this.session.send(courseResult(this.scope, decided.success, decided.scorePercent, duration));
      reported.outcome = outcome;
      changed = true;
    }
    if (changed) this.reporter.persist();
  }

  recordVideoEvent(event: VideoEvent): void {
    this.reporter.recordVideoEvent(event);
  }

  commit(): void {
    this.reporter.commit();
  }

  finish(_reason: 'leave' | 'pagehide'): void {
    if (this.finished) return;
    this.finished = true;
    // At once either way (an LRS has no sessions to keep in order): after "leave" the LMS often
    // closes the window at once.
    void this.reporter.end(() => this.session.send(courseTerminated(this.scope, Date.now() - this.startedAt)), true);
  }
}
