/**
 * Reads the TinCan launch parameters an LMS appends to the launch URL
 * (RusticiSoftware/launch, lms_lrs.md): `endpoint`, `auth`, `actor`, `registration`,
 * `activity_id`, `activity_platform`, `Accept-Language`, `grouping`.
 *
 *   readTinCanLaunch(location.search) → TinCanLaunch | null   (null: not launched by an LMS)
 *   givenAgent(json)                   → the actor exactly as given, if an xAPI 1.0 Agent (cmi5 too)
 *   normalizeAgent(json)               → Agent | null           (the TinCan 0.95 shape, rewritten)
 *   agentKey(agent)                    → the agent's identifier as one string (storage keys)
 *   webUrl(value, base)                → the absolute http(s) URL `value` resolves to, else null
 *
 * Nothing here is baked into a package: everything comes from the URL at launch.
 */
import type { Agent } from '@xapi/xapi';

export interface TinCanLaunch {
  /** LRS endpoint, always ending with `/`. */
  endpoint: string;
  /** Value for the Authorization header, as given (often `Basic …`); '' when none. */
  auth: string;
  actor: Agent;
  registration?: string;
  /** The activity the LMS launched; normally the id in tincan.xml. */
  activityId?: string;
  platform?: string;
  language?: string;
  grouping?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * What the runtime lets a launch send it to (an LRS endpoint, a fetch URL, a returnURL): a URL
 * that resolves, against the page's address, to http: or https:, without credentials in it.
 * Anything else — `javascript:` in any case or behind spaces, `data:`, `blob:`, `file:` — is
 * refused (null): launch parameters and LMS answers are someone else's input, and a script URL
 * followed on the package's origin would run with the learner's LMS session.
 */
export function webUrl(value: string | null | undefined, base: string | undefined = globalThis.location?.href): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

export function readTinCanLaunch(search: string, base?: string): TinCanLaunch | null {
  const params = new URLSearchParams(search);
  const endpoint = webUrl(params.get('endpoint'), base);
  const actorJson = params.get('actor');
  if (!endpoint || !actorJson) return null;
  let actor: Agent | null = null;
  try {
    const parsed: unknown = JSON.parse(actorJson);
    actor = givenAgent(parsed) ?? normalizeAgent(parsed);
  } catch {
    actor = null;
  }
  if (!actor) return null;
  const launch: TinCanLaunch = {
    endpoint: endpoint.endsWith('/') ? endpoint : endpoint + '/',
    auth: params.get('auth') ?? '',
    actor,
  };
  const registration = params.get('registration');
  // An invalid registration would make the LRS refuse every statement: better to leave it out.
  if (registration && isUuid(registration)) launch.registration = registration;
  const optional = [
    ['activity_id', 'activityId'],
    ['activity_platform', 'platform'],
    ['Accept-Language', 'language'],
    ['grouping', 'grouping'],
  ] as const;
  for (const [param, key] of optional) {
    const value = params.get(param);
    if (value) launch[key] = value;
  }
  return launch;
}

type Json = Record<string, unknown>;

/**
 * The launch's actor, untouched, when it is an xAPI 1.0 Agent (one identifier in its 1.0 form);
 * else null. Used as given in every statement and request: a cmi5 LMS compares actors exactly
 * (CATAPULT: 403 8.1.3.0-3 when so much as `"objectType":"Agent"` is added).
 */
export function givenAgent(value: unknown): Agent | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const raw = value as Json;
  const account = raw['account'] as Json | null | undefined;
  const identified =
    (typeof raw['mbox'] === 'string' && raw['mbox'].startsWith('mailto:')) ||
    typeof raw['mbox_sha1sum'] === 'string' ||
    typeof raw['openid'] === 'string' ||
    (!!account && typeof account === 'object' && typeof account['homePage'] === 'string' && typeof account['name'] === 'string');
  return identified && (raw['objectType'] ?? 'Agent') === 'Agent' ? (value as Agent) : null;
}

/**
 * Accepts an xAPI 1.0 Agent, and the TinCan 0.95 shape some LMSs still send (every value an
 * array; `account` as `{accountServiceHomePage, accountName}`). Returns null without an identifier.
 */
export function normalizeAgent(value: unknown): Agent | null {
  if (!value || typeof value !== 'object') return null;
  const raw = value as Json;
  if ((first(raw['objectType']) ?? 'Agent') !== 'Agent') return null;
  const agent: Agent = { objectType: 'Agent' };
  const name = first(raw['name']);
  if (typeof name === 'string') agent.name = name;
  const mbox = first(raw['mbox']);
  const sha1 = first(raw['mbox_sha1sum']);
  const openid = first(raw['openid']);
  const account = first(raw['account']) as Json | undefined;
  if (typeof mbox === 'string') agent.mbox = mbox.startsWith('mailto:') ? mbox : 'mailto:' + mbox;
  else if (typeof sha1 === 'string') agent.mbox_sha1sum = sha1;
  else if (typeof openid === 'string') agent.openid = openid;
  else if (account && typeof account === 'object') {
    const homePage = account['homePage'] ?? account['accountServiceHomePage'];
    const accountName = account['name'] ?? account['accountName'];
    if (typeof homePage !== 'string' || typeof accountName !== 'string') return null;
    agent.account = { homePage, name: accountName };
  } else return null;
  return agent;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

export function agentKey(agent: Agent): string {
  if (agent.mbox) return agent.mbox;
  if (agent.mbox_sha1sum) return 'sha1:' + agent.mbox_sha1sum;
  if (agent.openid) return agent.openid;
  return `${agent.account?.homePage ?? ''}|${agent.account?.name ?? ''}`;
}
