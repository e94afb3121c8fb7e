/**
 * The authorization token fetch (§8.2): one POST to the launch's `fetch` URL (GET is not
 * allowed, so that nothing caches it), answered `{"auth-token": "…"}`, or, still with 200,
 * `{"error-code": "1|2|3", "error-text": "…"}`. The URL is one-time: this is called once per
 * launch, and the token is kept for reloads (session-record.ts).
 *
 *   await fetchAuthToken(fetchUrl) → the token, for `Authorization: Basic <token>`
 *   throws Cmi5LaunchError: 'fetch-refused' (the LMS said no), 'fetch-failed' (anything else)
 */
import { Cmi5LaunchError } from './launch-error.js';

const FETCH_ERRORS: Record<string, string> = {
  '1': 'already in use or expired',
  '2': 'security error',
  '3': 'application error',
};

export async function fetchAuthToken(fetchUrl: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(fetchUrl, { method: 'POST', cache: 'no-store' });
  } catch (error) {
    throw new Cmi5LaunchError('fetch-failed', `the fetch URL could not be reached (${String(error)})`);
  }
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // Not JSON: reported below with the status.
  }
  const token = body['auth-token'];
  if (response.ok && typeof token === 'string' && token) return token;
  const code = body['error-code'];
  if (code !== undefined) {
    const meaning = FETCH_ERRORS[String(code)] ?? 'unknown error';
    throw new Cmi5LaunchError('fetch-refused', `the fetch URL answered error ${String(code)} (${meaning}): ${String(body['error-text'] ?? '')}`);
  }
  throw new Cmi5LaunchError('fetch-failed', `the fetch URL answered ${response.status} without an auth-token`);
}
