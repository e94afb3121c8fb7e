/**
 * The cmi5 statement rules an AU must keep (§9.3 verb ordering, §10 launchMode, §9.3.4–9.3.5
 * masteryScore), as a pure decision: may this statement be sent now? The adapter asks before
 * every statement and records what it sent; nothing here does I/O.
 *
 *   const rules = new Cmi5Rules({ mode, masteryScore, session, registration })
 *   rules.refusal('passed', 0.85) → null (send it, then rules.record('passed')) or why not
 *   rules.refusalOfOther()        → may a "cmi5 allowed" statement (answers, video) go now?
 *   rules.recordAttempt()         the learner answered in this session (failed may be judged anew)
 *
 * Within a session: initialized first, terminated last, no verb twice, at most one of
 * passed/failed. Within a registration (facts the AU remembers in its State document): one
 * completed, one passed, no failed after passed, and failed again only in a session where the
 * learner answered again (cmi5 allows a failed per session; without new answers it would only
 * repeat the verdict at every relaunch of a finished course). Browse and Review: initialized and
 * terminated only. passed needs scaled ≥ masteryScore, failed scaled < masteryScore.
 */

export type Cmi5Verb = 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated';
export type Cmi5LaunchMode = 'Normal' | 'Browse' | 'Review';

/** What earlier sessions of this registration already reported (kept in the State document). */
export interface RegistrationFacts {
  completed: boolean;
  passed: boolean;
  /** failed was reported (absent in documents written before Parcours remembered it). */
  failed?: boolean;
}

export interface Cmi5RulesInput {
  mode: Cmi5LaunchMode;
  /** 0–1: LMS.LaunchData's masteryScore, else the course's own passing score. */
  masteryScore?: number;
  /** Verbs of the cmi5 defined statements already sent in this session (survives a reload). */
  session: readonly Cmi5Verb[];
  registration: RegistrationFacts;
}

export type Cmi5Refusal =
  | 'not-initialized'
  | 'terminated'
  | 'repeated'
  | 'judged-this-session'
  | 'completed-in-registration'
  | 'passed-in-registration'
  | 'failed-without-new-attempt'
  | 'no-credit-mode'
  | 'below-mastery'
  | 'not-below-mastery';

export class Cmi5Rules {
  readonly mode: Cmi5LaunchMode;
  readonly masteryScore: number | undefined;
  private readonly sent: Cmi5Verb[];
  private readonly facts: RegistrationFacts;
  private attempted = false;

  constructor(input: Cmi5RulesInput) {
    this.mode = input.mode;
    this.masteryScore = input.masteryScore;
    this.sent = [...input.session];
    this.facts = { ...input.registration };
  }

  /** Verbs sent in this session, in order. */
  get session(): readonly Cmi5Verb[] {
    return this.sent;
  }

  get registration(): Readonly<RegistrationFacts> {
    return this.facts;
  }

  /** Why `verb` may not be sent now, or null. `scaled` is the score a passed/failed would carry. */
  refusal(verb: Cmi5Verb, scaled?: number): Cmi5Refusal | null {
    if (this.sent.includes('terminated')) return 'terminated';
    if (verb === 'initialized') return this.sent.length > 0 ? 'repeated' : null;
    if (!this.sent.includes('initialized')) return 'not-initialized';
    if (verb === 'terminated') return null;
    if (this.mode !== 'Normal') return 'no-credit-mode';
    if (this.sent.includes(verb)) return 'repeated';
    if (verb === 'completed') return this.facts.completed ? 'completed-in-registration' : null;
    // passed or failed
    if (this.sent.includes('passed') || this.sent.includes('failed')) return 'judged-this-session';
    // One passed per registration, and a failed after a passed would contradict it.
    if (this.facts.passed) return 'passed-in-registration';
    if (verb === 'failed' && this.facts.failed && !this.attempted) return 'failed-without-new-attempt';
    if (scaled !== undefined && this.masteryScore !== undefined) {
      const reached = toTenThousandths(scaled) >= toTenThousandths(this.masteryScore);
      if (verb === 'passed' && !reached) return 'below-mastery';
      if (verb === 'failed' && reached) return 'not-below-mastery';
    }
    return null;
  }

  /**
   * Why a "cmi5 allowed" statement may not be sent now, or null. They belong between
   * initialized and terminated (§7.1.3); Parcours sends none in Browse or Review, where the
   * learner looks around without judgement (answers there are not results).
   */
  refusalOfOther(): Cmi5Refusal | null {
    if (this.sent.includes('terminated')) return 'terminated';
    if (!this.sent.includes('initialized')) return 'not-initialized';
    return this.mode === 'Normal' ? null : 'no-credit-mode';
  }

  /** Call once the statement is queued. */
  record(verb: Cmi5Verb): void {
    this.sent.push(verb);
    if (verb === 'completed') this.facts.completed = true;
    if (verb === 'passed') this.facts.passed = true;
    if (verb === 'failed') this.facts.failed = true;
  }

  recordAttempt(): void {
    this.attempted = true;
  }
}

/** masteryScore has at most 4 decimals (§10); comparing integers avoids 0.07 * 100 ≠ 7. */
function toTenThousandths(value: number): number {
  return Math.round(value * 10_000);
}
