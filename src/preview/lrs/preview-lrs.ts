/**
 * The LRS (and, for cmi5, the LMS) inside `parcours preview --as xapi|cmi5`, in memory, over
 * node:http, under `/__parcours/lrs/`:
 *   POST launch          the panel asks for a launch (same or new registration, launch mode,
 *                        mastery score and moveOn); answers the course's launch URL
 *   POST fetch/<id>      cmi5's one-time fetch URL: the session's token, then error 1
 *   xAPI/statements      POST/PUT/GET (xAPI 1.0.3: version header, the launch's Basic credentials)
 *   xAPI/activities/state  GET/PUT/POST/DELETE with ETag, 204, 404, 412
 *   xAPI/agents/profile  GET: 404 (the preview's learner has no preferences)
 *   feed                 Server-Sent Events: every statement, refusal, State write and session
 *   data                 the learner's data (statements and State documents) as JSON
 *   return               the cmi5 returnURL: the course's frame lands back in the LMS
 * What an LRS or a cmi5 LMS refuses (statement-checks.ts, cmi5-rules.ts) is refused here too
 * (400, 403) and shown in the panel in the author's words. The course is untrusted: bodies are
 * bounded, plain objects are never indexed with its values, and the store keeps a bounded number
 * of statements and feed entries.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type http from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import { COURSE_PREFIX } from '../lms/lms-site.js';
import {
  checkStatements,
  newCmi5Registration,
  newCmi5Session,
  preferencesRead,
  refuseRequest,
  type Cmi5Refusal,
  type Cmi5RegistrationRules,
  type Cmi5SessionRules,
} from './cmi5-rules.js';
import { statementProblems } from './statement-checks.js';

export const LRS_PREFIX = '/__parcours/lrs/';
const XAPI_VERSION = '1.0.3';
const CMI5 = 'https://w3id.org/xapi/cmi5/';
const CMI5_CATEGORY = CMI5 + 'context/categories/cmi5';
const MOVEON_CATEGORY = CMI5 + 'context/categories/moveon';
const SESSION_ID = CMI5 + 'context/extensions/sessionid';
/** Large enough for a State document (64,000 characters) in any encoding; the course cannot exhaust memory. */
const MAX_BODY_BYTES = 1 << 20;
/** What the store keeps, at most: the oldest statements go first; a State write past the limit gets 507. */
const MAX_STATEMENTS = 10_000;
const MAX_STATEMENT_BYTES = 64 << 20;
const MAX_DOCUMENTS = 500;
const MAX_DOCUMENT_BYTES = 32 << 20;
/** Feed entries kept for a page that opens later, and the size of a statement shown as sent. */
const MAX_FEED = 2_000;
const MAX_SHOWN_STATEMENT = 16_384;

/** The learner every launch names: an account, as cmi5 requires (§9.2). */
export const PREVIEW_ACTOR = Object.freeze({ objectType: 'Agent', name: 'Preview Learner', account: { homePage: 'https://parcours.invalid/preview', name: 'preview-learner' } });

export type LaunchMode = 'Normal' | 'Browse' | 'Review';
export const MOVE_ON = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'] as const;

/** What the LMS imported from the package (tincan.xml or cmi5.xml). */
export interface LrsPackage {
  standard: 'xapi' | 'cmi5';
  courseId: string;
  title: string;
  /** xapi: the activity of tincan.xml; cmi5: the course's id. */
  activityId: string;
  /** xapi: the launch file, under COURSE_PREFIX. */
  launch: string;
  /** cmi5: the AUs, in cmi5.xml's order; the panel launches one (the first by default). */
  aus: { id: string; url: string; title: string; moveOn: string; masteryScore?: number }[];
}

/** What the panel asks for. `masteryScore`: undefined keeps the package's, null leaves it out. */
export interface LaunchRequest {
  attempt: 'same' | 'new';
  launchMode: LaunchMode;
  masteryScore?: number | null;
  moveOn?: string;
  /** cmi5: which AU (its place in cmi5.xml); the first when left out. */
  au?: number;
}

interface Launch {
  number: number;
  registration: string;
  sessionId: string;
  launchMode: LaunchMode;
  masteryScore?: number;
  moveOn?: string;
  /** cmi5 only: the AU launched (its place in cmi5.xml), and its session's rules. */
  au?: number;
  rules?: Cmi5SessionRules;
  fetchId?: string;
  fetched?: boolean;
}

interface Stored {
  contentType: string;
  body: Buffer;
  etag: string;
  updated: string;
  stateId: string;
  registration: string | null;
}

/** What the panel is told, in order (`n`). */
export type FeedEvent =
  | { kind: 'session'; text: string; launch: Record<string, unknown> }
  | { kind: 'statement'; by: 'course' | 'lms'; status: number; statement: unknown; problems: string[] }
  | { kind: 'state'; method: string; stateId: string; status: number; size: number }
  | { kind: 'request'; method: string; path: string; status: number; problems: string[] };
export type FeedEntry = FeedEvent & { n: number; time: string };

export interface PreviewLrs {
  setPackage(pkg: LrsPackage | undefined): void;
  /** Answers a request under LRS_PREFIX; `origin` is the address the browser used. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL, origin: string): Promise<void>;
}

/** The cmi5 requirement each refusal breaks, as the author needs to read it. */
const CMI5_EXPLAINED = new Map([
  ['8.1.2.0-2', 'The course wrote after its “terminated”: a cmi5 LMS accepts nothing more from a session once it has ended.'],
  ['8.1.3.0-3', 'The actor is not exactly the learner the LMS launched the course with: a cmi5 LMS compares them field by field.'],
  ['10.2.1.0-5', 'The course tried to change LMS.LaunchData, which only the LMS writes.'],
  ['11.0.0.0-3', 'The course sent statements before reading the learner preferences (cmi5LearnerPreferences).'],
  ['9.6.1.0-1', 'The statement has no registration, or another one than the launch’s.'],
  ['9.6.3.1-4', 'The statement lacks the session id of LMS.LaunchData (context extension sessionid).'],
  ['9.3.0.0-4', 'The first statement of a session must be “initialized”: the LMS refuses anything before it.'],
  ['9.3.0.0-5', 'Nothing may follow “terminated” in a session.'],
  ['9.3.0.0-2', 'The same cmi5 verb twice in one session.'],
  ['9.3.0.0-3', '“passed” and “failed” in the same session.'],
  ['9.3.0.0-6', '“completed” twice for the same registration: the LMS records completion once per registration.'],
  ['9.3.0.0-7', '“passed” twice for the same registration.'],
  ['9.3.0.0-8', '“failed” after “passed” in the same registration.'],
  ['10.2.2.0-2', 'A result in Browse mode: the learner is browsing, the LMS records no “completed”, “passed” or “failed”.'],
  ['10.2.2.0-3', 'A result in Review mode: the learner is looking back, the LMS records no “completed”, “passed” or “failed”.'],
  ['9.3.4.0-2', '“passed” with a score below the mastery score the LMS gave.'],
  ['9.3.5.0-2', '“failed” with a score at or above the mastery score the LMS gave.'],
  ['no-new-attempt', '“failed” again in a session without a single answer: nothing was attempted again.'],
  ['8.1.5.0-6', 'A cmi5 defined statement must be about the AU the LMS launched (the activityId of the launch).'],
  ['9.3.0.0-1', 'A cmi5 statement with a verb cmi5 does not define.'],
]);

export function explainRefusal(refusal: Cmi5Refusal): string {
  return `${CMI5_EXPLAINED.get(refusal.requirement) ?? 'The cmi5 LMS refuses this.'} (cmi5 ${refusal.requirement}: ${refusal.detail})`;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createPreviewLrs(): PreviewLrs {
  let pkg: LrsPackage | undefined;
  const statements: Record<string, unknown>[] = [];
  const statementIds = new Map<string, Record<string, unknown>>();
  const documents = new Map<string, Stored>();
  const launchesByToken = new Map<string, Launch>();
  const launchesByFetch = new Map<string, { launch: Launch; token: string }>();
  /** What each AU of each registration has recorded (key: registrationKey). */
  const registrations = new Map<string, Cmi5RegistrationRules & { satisfied: boolean }>();
  /** Registrations whose course the LMS has recorded as satisfied (every AU satisfied). */
  const coursesSatisfied = new Set<string>();
  const registrationKey = (registration: string, au: number) => JSON.stringify([registration, au]);
  const feed: FeedEntry[] = [];
  const listeners = new Set<http.ServerResponse>();
  let registration: string | undefined;
  let statementBytes = 0;
  let launches = 0;
  let entries = 0;

  function publish(entry: FeedEvent): void {
    const shown = entry.kind === 'statement' ? { ...entry, statement: shownStatement(entry.statement) } : entry;
    const full: FeedEntry = { ...shown, n: ++entries, time: new Date().toISOString() };
    feed.push(full);
    if (feed.length > MAX_FEED) feed.shift();
    for (const res of listeners) res.write(`data: ${JSON.stringify(full)}\n\n`);
  }

  function store(statement: Record<string, unknown>, authority: object): void {
    const full: Record<string, unknown> = { ...statement, stored: new Date().toISOString(), authority, version: XAPI_VERSION };
    full['timestamp'] ??= full.stored;
    statements.push(full);
    statementIds.set(String(full['id']), full);
    const size = (s: Record<string, unknown>) => JSON.stringify(s).length;
    statementBytes += size(full);
    while (statements.length > 1 && (statements.length > MAX_STATEMENTS || statementBytes > MAX_STATEMENT_BYTES)) {
      const oldest = statements.shift()!;
      statementBytes -= size(oldest);
      statementIds.delete(String(oldest['id']));
    }
  }

  /** The cmi5 LMS's own statements (launched, satisfied), stored and shown as the LMS's. */
  function lmsStatement(launch: Launch, verb: string, objectId: string, extensions: Record<string, unknown> = {}): void {
    const statement = {
      id: randomUUID(),
      actor: PREVIEW_ACTOR,
      verb: { id: verb, display: { 'en-US': verb.slice(verb.lastIndexOf('/') + 1) } },
      object: { id: objectId, objectType: 'Activity' },
      context: {
        registration: launch.registration,
        contextActivities: { category: [{ id: CMI5_CATEGORY }, ...(verb.endsWith('satisfied') ? [{ id: MOVEON_CATEGORY }] : [])] },
        extensions: { [SESSION_ID]: launch.sessionId, ...extensions },
      },
      timestamp: new Date().toISOString(),
    };
    store(statement, LMS_AUTHORITY);
    publish({ kind: 'statement', by: 'lms', status: 200, statement, problems: [] });
  }

  /** The activity id the LMS gives the AU at `au` (cmi5 §8.1: the LMS's own, not the publisher's id of cmi5.xml). */
  function auActivityId(au: number): string {
    return `${pkg!.aus[au]!.id}/preview-lms`;
  }

  function launch(request: LaunchRequest, origin: string): Record<string, unknown> {
    if (!pkg) throw new HttpError(409, 'The course has not built yet.');
    if (request.attempt === 'new' || !registration) registration = randomUUID();
    if (request.au !== undefined && request.au >= pkg.aus.length) throw new HttpError(400, `au is the place of an AU in cmi5.xml, from 0 to ${pkg.aus.length - 1}`);
    const auIndex = request.au ?? 0;
    const au = pkg.aus[auIndex];
    const masteryScore = request.masteryScore === undefined ? au?.masteryScore : (request.masteryScore ?? undefined);
    const moveOn = pkg.standard === 'cmi5' ? (request.moveOn ?? au?.moveOn ?? 'Completed') : undefined;
    const current: Launch = {
      number: ++launches,
      registration,
      sessionId: randomUUID(),
      launchMode: pkg.standard === 'cmi5' ? request.launchMode : 'Normal',
      ...(masteryScore !== undefined && pkg.standard === 'cmi5' && { masteryScore }),
      ...(moveOn && { moveOn }),
      ...(pkg.standard === 'cmi5' && { au: auIndex }),
    };
    const summary = {
      number: current.number,
      registration,
      sessionId: current.sessionId,
      launchMode: current.launchMode,
      ...(current.masteryScore !== undefined && { masteryScore: current.masteryScore }),
      ...(moveOn && { moveOn }),
      ...(au && pkg.aus.length > 1 && { au: auIndex, auTitle: au.title }),
      attempt: request.attempt,
    };
    publish({ kind: 'session', text: `Session ${current.number}`, launch: summary });
    const token = randomBytes(18).toString('base64url');
    launchesByToken.set(token, current);
    const endpoint = `${origin}${LRS_PREFIX}xAPI/`;
    const actor = JSON.stringify(PREVIEW_ACTOR);
    let url: string;
    if (pkg.standard === 'xapi') {
      const query = new URLSearchParams({ endpoint, auth: `Basic ${token}`, actor, registration, activity_id: pkg.activityId });
      url = `/${pkg.launch}?${query}`;
    } else {
      const activityId = auActivityId(auIndex);
      current.rules = newCmi5Session({ actor: PREVIEW_ACTOR, registration, sessionId: current.sessionId, auActivityId: activityId, launchMode: current.launchMode, ...(masteryScore !== undefined && { masteryScore }) });
      const key = registrationKey(registration, auIndex);
      if (!registrations.has(key)) registrations.set(key, { ...newCmi5Registration(), satisfied: false });
      current.fetchId = randomBytes(12).toString('base64url');
      launchesByFetch.set(current.fetchId, { launch: current, token });
      const launchData = {
        contextTemplate: { contextActivities: { grouping: [{ id: au!.id }] }, extensions: { [SESSION_ID]: current.sessionId } },
        launchMode: current.launchMode,
        moveOn,
        ...(masteryScore !== undefined && { masteryScore }),
        returnURL: `${origin}${LRS_PREFIX}return`,
      };
      putDocument({ activityId, agent: PREVIEW_ACTOR, registration, stateId: 'LMS.LaunchData' }, 'application/json', Buffer.from(JSON.stringify(launchData)));
      const query = new URLSearchParams({ endpoint, fetch: `${origin}${LRS_PREFIX}fetch/${current.fetchId}`, actor, registration, activityId });
      url = `/${COURSE_PREFIX}${au!.url}${au!.url.includes('?') ? '&' : '?'}${query}`;
      lmsStatement(current, 'http://adlnet.gov/expapi/verbs/launched', activityId, {
        [CMI5 + 'context/extensions/launchmode']: current.launchMode,
        [CMI5 + 'context/extensions/launchurl']: `${origin}${url}`,
        [CMI5 + 'context/extensions/moveon']: moveOn,
        [CMI5 + 'context/extensions/launchparameters']: '',
      });
      if (moveOn === 'NotApplicable') satisfy(current);
    }
    return { url, ...summary };
  }

  /**
   * moveOn met for the AU in the registration: the LMS records `satisfied` (cmi5 §9.3.9) once for
   * the AU, and once for the course when every AU of the registration is satisfied.
   */
  function satisfy(launch: Launch): void {
    const r = registrations.get(registrationKey(launch.registration, launch.au ?? 0));
    if (!r || r.satisfied) return;
    const met = new Map([
      ['Passed', r.passed],
      ['Completed', r.completed],
      ['CompletedAndPassed', r.completed && r.passed],
      ['CompletedOrPassed', r.completed || r.passed],
      ['NotApplicable', true],
    ]);
    if (!met.get(launch.moveOn ?? '')) return;
    r.satisfied = true;
    lmsStatement(launch, 'https://w3id.org/xapi/adl/verbs/satisfied', pkg!.aus[launch.au ?? 0]!.id);
    const all = pkg!.aus.every((_, i) => registrations.get(registrationKey(launch.registration, i))?.satisfied);
    if (pkg!.aus.length > 1 && all && !coursesSatisfied.has(launch.registration)) {
      coursesSatisfied.add(launch.registration);
      lmsStatement(launch, 'https://w3id.org/xapi/adl/verbs/satisfied', pkg!.activityId);
    }
  }

  function documentKey(p: { activityId: string; agent: unknown; registration: string | null; stateId: string }): string {
    return JSON.stringify([p.activityId, agentIdentity(p.agent), p.registration, p.stateId]);
  }

  function putDocument(p: { activityId: string; agent: unknown; registration: string | null; stateId: string }, contentType: string, body: Buffer): void {
    const key = documentKey(p);
    const bytes = [...documents.values()].reduce((sum, d) => sum + d.body.length, 0) - (documents.get(key)?.body.length ?? 0) + body.length;
    if ((!documents.has(key) && documents.size >= MAX_DOCUMENTS) || bytes > MAX_DOCUMENT_BYTES) {
      throw new HttpError(507, `The preview keeps at most ${MAX_DOCUMENTS} State documents, ${MAX_DOCUMENT_BYTES >> 20} MB in all.`);
    }
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    documents.set(key, { contentType, body, etag, updated: new Date().toISOString(), stateId: p.stateId, registration: p.registration });
  }

  async function xapi(req: http.IncomingMessage, res: http.ServerResponse, url: URL, resource: string): Promise<void> {
    const method = req.method ?? 'GET';
    res.setHeader('X-Experience-API-Version', XAPI_VERSION);
    if (resource === 'about' && method === 'GET') return json(res, 200, { version: [XAPI_VERSION] });
    const version = req.headers['x-experience-api-version'];
    if (typeof version !== 'string' || !/^1\.0(\.\d+)?$/.test(version)) {
      return refuseRequest400(`The request has no X-Experience-API-Version header (1.0.3): an LRS refuses it.`);
    }
    const auth = req.headers.authorization ?? '';
    const launch = auth.startsWith('Basic ') ? launchesByToken.get(auth.slice(6)) : undefined;
    if (!launch) {
      publish({ kind: 'request', method, path: resource, status: 401, problems: ['The request does not carry the credentials of the launch (Authorization: Basic …): an LRS refuses it.'] });
      res.setHeader('WWW-Authenticate', 'Basic realm="Parcours preview LRS"');
      return text(res, 401, 'Missing or unknown credentials');
    }
    if (launch.rules) {
      const refused = refuseRequest(launch.rules, { resource, method, agent: url.searchParams.get('agent'), stateId: url.searchParams.get('stateId') });
      if (refused) return refuseCmi5(refused, resource);
    }
    const body = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : await readBody(req);
    if (resource === 'statements') return statementsResource(req, res, url, launch, body);
    if (resource === 'activities/state') return stateResource(req, res, url, body);
    if (resource === 'agents/profile' && method === 'GET') {
      if (launch.rules) preferencesRead(launch.rules);
      return text(res, 404, 'No learner preferences in the preview');
    }
    return text(res, 404, 'Not a resource of this LRS');

    function refuseRequest400(problem: string): void {
      publish({ kind: 'request', method, path: resource, status: 400, problems: [problem] });
      text(res, 400, problem);
    }
    function refuseCmi5(refusal: Cmi5Refusal, path: string, statement?: unknown): void {
      const problems = [explainRefusal(refusal)];
      if (statement !== undefined) publish({ kind: 'statement', by: 'course', status: 403, statement, problems });
      else publish({ kind: 'request', method, path, status: 403, problems });
      text(res, 403, `${refusal.requirement} - ${refusal.detail}`);
    }
  }

  function statementsResource(req: http.IncomingMessage, res: http.ServerResponse, url: URL, launch: Launch, body: Buffer): void {
    const method = req.method ?? 'GET';
    if (method === 'GET') {
      const id = url.searchParams.get('statementId') ?? url.searchParams.get('voidedStatementId');
      if (id !== null) {
        const found = statementIds.get(id);
        return found ? json(res, 200, found) : text(res, 404, 'No such statement');
      }
      const reg = url.searchParams.get('registration');
      const verb = url.searchParams.get('verb');
      const limit = Math.min(Number(url.searchParams.get('limit')) || 100, 500);
      const found = statements.filter((s) => (!reg || (s['context'] as { registration?: string })?.registration === reg) && (!verb || (s['verb'] as { id?: string })?.id === verb));
      return json(res, 200, { statements: found.slice(-limit).reverse(), more: '' });
    }
    if (method !== 'POST' && method !== 'PUT') return text(res, 405, 'Statements: POST, PUT or GET');
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      publish({ kind: 'request', method, path: 'statements', status: 400, problems: ['The body is not JSON.'] });
      return text(res, 400, 'The body is not JSON');
    }
    const batch: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
    if (method === 'PUT') {
      const id = url.searchParams.get('statementId');
      const only = batch[0] as Record<string, unknown> | undefined;
      if (!id || batch.length !== 1 || (only?.['id'] !== undefined && only['id'] !== id)) {
        publish({ kind: 'request', method, path: 'statements', status: 400, problems: ['PUT stores one statement whose id is the statementId parameter.'] });
        return text(res, 400, 'PUT needs statementId and one statement with that id');
      }
      batch[0] = { ...only, id };
    }
    // An LRS stores all of a batch or none: every statement is checked first.
    const problems = batch.map((s) => statementProblems(s));
    if (problems.some((p) => p.length > 0)) {
      batch.forEach((s, i) => publish({ kind: 'statement', by: 'course', status: 400, statement: s, problems: problems[i]!.length ? problems[i]! : ['Valid, but refused with the rest of its batch.'] }));
      return text(res, 400, problems.flat().join('\n'));
    }
    // A statement sent again (a retry after a lost answer) is already stored: not checked twice.
    const ids: string[] = [];
    const fresh: Record<string, unknown>[] = [];
    for (const s of batch as Record<string, unknown>[]) {
      const id = typeof s['id'] === 'string' ? s['id'] : randomUUID();
      const withId: Record<string, unknown> = { ...s, id };
      ids.push(id);
      const existing = statementIds.get(id);
      if (!existing) {
        fresh.push(withId);
        continue;
      }
      const { stored: _stored, authority: _authority, version: _version, ...kept } = existing;
      if (!isDeepStrictEqual(kept, { ...withId, timestamp: withId['timestamp'] ?? kept['timestamp'] })) {
        publish({ kind: 'statement', by: 'course', status: 409, statement: s, problems: ['Another statement with this id is already stored: an LRS answers 409 Conflict.'] });
        return text(res, 409, 'Conflict');
      }
    }
    if (launch.rules) {
      const checked = checkStatements(launch.rules, registrations.get(registrationKey(launch.registration, launch.au ?? 0))!, fresh);
      if ('refusal' in checked) {
        const at = fresh.findIndex((s) => checked.refusal.detail.includes(`(${String(s['id'])})`));
        fresh.forEach((s, i) => publish({ kind: 'statement', by: 'course', status: 403, statement: s, problems: at < 0 || at === i ? [explainRefusal(checked.refusal)] : ['Refused with the rest of its batch.'] }));
        return text(res, 403, `${checked.refusal.requirement} - ${checked.refusal.detail}`);
      }
      checked.accept();
    }
    for (const s of fresh) {
      store(s, COURSE_AUTHORITY);
      publish({ kind: 'statement', by: 'course', status: 200, statement: s, problems: [] });
    }
    if (launch.rules) satisfy(launch);
    if (method === 'PUT') return void res.writeHead(204).end();
    json(res, 200, ids);
  }

  function stateResource(req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: Buffer): void {
    const method = req.method ?? 'GET';
    const params = url.searchParams;
    const activityId = params.get('activityId');
    const registrationParam = params.get('registration');
    const stateId = params.get('stateId');
    let agent: unknown;
    try {
      agent = JSON.parse(params.get('agent') ?? '');
    } catch {
      agent = undefined;
    }
    const problem = !activityId ? 'activityId is missing' : !agentIdentity(agent) ? 'agent is not an Agent with one identifier' : undefined;
    if (problem) {
      publish({ kind: 'request', method, path: 'activities/state', status: 400, problems: [`State API: ${problem}.`] });
      return text(res, 400, problem);
    }
    const place = { activityId: activityId!, agent, registration: registrationParam };
    const shown = (status: number, size = 0) => publish({ kind: 'state', method, stateId: stateId ?? '(all)', status, size });
    if (stateId === null) {
      const prefix = JSON.stringify([activityId, agentIdentity(agent), registrationParam]).slice(0, -1);
      const matching = [...documents.keys()].filter((k) => k.startsWith(prefix + ','));
      if (method === 'GET') return json(res, 200, matching.map((k) => documents.get(k)!.stateId));
      if (method === 'DELETE') {
        matching.forEach((k) => documents.delete(k));
        shown(204);
        return void res.writeHead(204).end();
      }
      return text(res, 400, 'stateId is missing');
    }
    const key = documentKey({ ...place, stateId });
    const existing = documents.get(key);
    const ifMatch = req.headers['if-match'];
    const ifNoneMatch = req.headers['if-none-match'];
    if (method !== 'GET' && ((ifMatch && ifMatch !== existing?.etag && ifMatch !== '*') || (ifMatch === '*' && !existing) || (ifNoneMatch === '*' && existing))) {
      shown(412);
      return text(res, 412, 'Precondition failed');
    }
    switch (method) {
      case 'GET':
        if (!existing) return text(res, 404, 'No such document');
        res.writeHead(200, { 'Content-Type': existing.contentType, ETag: existing.etag, 'Last-Modified': new Date(existing.updated).toUTCString(), 'Cache-Control': 'no-store' });
        return void res.end(existing.body);
      case 'PUT':
      case 'POST': {
        const type = String(req.headers['content-type'] ?? 'application/octet-stream');
        let stored = body;
        if (method === 'POST' && existing) {
          const merged = mergeJson(existing.body, body);
          if (!merged) {
            shown(400);
            return text(res, 400, 'POST merges JSON objects only');
          }
          stored = merged;
        }
        putDocument({ ...place, stateId }, method === 'POST' && existing ? 'application/json' : type, stored);
        shown(204, stored.length);
        return void res.writeHead(204).end();
      }
      case 'DELETE':
        documents.delete(key);
        shown(204);
        return void res.writeHead(204).end();
      default:
        return text(res, 405, 'State: GET, PUT, POST or DELETE');
    }
  }

  function fetchToken(req: http.IncomingMessage, res: http.ServerResponse, id: string): void {
    if (req.method !== 'POST') return json(res, 405, { 'error-code': '3', 'error-text': 'The fetch URL answers POST only.' });
    const found = launchesByFetch.get(id);
    if (!found || found.launch.fetched) {
      const problems = [found ? 'The course asked the fetch URL a second time: a cmi5 LMS hands the token out once (it keeps it for the session).' : 'Unknown fetch URL.'];
      publish({ kind: 'request', method: 'POST', path: 'fetch', status: 200, problems });
      return json(res, 200, { 'error-code': '1', 'error-text': 'Already in use or expired' });
    }
    found.launch.fetched = true;
    json(res, 200, { 'auth-token': found.token });
  }

  function learnerData(): unknown {
    return {
      course: pkg && { standard: pkg.standard, id: pkg.courseId, title: pkg.title, activityId: pkg.activityId, aus: pkg.aus },
      learner: PREVIEW_ACTOR,
      registration,
      statements,
      state: [...documents.entries()].map(([key, d]) => {
        const [activityId, , reg, stateId] = JSON.parse(key) as string[];
        const text = d.body.toString('utf8');
        return { activityId, registration: reg, stateId, contentType: d.contentType, updated: d.updated, etag: d.etag, document: parseMaybe(text) };
      }),
      feed,
    };
  }

  return {
    setPackage(next) {
      pkg = next;
    },
    async handle(req, res, url, origin) {
      const rest = url.pathname.slice(LRS_PREFIX.length);
      res.setHeader('Cache-Control', 'no-store');
      try {
        if (rest.startsWith('xAPI/')) return await xapi(req, res, url, rest.slice('xAPI/'.length));
        if (rest.startsWith('fetch/')) return fetchToken(req, res, rest.slice('fetch/'.length));
        if (rest === 'launch' && req.method === 'POST') {
          // JSON only: a page on another site cannot send that without a preflight, which this server never allows.
          if (!String(req.headers['content-type']).startsWith('application/json')) throw new HttpError(415, 'JSON expected');
          return json(res, 200, launch(parseLaunchRequest(await readBody(req)), origin));
        }
        if (rest === 'feed' && req.method === 'GET') {
          res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
          res.write(`retry: 1000\n\n`);
          for (const entry of feed) res.write(`data: ${JSON.stringify(entry)}\n\n`);
          listeners.add(res);
          res.on('close', () => listeners.delete(res));
          return;
        }
        if (rest === 'data' && req.method === 'GET') {
          res.setHeader('Content-Disposition', `attachment; filename="${(pkg?.courseId ?? 'course').replace(/[^\w.-]/g, '_')}-learner-data.json"`);
          return json(res, 200, learnerData());
        }
        if (rest === 'return' && req.method === 'GET') {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          return void res.end(RETURN_PAGE);
        }
        text(res, 404, 'Not found');
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        text(res, error.status, error.message);
      }
    },
  };
}

const COURSE_AUTHORITY = Object.freeze({ objectType: 'Agent', name: 'Course (preview launch)', account: { homePage: 'https://parcours.invalid/preview', name: 'course' } });
const LMS_AUTHORITY = Object.freeze({ objectType: 'Agent', name: 'Parcours preview LMS', account: { homePage: 'https://parcours.invalid/preview', name: 'lms' } });

const RETURN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Back in the LMS</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1b1b}</style></head>
<body><h1>Back in the LMS</h1><p>The course ended its session and sent the learner to the LMS's return address (<code>returnURL</code>).
Use <strong>Relaunch</strong> in the panel to open it again.</p></body></html>`;

/** A statement as the panel shows it: as sent, or only what the panel lists when it is very large. */
function shownStatement(statement: unknown): unknown {
  if (JSON.stringify(statement ?? null).length <= MAX_SHOWN_STATEMENT) return statement;
  const s = (statement ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const cut = (v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 199)}…` : v);
  const result = s['result'];
  return {
    verb: { id: cut(s['verb']?.['id']) },
    object: { id: cut(s['object']?.['id']) },
    ...(result && typeof result === 'object' && { result: { score: JSON.stringify(result['score'] ?? null).length < 500 ? result['score'] : undefined, success: result['success'], completion: result['completion'], duration: cut(result['duration']) } }),
    note: 'too large to show whole',
  };
}

/** The launch the panel asks for, checked: anything else is a 400. */
export function parseLaunchRequest(body: Buffer): LaunchRequest {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'The launch request is not JSON');
  }
  if (typeof value !== 'object' || value === null) throw new HttpError(400, 'The launch request is not an object');
  const attempt = value['attempt'] === 'new' ? 'new' : 'same';
  const mode = value['launchMode'];
  const launchMode: LaunchMode = mode === 'Browse' || mode === 'Review' ? mode : 'Normal';
  const request: LaunchRequest = { attempt, launchMode };
  const mastery = value['masteryScore'];
  if (mastery === null) request.masteryScore = null;
  else if (typeof mastery === 'number' && mastery >= 0 && mastery <= 1) request.masteryScore = Math.round(mastery * 10_000) / 10_000;
  else if (mastery !== undefined) throw new HttpError(400, 'masteryScore is a number from 0 to 1, or null');
  const moveOn = value['moveOn'];
  if (typeof moveOn === 'string' && (MOVE_ON as readonly string[]).includes(moveOn)) request.moveOn = moveOn;
  else if (moveOn !== undefined) throw new HttpError(400, `moveOn is one of ${MOVE_ON.join(', ')}`);
  const au = value['au'];
  if (Number.isSafeInteger(au) && (au as number) >= 0) request.au = au as number;
  else if (au !== undefined) throw new HttpError(400, 'au is the place of an AU in cmi5.xml, from 0');
  return request;
}

/** One string naming the agent's identifier, or undefined when it has not exactly one. */
function agentIdentity(agent: unknown): string | undefined {
  if (!agent || typeof agent !== 'object' || Array.isArray(agent)) return undefined;
  const a = agent as Record<string, unknown>;
  const ids = (['mbox', 'mbox_sha1sum', 'openid', 'account'] as const).filter((k) => a[k] !== undefined);
  if (ids.length !== 1) return undefined;
  const account = a['account'] as Record<string, unknown> | undefined;
  return ids[0] === 'account' ? `account:${String(account?.['homePage'])}|${String(account?.['name'])}` : `${ids[0]}:${String(a[ids[0]!])}`;
}

function mergeJson(current: Buffer, posted: Buffer): Buffer | undefined {
  const a = parseMaybe(current.toString('utf8'));
  const b = parseMaybe(posted.toString('utf8'));
  const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  return plain(a) && plain(b) ? Buffer.from(JSON.stringify({ ...a, ...b })) : undefined;
}

function parseMaybe(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `The preview's LRS takes at most ${MAX_BODY_BYTES} bytes per request.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function json(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
}

function text(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
}
