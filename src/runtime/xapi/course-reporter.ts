/**
 * What the TinCan and cmi5 adapters report the same way, on one XapiSession: answers, step
 * outcomes (each sent once per registration), Video Profile sessions, and the resume document
 * (src/runtime/xapi/resume-document.ts) kept through the State API. Each adapter keeps what its
 * standard decides: the launch, the course's own statements, and (cmi5) which statements its
 * rules allow now, given here as `send` and `canSave`.
 *
 *   const reporter = new CourseReporter({ course, scope, session, send, canSave })
 *   await reporter.resume('LRS')       the resume document, read with retries
 *   reporter.savedState                 LaunchInfo.savedState: the saved state, or the LMS's
 *                                      document as it is when it is none (written over only
 *                                      once the core writes: the learner acted)
 *   reporter.saveState(s) / setLocation(l) / recordInteraction(r) / recordObjective(o) / recordVideoEvent(e)
 *   reporter.doc.reported              what was sent (the adapter adds its course outcomes, then persist())
 *   reporter.commit()                  resume document saved, pending statements sent
 *   reporter.end(sendTerminated, hurry) open videos terminated, the resume document, then the
 *                                      adapter's `terminated`, last (XapiSession.end)
 */
import type { RuntimeCourse, RuntimeStep } from '../../shared/course-data.js';
import type { InteractionRecord, ObjectiveRecord, ProgressRecord, VideoEvent } from '../adapters/lms-adapter.js';
import { emptyResumeDocument, loadResumeDocument, stepOutcomes, type ResumeDocument } from './resume-document.js';
import type { XapiSession } from './session.js';
import { questionAnswered, stepCompleted, stepResult, type NamedRef, type StatementDraft, type StatementScope } from './statements.js';
import { VideoSessions } from './video-sessions.js';

export interface CourseReporterOptions {
  course: RuntimeCourse;
  scope: StatementScope;
  session: XapiSession;
  /** How answers, step outcomes and video statements go out (default: session.send). */
  send?(draft: StatementDraft): void;
  /** False while the resume document must not be written (cmi5 Browse and Review). */
  canSave?(): boolean;
}

export class CourseReporter {
  readonly session: XapiSession;
  doc: ResumeDocument = emptyResumeDocument();
  private readonly course: RuntimeCourse;
  private readonly scope: StatementScope;
  private readonly send: (draft: StatementDraft) => void;
  private readonly canSave: () => boolean;
  /** Video Profile sessions (initialized first, paused before terminated...). */
  private readonly videos: VideoSessions;
  private ending = false;
  /** The LMS's document when it is no resume document: nothing is written over it meanwhile. */
  private unreadable: string | null = null;
  /** The resume document could not be read or used: what earlier sessions reported is unknown. */
  lost = false;

  constructor(options: CourseReporterOptions) {
    const { session } = options;
    this.session = session;
    this.course = options.course;
    this.scope = options.scope;
    this.send = options.send ?? ((draft) => void session.send(draft));
    this.canSave = options.canSave ?? (() => true);
    this.videos = new VideoSessions(this.scope, (id) => this.findActivity(id), this.send);
  }

  async resume(peer: 'LRS' | 'LMS'): Promise<ResumeDocument> {
    const loaded = await loadResumeDocument(this.session.state, peer);
    this.doc = loaded.doc;
    this.unreadable = loaded.unreadable;
    this.lost = !!loaded.lost;
    return this.doc;
  }

  get savedState(): string | null {
    return this.unreadable ?? this.doc.state;
  }

  // The core writes state and location only once the learner acted (it holds them while
  // the saved state is unreadable): from then on the document is ours to write.
  saveState(state: string): void {
    this.unreadable = null;
    this.doc.state = state;
  }

  setLocation(location: string): void {
    this.unreadable = null;
    this.doc.location = location;
  }

  recordInteraction(record: InteractionRecord): void {
    const found = this.findActivity(record.quizId);
    const quiz = found?.activity ?? { id: record.quizId, title: record.quizId };
    this.send(questionAnswered(this.scope, record, quiz, found?.step, record.description || record.questionId));
  }

  /** A step's outcome: `completed` once, then `passed`/`failed` whenever the outcome changes. */
  recordObjective(objective: ObjectiveRecord): void {
    if (objective.status === 'incomplete') return;
    const step = this.findStep(objective.id);
    if (!step) return;
    const steps = (this.doc.reported.steps ??= stepOutcomes());
    const sent = steps[step.id];
    const outcome = objective.status === 'completed' ? 'completed' : `${objective.status}:${objective.scorePercent ?? ''}`;
    if (sent === outcome) return;
    if (sent === undefined) this.send(stepCompleted(this.scope, step));
    if (objective.status === 'passed' || objective.status === 'failed') {
      this.send(stepResult(this.scope, step, objective.status, objective.scorePercent));
    }
    steps[step.id] = outcome;
    this.persist();
  }

  recordVideoEvent(event: VideoEvent): void {
    this.videos.record(event);
  }

  /** The resume document to the State API (mirrored locally first, PUT soon). */
  persist(): void {
    if (this.unreadable === null && this.canSave()) this.session.state.set(JSON.stringify(this.doc));
  }

  commit(): void {
    this.persist();
    void this.session.flush();
  }

  /**
   * Leaving: open videos `terminated`, the resume document saved, then the adapter's own
   * `terminated` (queued by `sendTerminated`), the session's last statement. `hurry`: the page is
   * going away now (see XapiSession.end); may follow an end in good order still under way.
   */
  end(sendTerminated: () => void, hurry: boolean): Promise<void> {
    if (!this.ending) {
      this.ending = true;
      this.videos.terminateAll();
      this.persist();
    }
    return this.session.end(sendTerminated, hurry);
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

/**
 * The course outcome to report now, if any: passed as soon as it is reached (best scores never
 * go down), failed only once the course is finished, so a half-taken course reports neither.
 */
export function decidedOutcome(progress: ProgressRecord): { success: 'passed' | 'failed'; scorePercent: number } | undefined {
  const { success, scorePercent } = progress;
  if (scorePercent === undefined) return undefined;
  if (success === 'passed' || (success === 'failed' && progress.completion === 'completed')) return { success, scorePercent };
  return undefined;
}
