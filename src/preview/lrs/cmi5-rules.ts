/**
 * What ADL's CATAPULT cmi5 player refuses from an AU, as a pure state machine: the preview's LMS
 * (`parcours preview --as cmi5`, preview-lrs.ts) and both test LMSs use it
 * (test/runtime/cmi5/fake-cmi5-lms.ts in-process, test/support/cmi5-launcher.ts in front of the
 * real LRS). CATAPULT answers each refusal with 403 and the requirement id of the cmi5 spec the
 * request breaks (STANDARDS.md §7), and its conformance suite marks the AU non-conformant for any
 * of them, so a test LMS that refuses the same things makes every such slip fail a test.
 *
 *   const session = newCmi5Session({ actor, registration, sessionId, auActivityId, launchMode, masteryScore })
 *   refuseRequest(session, { resource, method, agent, stateId })  → Cmi5Refusal | null (any request)
 *   const checked = checkStatements(session, registration, statements)
 *   'refusal' in checked ? 403 : forward, then on 2xx checked.accept()
 *
 * Rules (requirement ids as CATAPULT reports them):
 *   8.1.2.0-2   any request after the session's `terminated` was recorded ("Session terminated")
 *   8.1.3.0-3   an actor or `agent` parameter not exactly the launch's actor (deep equality of
 *               the JSON: a member added or dropped, even `"objectType":"Agent"`, is a mismatch)
 *   10.2.1.0-5  writing LMS.LaunchData
 *   11.0.0.0-3  statements before the learner preferences were read
 *   9.6.1.0-1   registration missing or not the launch's; 9.6.3.1-4 no session id
 *   9.3.0.0-4   anything before `initialized`; 9.3.0.0-5 anything after `terminated`
 *   9.3.0.0-2   a cmi5 defined verb twice in a session; 9.3.0.0-3 passed and failed in one session
 *   9.3.0.0-6/7 a second completed / passed in the registration; 9.3.0.0-8 failed after passed
 *   10.2.2.0-2/3 completed, passed or failed in Browse / Review
 *   9.3.4.0-2   passed below the mastery score; 9.3.5.0-2 failed at or above it
 * and one rule of Parcours's own (issue 9 item 4), stricter than CATAPULT:
 *   no-new-attempt  `failed` again for a registration already failed, in a session without a
 *               single answer (nothing was attempted again: the outcome cannot have changed)
 */
import { isDeepStrictEqual } from 'node:util';

const ADL = 'http://adlnet.gov/expapi/verbs/';
const CMI5 = 'https://w3id.org/xapi/cmi5/';
const CMI5_CATEGORY = CMI5 + 'context/categories/cmi5';
const SESSION_ID = CMI5 + 'context/extensions/sessionid';

export interface Cmi5Refusal {
  requirement: string;
  detail: string;
}

export interface Cmi5SessionRules {
  actor: unknown;
  registration: string;
  sessionId: string;
  /** The LMS-generated AU id: the object of every cmi5 defined statement. */
  auActivityId: string;
  launchMode: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
  preferencesRead: boolean;
  initialized: boolean;
  terminated: boolean;
  /** cmi5 defined verbs accepted in this session. */
  verbs: string[];
  /** `answered` statements accepted in this session. */
  answers: number;
}

/** What the registration (all its sessions) has recorded for this AU. */
export interface Cmi5RegistrationRules {
  completed: boolean;
  passed: boolean;
  failed: boolean;
}

export function newCmi5Session(launch: Pick<Cmi5SessionRules, 'actor' | 'registration' | 'sessionId' | 'auActivityId' | 'launchMode' | 'masteryScore'>): Cmi5SessionRules {
  return { ...launch, preferencesRead: false, initialized: false, terminated: false, verbs: [], answers: 0 };
}

export function newCmi5Registration(): Cmi5RegistrationRules {
  return { completed: false, passed: false, failed: false };
}

const refusal = (requirement: string, detail: string): Cmi5Refusal => ({ requirement, detail });

/** The answer body a refused request gets: the requirement id first, as CATAPULT words it. */
export function refusalText(r: Cmi5Refusal): string {
  return `${r.requirement} - ${r.detail}`;
}

/** Checks that apply to every request of the session, before its resource is looked at. */
export function refuseRequest(
  session: Cmi5SessionRules,
  request: { resource: string; method: string; agent?: string | null; stateId?: string | null },
): Cmi5Refusal | null {
  if (session.terminated) return refusal('8.1.2.0-2', 'Session terminated');
  if (request.resource === 'activities/state' || request.resource === 'agents/profile') {
    let agent: unknown;
    try {
      agent = JSON.parse(request.agent ?? '');
    } catch {
      return refusal('8.1.3.0-3', `agent parameter is not JSON: ${request.agent}`);
    }
    if (!isDeepStrictEqual(agent, session.actor)) return refusal('8.1.3.0-3', `agent ${request.agent} is not the launch actor ${JSON.stringify(session.actor)}`);
  }
  if (request.resource === 'activities/state' && request.stateId === 'LMS.LaunchData' && request.method !== 'GET') {
    return refusal('10.2.1.0-5', `${request.method} on LMS.LaunchData`);
  }
  return null;
}

/** The learner preferences were answered (200 or 404): statements may follow (11.0.0.0-3). */
export function preferencesRead(session: Cmi5SessionRules): void {
  session.preferencesRead = true;
}

interface StatementLike {
  id?: string;
  actor?: unknown;
  verb?: { id?: string };
  object?: { id?: string };
  result?: { score?: { scaled?: number } };
  context?: { registration?: string; extensions?: Record<string, unknown>; contextActivities?: { category?: { id?: string }[] } };
}

/**
 * Checks a statements request as CATAPULT does (the batch in order, each statement against the
 * session as it would be after the ones before it). Returns the first refusal, or `accept`,
 * to call once the LRS stored the batch (2xx).
 */
export function checkStatements(
  session: Cmi5SessionRules,
  registration: Cmi5RegistrationRules,
  statements: readonly unknown[],
): { refusal: Cmi5Refusal } | { accept(): void } {
  if (!session.preferencesRead) return { refusal: refusal('11.0.0.0-3', 'Learner Prefs not yet retrieved') };
  const s = { ...session, verbs: [...session.verbs] };
  const r = { ...registration };
  for (const st of statements as StatementLike[]) {
    const id = st.id ?? '(no id)';
    const verb = (st.verb?.id ?? '').replace(ADL, '');
    if (!isDeepStrictEqual(st.actor, session.actor)) {
      return { refusal: refusal('8.1.3.0-3', `actor ${JSON.stringify(st.actor)} is not the launch actor ${JSON.stringify(session.actor)} (${id})`) };
    }
    if (st.context?.registration !== session.registration) return { refusal: refusal('9.6.1.0-1', `registration missing or not the launch's (${id})`) };
    if (st.context?.extensions?.[SESSION_ID] !== session.sessionId) return { refusal: refusal('9.6.3.1-4', `no or another session id (${id})`) };
    if (!s.initialized && verb !== 'initialized') return { refusal: refusal('9.3.0.0-4', `"initialized" must be the first statement (${verb} ${id})`) };
    if (s.terminated) return { refusal: refusal('9.3.0.0-5', `"terminated" must be the last statement (${verb} ${id})`) };
    const defined = (st.context?.contextActivities?.category ?? []).some((c) => c.id === CMI5_CATEGORY);
    if (!defined) {
      if (verb === 'answered') s.answers += 1;
      continue;
    }
    if (st.object?.id !== session.auActivityId) return { refusal: refusal('8.1.5.0-6', `a cmi5 defined statement is about the AU launched (${id})`) };
    const judged = verb === 'completed' || verb === 'passed' || verb === 'failed';
    if (judged && s.launchMode !== 'Normal') return { refusal: refusal(s.launchMode === 'Browse' ? '10.2.2.0-2' : '10.2.2.0-3', `${verb} in ${s.launchMode} mode (${id})`) };
    if (s.verbs.includes(verb)) return { refusal: refusal('9.3.0.0-2', `${verb} twice in the session (${id})`) };
    const scaled = st.result?.score?.scaled;
    const mastery = s.masteryScore;
    switch (verb) {
      case 'initialized':
      case 'terminated':
        break;
      case 'completed':
        if (r.completed) return { refusal: refusal('9.3.0.0-6', `completed again in the registration (${id})`) };
        r.completed = true;
        break;
      case 'passed':
        if (s.verbs.includes('failed')) return { refusal: refusal('9.3.0.0-3', `passed after failed in the session (${id})`) };
        if (r.passed) return { refusal: refusal('9.3.0.0-7', `passed again in the registration (${id})`) };
        if (mastery !== undefined && scaled !== undefined && scaled < mastery) return { refusal: refusal('9.3.4.0-2', `score ${scaled} below mastery ${mastery} (${id})`) };
        r.passed = true;
        break;
      case 'failed':
        if (s.verbs.includes('passed')) return { refusal: refusal('9.3.0.0-3', `failed after passed in the session (${id})`) };
        if (r.passed) return { refusal: refusal('9.3.0.0-8', `failed after passed in the registration (${id})`) };
        if (mastery !== undefined && scaled !== undefined && scaled >= mastery) return { refusal: refusal('9.3.5.0-2', `score ${scaled} not below mastery ${mastery} (${id})`) };
        if (r.failed && s.answers === 0) return { refusal: refusal('no-new-attempt', `failed again without a new answer in this session (${id})`) };
        r.failed = true;
        break;
      default:
        return { refusal: refusal('9.3.0.0-1', `unknown cmi5 defined verb ${verb} (${id})`) };
    }
    s.verbs.push(verb);
    if (verb === 'initialized') s.initialized = true;
    if (verb === 'terminated') s.terminated = true;
  }
  return {
    accept() {
      Object.assign(session, s);
      Object.assign(registration, r);
    },
  };
}
