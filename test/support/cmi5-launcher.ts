/**
 * Plays a cmi5 LMS for end-to-end tests, on 127.0.0.1 only:
 *   - imports the package: reads the AUs from its cmi5.xml, serves the unzipped files;
 *   - a real LRS for statements (lrs.ts: the npm LRS) and a State server (state-server.ts)
 *     behind one front (lrs-proxy.ts);
 *   - the LMS listener the AU talks to (`endpoint`): it checks every request's
 *     `Authorization: Basic <token>` against the tokens it issued (401 otherwise), refuses what
 *     ADL's CATAPULT player refuses (src/preview/lrs/cmi5-rules.ts: 403 and the requirement id, kept in
 *     `refusals`: after `terminated`, an actor not exactly the launch's, before `initialized`,
 *     a second completed/passed, failed after passed or without a new attempt…), serves the
 *     learner's `cmi5LearnerPreferences` Agent Profile, and forwards the rest to the front with
 *     the LMS's own LRS credentials (the front counts what the LRS accepted: `front.accepted`);
 *   - per launch: a new session id, `LMS.LaunchData` (contextTemplate with the session id and
 *     the publisher AU id, launchMode, masteryScore, moveOn, returnURL) written to the State
 *     resource, a `launched` statement, and a one-time fetch URL (POST only: the first POST
 *     returns `{"auth-token": …}`, later ones `{"error-code": "1", …}`);
 *   - the return page the AU must send the learner to.
 *
 *   const lms = await startCmi5Lms(packageDir)
 *   const ticket = await lms.launch(lms.aus[0], { actor, registration, launchMode: 'Normal' })
 *   await page.goto(ticket.url) … lms.fetchRequests(ticket) … await lms.statements(registration)
 *   lms.refusals → [] and every lms.front.accepted count 1, whatever the test did
 *
 *   const dir = await buildCmi5Package(work, { cmi5AuPerStep: true })   the sample course, built and unzipped
 */
import { readFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Statement } from '@xapi/xapi';
import { XMLParser } from 'fast-xml-parser';
import {
  checkStatements,
  newCmi5Registration,
  newCmi5Session,
  preferencesRead,
  refuseRequest,
  refusalText,
  type Cmi5Refusal,
  type Cmi5RegistrationRules,
  type Cmi5SessionRules,
} from '../../src/preview/lrs/cmi5-rules.js';
import { startLrs, TEST_LRS_AUTH, type RunningLrs } from './lrs.js';
import { startLrsProxy, type LrsProxy } from './lrs-proxy.js';
import { SAMPLE_COURSE_DIR } from './sample-package.js';
import { sendStaticFile } from './static-files.js';
import { startStateServer, type StateServer } from './state-server.js';
import { unzipTo } from './unzip.js';

const CMI5 = 'https://w3id.org/xapi/cmi5/';
export const CMI5_CATEGORY = CMI5 + 'context/categories/cmi5';
export const MOVEON_CATEGORY = CMI5 + 'context/categories/moveon';
export const SESSION_ID_EXTENSION = CMI5 + 'context/extensions/sessionid';

/** An AU as the LMS imported it from cmi5.xml. */
export interface ImportedAu {
  /** The publisher's id (cmi5.xml). */
  id: string;
  url: string;
  title: string;
  moveOn: string;
  masteryScore?: number;
  /** The LMS-generated activity id (never the publisher's id, §8.1). */
  activityId: string;
}

export interface LaunchOptions {
  actor: object;
  registration: string;
  launchMode?: 'Normal' | 'Browse' | 'Review';
  /** Overrides the AU's masteryScore in LMS.LaunchData; null leaves it out. */
  masteryScore?: number | null;
  /** Overrides the returnURL in LMS.LaunchData (a hostile LMS's, say). */
  returnURL?: string;
}

export interface Cmi5Ticket {
  url: string;
  au: ImportedAu;
  registration: string;
  sessionId: string;
  fetchUrl: string;
  returnURL: string;
  /** What the LMS wrote to LMS.LaunchData. */
  launchData: Record<string, unknown>;
}

export interface Cmi5Lms {
  packageOrigin: string;
  /** The course's id in cmi5.xml (the course IRI). */
  courseId: string;
  aus: ImportedAu[];
  lrs: RunningLrs;
  state: StateServer;
  /** The LRS as the LMS reaches it: `front.accepted` counts what the LRS stored, per statement id. */
  front: LrsProxy;
  /** Requests the LMS listener saw (path without query, status). */
  listenerLog: { method: string; path: string; status: number }[];
  /** What the LMS refused as CATAPULT would (403), with the request's path. */
  refusals: (Cmi5Refusal & { path: string })[];
  setPreferences(actor: object, preferences: object): void;
  launch(au: ImportedAu, options: LaunchOptions): Promise<Cmi5Ticket>;
  /** Requests made to a launch's fetch URL, in order. */
  fetchRequests(ticket: Cmi5Ticket): { method: string; answered: 'token' | 'error' }[];
  /** The registration's statements, by timestamp. */
  statements(registration: string): Promise<Statement[]>;
  readState(ticket: Cmi5Ticket, stateId: string): string | undefined;
  stop(): Promise<void>;
}

interface LaunchRecord {
  ticket: Cmi5Ticket;
  token: string | null;
  requests: { method: string; answered: 'token' | 'error' }[];
  session: Cmi5SessionRules;
  registration: Cmi5RegistrationRules;
}

export async function startCmi5Lms(packageDir: string): Promise<Cmi5Lms> {
  const [lrs, state] = await Promise.all([startLrs(), startStateServer()]);
  const front: LrsProxy = await startLrsProxy({ lrsPort: lrs.port, state });
  const packageServer = await listen((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice(1));
    sendStaticFile(req, res, packageDir, rel).catch(() => res.writeHead(500).end());
  });
  const packageOrigin = `http://127.0.0.1:${port(packageServer)}`;

  const launches = new Map<string, LaunchRecord>();
  const tokens = new Map<string, LaunchRecord>();
  const registrations = new Map<string, Cmi5RegistrationRules>();
  const preferences = new Map<string, string>();
  const listenerLog: Cmi5Lms['listenerLog'] = [];
  const refusals: Cmi5Lms['refusals'] = [];
  // What the LMS itself presents to its LRS: the AU's token never leaves the LMS.
  const lmsCredentials = front.newCredentials();
  const lmsServer = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/fetch/')) return answerFetch(req, res, launches.get(url.pathname.slice('/fetch/'.length)), tokens);
    if (url.pathname.startsWith('/return/')) return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>LMS</title><h1>Retour à la plateforme</h1>');
    if (url.pathname.startsWith('/xAPI/')) return listener(req, res, url);
    res.writeHead(404).end();
  });
  const lmsOrigin = `http://127.0.0.1:${port(lmsServer)}`;

  function listener(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const entry = { method: req.method ?? 'GET', path: url.pathname, status: 0 };
    listenerLog.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    cors(req, res);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const auth = req.headers.authorization ?? '';
    const launch = auth.startsWith('Basic ') ? tokens.get(auth.slice('Basic '.length)) : undefined;
    if (!launch) return void res.writeHead(401).end('invalid or missing token');
    const { session } = launch;
    const resource = url.pathname.slice('/xAPI/'.length);
    const refuse = (refusal: Cmi5Refusal): void => {
      refusals.push({ ...refusal, path: url.pathname });
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end(refusalText(refusal));
    };
    const refused = refuseRequest(session, { resource, method: entry.method, agent: url.searchParams.get('agent'), stateId: url.searchParams.get('stateId') });
    if (refused) return refuse(refused);
    if (resource === 'agents/profile') {
      if (req.method !== 'GET') return void res.writeHead(403).end(); // this LMS keeps preferences to itself
      preferencesRead(session);
      const found = url.searchParams.get('profileId') === 'cmi5LearnerPreferences' && preferences.get(agentKey(url.searchParams.get('agent')));
      if (found) res.writeHead(200, { 'Content-Type': 'application/json' }).end(found);
      else res.writeHead(404).end();
      return;
    }
    void readBody(req).then((body) => {
      let accept = (): void => undefined;
      if (resource === 'statements' && (req.method === 'POST' || req.method === 'PUT')) {
        let statements: unknown;
        try {
          statements = JSON.parse(body.toString('utf8'));
        } catch {
          return void res.writeHead(400).end('statements are not JSON');
        }
        const checked = checkStatements(session, launch.registration, Array.isArray(statements) ? statements : [statements]);
        if ('refusal' in checked) return refuse(checked.refusal);
        accept = checked.accept;
      }
      // The front and the servers behind it answer CORS themselves.
      res.removeHeader('Access-Control-Allow-Origin');
      const target = new URL(front.endpoint);
      const forward = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host, authorization: lmsCredentials, 'content-length': String(body.length) },
        },
        (answer) => {
          const status = answer.statusCode ?? 502;
          if (status >= 200 && status < 300) accept();
          res.writeHead(status, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  }

  const { courseId, aus } = await importAus(packageDir, lmsOrigin);

  const lms: Cmi5Lms = {
    packageOrigin,
    courseId,
    aus,
    lrs,
    state,
    front,
    listenerLog,
    refusals,
    setPreferences(actor, value) {
      preferences.set(agentKey(JSON.stringify(actor)), JSON.stringify(value));
    },
    async launch(au, options) {
      const launchId = crypto.randomUUID();
      const sessionId = crypto.randomUUID();
      const returnURL = options.returnURL ?? `${lmsOrigin}/return/${launchId}`;
      const mastery = options.masteryScore === undefined ? au.masteryScore : options.masteryScore;
      const launchData: Record<string, unknown> = {
        contextTemplate: {
          contextActivities: { grouping: [{ objectType: 'Activity', id: au.id }] },
          extensions: { [SESSION_ID_EXTENSION]: sessionId },
        },
        launchMode: options.launchMode ?? 'Normal',
        launchMethod: 'AnyWindow',
        moveOn: au.moveOn,
        returnURL,
        ...(mastery !== null && mastery !== undefined && { masteryScore: mastery }),
      };
      const address = { activityId: au.activityId, agent: JSON.stringify(options.actor), registration: options.registration };
      await xapiRequest(`${state.url}?${new URLSearchParams({ ...address, stateId: 'LMS.LaunchData' })}`, 'PUT', launchData);
      await xapiRequest(`${lrs.endpoint}statements`, 'POST', launchedStatement(au, options, sessionId, launchData, packageOrigin));
      const fetchUrl = `${lmsOrigin}/fetch/${launchId}`;
      const query = new URLSearchParams({
        endpoint: `${lmsOrigin}/xAPI/`,
        fetch: fetchUrl,
        actor: JSON.stringify(options.actor),
        registration: options.registration,
        activityId: au.activityId,
      });
      const url = `${packageOrigin}/${au.url}${au.url.includes('?') ? '&' : '?'}${query.toString()}`;
      const ticket: Cmi5Ticket = { url, au, registration: options.registration, sessionId, fetchUrl, returnURL, launchData };
      const registrationKey = `${options.registration}|${au.activityId}`;
      const registration = registrations.get(registrationKey) ?? newCmi5Registration();
      registrations.set(registrationKey, registration);
      const session = newCmi5Session({
        actor: options.actor,
        registration: options.registration,
        sessionId,
        auActivityId: au.activityId,
        launchMode: options.launchMode ?? 'Normal',
        ...(typeof mastery === 'number' && { masteryScore: mastery }),
      });
      launches.set(launchId, { ticket, token: null, requests: [], session, registration });
      return ticket;
    },
    fetchRequests(ticket) {
      return [...launches.values()].find((l) => l.ticket === ticket)?.requests ?? [];
    },
    async statements(registration) {
      const all = await lrs.statements();
      return all
        .filter((s) => s.context?.registration === registration)
        .sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)));
    },
    readState(ticket, stateId) {
      const agent = JSON.parse(new URL(ticket.url).searchParams.get('actor') ?? '{}') as object;
      return state.read({ activityId: ticket.au.activityId, agent, registration: ticket.registration, stateId });
    },
    async stop() {
      for (const server of [packageServer, lmsServer]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await front.close();
      await Promise.all([lrs.stop(), state.close()]);
    },
  };
  return lms;
}

/** The fetch URL (§8.2): POST only, one token per launch, then error 1 (still status 200). */
function answerFetch(req: IncomingMessage, res: ServerResponse, launch: LaunchRecord | undefined, tokens: Map<string, LaunchRecord>): void {
  cors(req, res);
  if (req.method === 'OPTIONS') return void res.writeHead(204).end();
  const json = (body: object): void => void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  if (!launch) return json({ 'error-code': '2', 'error-text': 'Unknown launch.' });
  const method = req.method ?? 'GET';
  if (method !== 'POST' || launch.token !== null) {
    launch.requests.push({ method, answered: 'error' });
    return json(
      method !== 'POST'
        ? { 'error-code': '2', 'error-text': 'The fetch URL only answers POST.' }
        : { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' },
    );
  }
  launch.token = Buffer.from(`cmi5-${crypto.randomUUID()}:${crypto.randomUUID()}`).toString('base64');
  tokens.set(launch.token, launch);
  launch.requests.push({ method, answered: 'token' });
  json({ 'auth-token': launch.token });
}

/** The LMS's own record of the launch (§9.3.1), written before the AU opens. */
function launchedStatement(au: ImportedAu, options: LaunchOptions, sessionId: string, launchData: Record<string, unknown>, origin: string): object {
  const template = launchData['contextTemplate'] as { contextActivities: object; extensions: object };
  return {
    id: crypto.randomUUID(),
    actor: options.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
    object: { objectType: 'Activity', id: au.activityId },
    context: {
      registration: options.registration,
      contextActivities: { ...template.contextActivities, category: [{ objectType: 'Activity', id: CMI5_CATEGORY }] },
      extensions: {
        ...template.extensions,
        [CMI5 + 'context/extensions/launchmode']: launchData['launchMode'],
        [CMI5 + 'context/extensions/launchurl']: `${origin}/${au.url}`,
        [CMI5 + 'context/extensions/moveon']: launchData['moveOn'],
        ...(launchData['masteryScore'] !== undefined && { [CMI5 + 'context/extensions/masteryscore']: launchData['masteryScore'] }),
      },
    },
    timestamp: new Date().toISOString(),
  };
}

async function importAus(packageDir: string, lmsOrigin: string): Promise<{ courseId: string; aus: ImportedAu[] }> {
  const xml = await readFile(path.join(packageDir, 'cmi5.xml'), 'utf8');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'au' || name === 'langstring' });
  const structure = (parser.parse(xml) as { courseStructure: { course: { id: string }; au: Record<string, any>[] } }).courseStructure;
  const aus = structure.au.map((au, index) => ({
    id: String(au['id']),
    url: String(au['url']).trim(),
    title: String(au['title'].langstring[0]['#text']),
    moveOn: String(au['moveOn'] ?? 'NotApplicable'),
    ...(au['masteryScore'] !== undefined && { masteryScore: Number(au['masteryScore']) }),
    activityId: `${lmsOrigin}/activities/au-${index + 1}`,
  }));
  return { courseId: String(structure.course.id), aus };
}

async function xapiRequest(url: string, method: 'PUT' | 'POST', body: object): Promise<void> {
  const response = await fetch(url, {
    method,
    headers: { 'X-Experience-API-Version': '1.0.3', Authorization: TEST_LRS_AUTH, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
}

function agentKey(json: string | null): string {
  try {
    const agent = JSON.parse(json ?? '{}') as { mbox?: string; account?: { homePage?: string; name?: string } };
    return agent.mbox ?? `${agent.account?.homePage}|${agent.account?.name}`;
  } catch {
    return '';
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function port(server: Server): number {
  return (server.address() as AddressInfo).port;
}

/** The sample course built for cmi5 with the real build() and unzipped, as an LMS would on import. */
export async function buildCmi5Package(workDir: string, options: { cmi5AuPerStep?: boolean } = {}): Promise<string> {
  const { build } = await import('../../src/build.js');
  const outDir = path.join(workDir, 'dist');
  const result = await build({ courseDir: SAMPLE_COURSE_DIR, targets: ['cmi5'], options: { outDir, masteryScore: true, ...options } });
  const built = result.packages[0];
  if (!result.ok || !built) {
    const messages = result.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`).join('\n');
    throw new Error(`build of the sample course for cmi5 failed:\n${messages}`);
  }
  const dir = path.join(workDir, 'package');
  await unzipTo(built.zipPath, dir);
  return dir;
}
