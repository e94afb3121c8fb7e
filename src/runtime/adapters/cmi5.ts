/**
 * cmi5 adapter: the LmsAdapter the `cmi5` target bundles. Follows the cmi5 launch sequence
 * (quartz spec §8–§11) on the shared xAPI layer (src/runtime/xapi) and the rules engine
 * (src/runtime/cmi5/rules.ts).
 *
 *   const adapter = createCmi5Adapter({ course, launch, onLaunchError })  // launch = readCmi5Launch(location.search)
 *
 * start: token (POST the fetch URL once; a reload reuses the token kept in sessionStorage),
 *        LMS.LaunchData (context template, launch mode, mastery score, return URL) and the
 *        learner preferences, the resume document, then `initialized` (once per session).
 * then:  `completed`, `passed`/`failed` as the course (or, with one AU per step, the AU's step)
 *        reaches them, within the rules; answers, step results and video statements as
 *        "cmi5 allowed" statements; resume through the State API (`parcours-state`). Answers,
 *        step outcomes, videos and the resume document go through CourseReporter, as in the
 *        TinCan adapter; this adapter decides what the cmi5 rules allow.
 * leave: open videos `terminated`, the resume state, the AU `terminated` once all of it is
 *        stored, then the learner goes to returnURL (if it is a web address: see launch-data.ts).
 *
 * A page that goes away (closed window, reload, navigation) ends the session too: at `pagehide`
 * the page cannot tell a reload from a close, and a session left open forever is worse (the LMS
 * records it abandoned at the next launch, §9.3.6). `terminated` leaves at once (keepalive) with
 * whatever is queued; the resume state is not PUT beside it (the LMS refuses any request after
 * `terminated`, and two requests sent together cannot be kept in order): it stays mirrored in
 * this browser and goes at the next launch. A reload then finds the session ended and says so
 * ('session-ended'): the learner relaunches from the LMS, which resumes where they were. See
 * docs/xapi-cmi5.md.
 *
 * A launch that cannot be tracked (bad parameters, fetch refused, no launch data, a session
 * already terminated) calls `onLaunchError` and the course runs untracked.
 */
import type { Statement } from '@xapi/xapi';
import type { RuntimeCourse, RuntimeStep } from '../../shared/course-data.js';
import { courseIri } from '../../shared/iri.js';
import { STATE_DOCUMENT_MAX_LENGTH } from '../../shared/learner-state.js';
import { fetchAuthToken } from '../cmi5/auth-token.js';
import type { Cmi5Launch } from '../cmi5/launch.js';
import { readLanguagePreference, readLaunchData, type LaunchData } from '../cmi5/launch-data.js';
import { Cmi5LaunchError } from '../cmi5/launch-error.js';
import { Cmi5Rules, type Cmi5Verb } from '../cmi5/rules.js';
import { SessionRecords, tabStorage, type Cmi5SessionRecord } from '../cmi5/session-record.js';
import { applyContextTemplate, auCompleted, auInitialized, auJudged, auTerminated, cmi5Score, type AuScope } from '../cmi5/statements.js';
import { CourseReporter, decidedOutcome } from '../xapi/course-reporter.js';
import { webUrl } from '../xapi/launch.js';
import { statementExists, type LrsConnection } from '../xapi/lrs-client.js';
import type { ReportedOutcomes } from '../xapi/resume-document.js';
import { XapiSession } from '../xapi/session.js';
import type { StatementDraft } from '../xapi/statements.js';
import type { KeyValueStorage } from '../xapi/storage.js';
import { ACTIVITY_TYPES, VERBS } from '../xapi/vocabulary.js';
import type { InteractionRecord, LaunchInfo, LaunchMode, LmsAdapter, ObjectiveRecord, ProgressRecord, VideoEvent } from './lms-adapter.js';

/** How long leaving waits for the LMS to acknowledge `terminated` before going to returnURL. */
const RETURN_WAIT_MS = 5_000;

export interface Cmi5AdapterOptions {
  course: RuntimeCourse;
  launch: Cmi5Launch;
  /** Resume-state mirror (default localStorage). */
  storage?: KeyValueStorage;
  /** Session record and statement queue (default sessionStorage: one tab, one session). */
  tabStorage?: KeyValueStorage;
  fetch?: typeof fetch;
  baseDelayMs?: number;
  /** The launch cannot be tracked: show the learner why (the entry puts it on the page). */
  onLaunchError?(error: Cmi5LaunchError): void;
  /** Goes to returnURL (tests replace it). */
  navigate?(url: string): void;
  /** The page's address, against which a relative returnURL resolves (default: location.href). */
  pageUrl?: string;
}

export function createCmi5Adapter(options: Cmi5AdapterOptions): LmsAdapter {
  return new Cmi5Adapter(options);
}

class Cmi5Adapter implements LmsAdapter {
  readonly name = 'cmi5';
  readonly maxStateLength = STATE_DOCUMENT_MAX_LENGTH;
  readonly standalone = false;
  private readonly options: Cmi5AdapterOptions;
  private readonly course: RuntimeCourse;
  private readonly launch: Cmi5Launch;
  private readonly records: SessionRecords;
  private readonly tab: KeyValueStorage;
  /** The step this AU covers when the package has one AU per step. */
  private readonly auStep: RuntimeStep | undefined;
  private readonly au: AuScope;
  /** Holds the session; set once the token and launch data are read, null if the launch failed. */
  private reporter: CourseReporter | null = null;
  private record: Cmi5SessionRecord | null = null;
  private rules: Cmi5Rules | null = null;
  private launchData: LaunchData | null = null;
  private progress: number | undefined;
  private finished = false;

  constructor(options: Cmi5AdapterOptions) {
    this.options = options;
    this.course = options.course;
    this.launch = options.launch;
    this.tab = options.tabStorage ?? tabStorage();
    this.records = new SessionRecords(this.tab, this.launch);
    this.auStep = this.course.steps.find((s) => s.id === this.launch.step);
    // Named under the course's own IRI; the LMS's AU id only as the object of the cmi5 defined
    // statements (§9.4): it changes with every import of the package.
    this.au = {
      root: courseIri(this.course),
      courseName: this.course.title,
      language: this.course.language,
      au: {
        id: this.launch.activityId,
        name: this.auStep?.title ?? this.course.title,
        type: this.auStep ? ACTIVITY_TYPES.module : ACTIVITY_TYPES.course,
      },
    };
  }

  private get credit(): boolean {
    return this.rules?.mode === 'Normal';
  }

  async start(): Promise<LaunchInfo> {
    try {
      return await this.open();
    } catch (error) {
      const launchError = error instanceof Cmi5LaunchError ? error : new Cmi5LaunchError('fetch-failed', String(error));
      console.error(`[parcours] cmi5 launch: ${launchError.message}`);
      this.reporter?.session.stop();
      this.reporter = null;
      this.options.onLaunchError?.(launchError);
      return { savedState: null, mode: 'normal' };
    }
  }

  private async open(): Promise<LaunchInfo> {
    const { launch } = this;
    let record = this.records.read();
    if (record?.sent.includes('terminated')) throw new Cmi5LaunchError('session-ended', 'this launch was already terminated');
    if (!record) {
      const token = await fetchAuthToken(launch.fetchUrl, this.options.fetch);
      record = { fetchUrl: launch.fetchUrl, token, startedAt: Date.now(), sent: [], lastTimestamp: 0 };
      // Stored before anything else: a reload from here on must not POST the fetch URL again.
      this.records.write(record);
    }
    this.record = record;
    const lrs = { endpoint: launch.endpoint, auth: 'Basic ' + record.token, ...(this.options.fetch && { fetch: this.options.fetch }) };
    const [launchData, language] = await Promise.all([readLaunchData(lrs, launch), readLanguagePreference(lrs, launch.actor)]);
    this.launchData = launchData;
    const session = new XapiSession({
      lrs,
      actor: launch.actor,
      activityId: launch.activityId,
      registration: launch.registration,
      ...(this.options.storage && { storage: this.options.storage }),
      queueStorage: this.tab,
      endsWithLastStatement: true,
      decorate: (statement) => this.decorate(statement),
      ...(this.options.baseDelayMs !== undefined && { baseDelayMs: this.options.baseDelayMs }),
      onRejected: (statement, status) => console.warn(`[parcours] the LMS refused statement ${statement.id} (${status})`),
    });
    // Browse and Review leave no trace: the next credit session must not inherit their answers.
    const reporter = new CourseReporter({ course: this.course, scope: this.au, session, send: (draft) => this.sendOther(draft), canSave: () => this.credit });
    this.reporter = reporter;
    const doc = await reporter.resume('LMS');
    // Without the resume document, the LRS says what earlier sessions reported: the LMS refuses
    // a second completed or passed in the registration (§9.3), with every statement sent beside it.
    if (reporter.lost) await this.recallReported(lrs, doc.reported);
    // The page went away while the launch was read (a reload's new page may already go on with
    // this session): this one sends nothing, not even initialized.
    if (this.finished) throw new Cmi5LaunchError('session-ended', 'the page went away during the launch');
    const mastery = launchData.masteryScore ?? this.course.passingScore / 100;
    this.rules = new Cmi5Rules({
      mode: launchData.launchMode,
      masteryScore: mastery,
      session: record.sent,
      registration: { completed: !!doc.reported.completed, passed: !!doc.reported.passed, failed: !!doc.reported.failed },
    });
    // A reload continues the session: initialized was sent by the first page.
    this.sendDefined('initialized', auInitialized(this.au));
    if (typeof addEventListener === 'function') addEventListener('online', () => void this.reporter?.session.flush());

    const info: LaunchInfo = { savedState: reporter.savedState, mode: launchData.launchMode.toLowerCase() as LaunchMode };
    if (launch.actor.name) info.learnerName = launch.actor.name;
    const location = doc.location || this.auStep?.id;
    if (location) info.location = location;
    if (language) info.language = language;
    // The core judges the course; with one AU per step the AU judges its step itself.
    if (!this.auStep && launchData.masteryScore !== undefined) info.masteryScore = Math.round(launchData.masteryScore * 10_000) / 100;
    return info;
  }

  private async recallReported(lrs: LrsConnection, reported: ReportedOutcomes): Promise<void> {
    const { launch } = this;
    const verbs = ['completed', 'passed', 'failed'] as const;
    const held = await Promise.all(
      verbs.map((verb) =>
        statementExists(lrs, { agent: JSON.stringify(launch.actor), verb: VERBS[verb].id, activity: launch.activityId, registration: launch.registration }),
      ),
    );
    verbs.forEach((verb, i) => held[i] && (reported[verb] = true));
  }

  /** The reporter while the session runs: null before the launch succeeded and once leaving began. */
  private get live(): CourseReporter | null {
    return this.finished ? null : this.reporter;
  }

  saveState(state: string): void {
    this.live?.saveState(state);
  }

  setLocation(location: string): void {
    this.live?.setLocation(location);
  }

  recordInteraction(record: InteractionRecord): void {
    const reporter = this.live;
    if (!reporter) return;
    // A new answer (to this AU's step, when the AU is one) is a new attempt: failed may be judged anew.
    if (this.credit && (!this.auStep || record.objectiveId === this.auStep.id)) this.rules?.recordAttempt();
    reporter.recordInteraction(record);
  }

  recordObjective(objective: ObjectiveRecord): void {
    const reporter = this.live;
    if (!reporter) return;
    if (objective.id === this.auStep?.id) {
      this.judgeStep(objective);
      return;
    }
    // Step outcomes inside the course AU: "cmi5 allowed" statements, each sent once.
    if (this.credit) reporter.recordObjective(objective);
  }

  setProgress(progress: ProgressRecord): void {
    if (!this.live || this.auStep) return;
    this.progress = progress.progress;
    if (progress.completion === 'completed') this.judge('completed');
    // The core already applied LMS.LaunchData's masteryScore.
    const decided = decidedOutcome(progress);
    if (decided) this.judge(decided.success, decided.scorePercent);
  }

  recordVideoEvent(event: VideoEvent): void {
    this.live?.recordVideoEvent(event);
  }

  commit(): void {
    this.live?.commit();
  }

  finish(reason: 'leave' | 'pagehide'): void {
    const reporter = this.reporter;
    if (!reporter || !this.rules) {
      // Still launching: nothing was sent, nothing will be (open() checks).
      this.finished = true;
      return;
    }
    const hurry = reason === 'pagehide';
    if (this.finished && !hurry) return;
    const first = !this.finished;
    this.finished = true;
    const ending = reporter.end(() => {
      const progress = this.auStep || this.rules?.registration.completed ? undefined : this.progress;
      this.sendDefined('terminated', auTerminated(this.au, this.elapsed(), progress));
    }, hurry);
    if (!first || hurry) return;
    // Leaving in good order; should the page go before it is over (the window closed, the
    // returnURL opened), what is left leaves at once.
    if (typeof addEventListener === 'function') addEventListener('pagehide', () => this.finish('pagehide'));
    // Followed only to a web page: a `javascript:` returnURL would run on the package's origin.
    const given = this.launchData?.returnURL;
    const returnURL = webUrl(given, this.options.pageUrl);
    if (given && !returnURL) console.warn(`[parcours] cmi5: returnURL ${JSON.stringify(given)} is not an http(s) URL; not followed`);
    if (returnURL) void this.goWhenDelivered(ending, reporter.session, returnURL);
  }

  /** Passed/failed/completed of the AU when it is one step: the step judged like the course. */
  private judgeStep(objective: ObjectiveRecord): void {
    const done = objective.status !== 'incomplete';
    if (done) this.judge('completed');
    const score = objective.scorePercent;
    if (score === undefined) return;
    const mastery = this.rules?.masteryScore ?? this.course.passingScore / 100;
    // A finished step has every quiz settled (passed or out of attempts): a failure is final.
    if (cmi5Score(score).scaled >= mastery) this.judge('passed', score);
    else if (done) this.judge('failed', score);
  }

  private judge(verb: 'completed' | 'passed' | 'failed', scorePercent?: number): void {
    let draft: StatementDraft;
    if (verb === 'completed') draft = auCompleted(this.au, this.elapsed());
    else {
      const progress = this.auStep || this.rules?.registration.completed ? undefined : this.progress;
      const masteryScore = this.launchData?.masteryScore;
      draft = auJudged(this.au, verb, scorePercent ?? 0, this.elapsed(), {
        ...(masteryScore !== undefined && { masteryScore }),
        ...(progress !== undefined && { progress }),
      });
    }
    const scaled = scorePercent === undefined ? undefined : cmi5Score(scorePercent).scaled;
    const reporter = this.reporter;
    if (reporter && this.sendDefined(verb, draft, scaled)) {
      reporter.doc.reported[verb] = true;
      reporter.persist();
    }
  }

  /** Sends a cmi5 defined statement if the rules allow it now; true when queued. */
  private sendDefined(verb: Cmi5Verb, draft: StatementDraft, scaled?: number): boolean {
    const { rules, record } = this;
    const session = this.reporter?.session;
    if (!rules || !session || !record) return false;
    const refusal = rules.refusal(verb, scaled);
    if (refusal) {
      if (refusal === 'below-mastery' || refusal === 'not-below-mastery') {
        console.warn(`[parcours] cmi5: ${verb} not sent (${refusal}, masteryScore ${rules.masteryScore})`);
      }
      return false;
    }
    rules.record(verb);
    record.sent = [...rules.session];
    this.records.write(record);
    session.send(draft);
    return true;
  }

  /** "cmi5 allowed" statements: between initialized and terminated, never in Browse/Review. */
  private sendOther(draft: StatementDraft): void {
    const session = this.reporter?.session;
    if (!session || this.rules?.refusalOfOther() !== null) return;
    session.send(draft);
  }

  /** Every statement: the LMS's context template merged in, and a timestamp after the last one. */
  private decorate(statement: Statement): Statement {
    const decorated = this.launchData ? applyContextTemplate(statement, this.launchData.contextTemplate) : statement;
    const record = this.record;
    if (!record) return decorated;
    const at = Math.max(Date.parse(decorated.timestamp ?? '') || Date.now(), record.lastTimestamp + 1);
    record.lastTimestamp = at;
    this.records.write(record);
    return { ...decorated, timestamp: new Date(at).toISOString() };
  }

  private elapsed(): number {
    return Math.max(0, Date.now() - (this.record?.startedAt ?? Date.now()));
  }

  /** To returnURL once `terminated` is delivered, or RETURN_WAIT_MS later at most. */
  private async goWhenDelivered(ending: Promise<void>, session: XapiSession, url: string): Promise<void> {
    const deadline = Date.now() + RETURN_WAIT_MS;
    let ended = false;
    void ending.then(() => (ended = true));
    while (Date.now() < deadline && (!ended || session.queue.pending().length > 0)) await new Promise((resolve) => setTimeout(resolve, 50));
    (this.options.navigate ?? ((target: string) => window.location.assign(target)))(url);
  }
}
