/**
 * Reads the cmi5 launch parameters (§8.1): `endpoint`, `fetch`, `actor`, `registration`,
 * `activityId` (camelCase, unlike TinCan's `activity_id`), in any order, URL-encoded; plus
 * `step`, the query parameter Parcours puts in an AU's own URL when the package has one AU
 * per step (the LMS appends its parameters to it).
 *
 *   readCmi5Launch(location.search) → Cmi5Launch | null
 *     null: no cmi5 parameter at all (a preview, a package opened from disk)
 *     throws Cmi5LaunchError('invalid-launch') when launched by an LMS with a parameter missing
 *     or malformed, so the learner is told instead of silently losing their progress;
 *     `endpoint` and `fetch` must resolve (against the page's address) to http(s) URLs
 *     (webUrl: no `javascript:`, `data:`…), the actor be an xAPI Agent, the registration a UUID
 */
import type { Agent } from '@xapi/xapi';
import { givenAgent, isUuid, webUrl } from '../xapi/launch.js';
import { Cmi5LaunchError } from './launch-error.js';

export interface Cmi5Launch {
  /** LMS listener for xAPI requests, always ending with `/`. */
  endpoint: string;
  /** One-time URL that hands out the authorization token (POST only). */
  fetchUrl: string;
  actor: Agent;
  registration: string;
  /** LMS-generated id of the AU: the object of every cmi5 defined statement. */
  activityId: string;
  /** Step this AU covers (`?step=<id>` in the AU's URL), when the package has one AU per step. */
  step?: string;
}

const REQUIRED = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

export function readCmi5Launch(search: string, base?: string): Cmi5Launch | null {
  const params = new URLSearchParams(search);
  if (REQUIRED.every((name) => !params.has(name))) return null;
  const missing = REQUIRED.filter((name) => !params.get(name));
  if (missing.length) throw new Cmi5LaunchError('invalid-launch', `launch URL without ${missing.join(', ')}`);
  let actor: Agent | null;
  try {
    // As given, never rewritten: the LMS compares every statement's actor with it exactly.
    actor = givenAgent(JSON.parse(params.get('actor')!));
  } catch {
    actor = null;
  }
  if (!actor) throw new Cmi5LaunchError('invalid-launch', 'the actor parameter is not an xAPI Agent');
  const registration = params.get('registration')!;
  if (!isUuid(registration)) throw new Cmi5LaunchError('invalid-launch', `registration "${registration}" is not a UUID`);
  const endpoint = webUrl(params.get('endpoint'), base);
  const fetchUrl = webUrl(params.get('fetch'), base);
  if (!endpoint || !fetchUrl) throw new Cmi5LaunchError('invalid-launch', `the ${endpoint ? 'fetch' : 'endpoint'} parameter is not an http(s) URL`);
  const launch: Cmi5Launch = {
    endpoint: endpoint.endsWith('/') ? endpoint : endpoint + '/',
    fetchUrl,
    actor,
    registration,
    activityId: params.get('activityId')!,
  };
  const step = params.get('step');
  if (step) launch.step = step;
  return launch;
}
