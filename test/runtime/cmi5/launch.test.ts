/**
 * The cmi5 launch (spec §8): parameters from the URL in any order, the one-time token fetch,
 * and LMS.LaunchData / learner preferences as the AU reads them (§10, §11).
 */
import { describe, expect, it } from 'vitest';
import { fetchAuthToken } from '../../../src/runtime/cmi5/auth-token.js';
import { readCmi5Launch } from '../../../src/runtime/cmi5/launch.js';
import { parseLaunchData, readLanguagePreference, readLaunchData } from '../../../src/runtime/cmi5/launch-data.js';
import { Cmi5LaunchError } from '../../../src/runtime/cmi5/launch-error.js';
import { launchProblemMessage } from '../../../src/runtime/cmi5/messages.js';

const actor = { objectType: 'Agent' as const, name: 'Camille Martin', account: { homePage: 'https://lms.example.org', name: '1625378' } };
const params = {
  endpoint: 'https://lms.example.org/lrs',
  fetch: 'https://lms.example.org/token?k=2390289x0&session=a b',
  actor: JSON.stringify(actor),
  registration: '760e3480-ba55-4991-94b0-01820dbd23a2',
  activityId: 'https://lms.example.org/au/001',
};

function problemOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof Cmi5LaunchError ? error.problem : 'not a launch error';
  }
  return undefined;
}

describe('readCmi5Launch', () => {
  it('reads the five parameters, URL-encoded, in any order', () => {
    const reversed = Object.entries(params).reverse();
    const launch = readCmi5Launch('?' + new URLSearchParams(reversed).toString());
    expect(launch).toEqual({
      endpoint: 'https://lms.example.org/lrs/',
      fetchUrl: new URL(params.fetch).href,
      actor,
      registration: params.registration,
      activityId: params.activityId,
    });
  });

  it('keeps the actor exactly as given: nothing added or rewritten (the LMS compares it exactly)', () => {
    const given = { name: 'Camille Martin', account: { homePage: 'https://lms.example.org', name: '1625378' } };
    const launch = readCmi5Launch('?' + new URLSearchParams({ ...params, actor: JSON.stringify(given) }).toString());
    expect(JSON.stringify(launch?.actor)).toBe(JSON.stringify(given));
  });

  it('accepts for endpoint and fetch only what resolves, against the page, to an http(s) URL', () => {
    const page = 'https://lms.example.org/content/course-12/index.html?x=1';
    const hostile = ['javascript:alert(document.cookie)', 'JaVaScRiPt:alert(1)', '  javascript:alert(1)', '\tjavascript:alert(1)', 'data:application/json,{}', 'blob:https://lms.example.org/1', 'file:///etc/passwd', 'https://user:pass@lms.example.org/lrs'];
    for (const key of ['endpoint', 'fetch'] as const) {
      for (const value of hostile) {
        expect(problemOf(() => readCmi5Launch('?' + new URLSearchParams({ ...params, [key]: value }).toString(), page)), `${key}=${value}`).toBe('invalid-launch');
      }
    }
    const relative = readCmi5Launch('?' + new URLSearchParams({ ...params, endpoint: '/lrs', fetch: ' ../token?k=1' }).toString(), page);
    expect(relative).toMatchObject({ endpoint: 'https://lms.example.org/lrs/', fetchUrl: 'https://lms.example.org/content/token?k=1' });
  });

  it('reads the step of an AU-per-step URL, with the LMS parameters appended after it', () => {
    const launch = readCmi5Launch('?step=typologie&' + new URLSearchParams(params).toString());
    expect(launch?.step).toBe('typologie');
  });

  it('returns null when the page was not launched by a cmi5 LMS', () => {
    expect(readCmi5Launch('')).toBeNull();
    expect(readCmi5Launch('?step=enjeux')).toBeNull();
  });

  it('refuses a launch with a parameter missing or malformed, so the learner can be told', () => {
    for (const missing of Object.keys(params)) {
      const partial = Object.fromEntries(Object.entries(params).filter(([key]) => key !== missing));
      expect(problemOf(() => readCmi5Launch('?' + new URLSearchParams(partial).toString()))).toBe('invalid-launch');
    }
    expect(problemOf(() => readCmi5Launch('?' + new URLSearchParams({ ...params, registration: 'r-1' }).toString()))).toBe('invalid-launch');
    expect(problemOf(() => readCmi5Launch('?' + new URLSearchParams({ ...params, actor: '{"name":"x"}' }).toString()))).toBe('invalid-launch');
  });
});

describe('fetchAuthToken', () => {
  function fetchAnswering(status: number, body: unknown, seen: { method?: string }[] = []): typeof fetch {
    return (async (_url: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ method: init?.method });
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
  }

  it('POSTs the fetch URL (never GET) and returns the auth-token', async () => {
    const seen: { method?: string }[] = [];
    await expect(fetchAuthToken(params.fetch, fetchAnswering(200, { 'auth-token': 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==' }, seen))).resolves.toBe(
      'QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
    );
    expect(seen).toEqual([{ method: 'POST' }]);
  });

  it('reports a second use (error-code 1, still with status 200) as refused', async () => {
    const error = await fetchAuthToken(params.fetch, fetchAnswering(200, { 'error-code': '1', 'error-text': 'already returned' })).catch((e) => e);
    expect(error).toBeInstanceOf(Cmi5LaunchError);
    expect(error.problem).toBe('fetch-refused');
    expect(error.message).toContain('already in use or expired');
  });

  it('reports an unreachable or odd fetch URL as failed', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect((await fetchAuthToken(params.fetch, offline).catch((e) => e)).problem).toBe('fetch-failed');
    expect((await fetchAuthToken(params.fetch, fetchAnswering(500, {})).catch((e) => e)).problem).toBe('fetch-failed');
  });
});

describe('LMS.LaunchData', () => {
  const contextTemplate = {
    contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://parcours.invalid/courses/valorisez-cooperation/au' }] },
    extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': '2d5437c4-7ca2-4c05-a5b9-22e9127e180a' },
  };

  it('reads the context template, launch mode, mastery score, moveOn and return URL', () => {
    const data = parseLaunchData(
      JSON.stringify({ contextTemplate, launchMode: 'Review', masteryScore: 0.65, moveOn: 'CompletedAndPassed', returnURL: 'https://lms.example.org/course/12', launchMethod: 'AnyWindow' }),
    );
    expect(data).toEqual({ contextTemplate, launchMode: 'Review', masteryScore: 0.65, moveOn: 'CompletedAndPassed', returnURL: 'https://lms.example.org/course/12' });
  });

  it('has no mastery score unless the LMS gives one between 0 and 1', () => {
    expect(parseLaunchData(JSON.stringify({ contextTemplate, launchMode: 'Normal' })).masteryScore).toBeUndefined();
    expect(parseLaunchData(JSON.stringify({ contextTemplate, launchMode: 'Normal', masteryScore: 80 })).masteryScore).toBeUndefined();
  });

  it('cannot run without a context template (it carries the session id)', () => {
    for (const text of [JSON.stringify({ launchMode: 'Normal' }), '<html>', 'null', '[]', '"contextTemplate"']) {
      expect(problemOf(() => parseLaunchData(text))).toBe('launch-data-invalid');
    }
  });

  it('tells refused, missing, unusable and unreachable apart, with the LMS’s answer', async () => {
    const launch = { activityId: 'https://lms.example.org/au/001', actor, registration: params.registration, endpoint: '', fetchUrl: '' };
    const answering = (status: number, body = '') => ({
      endpoint: 'https://lms.example.org/lrs/',
      auth: 'Basic dG9rZW4=',
      fetch: (async () => new Response(body, { status })) as typeof fetch,
    });
    const outcome = (lrs: ReturnType<typeof answering>) => readLaunchData(lrs, launch).then(() => 'read', (e: Cmi5LaunchError) => `${e.problem} ${e.status ?? ''}`.trim());
    expect(await outcome(answering(403, '8.1.3.0-3'))).toBe('launch-data-refused 403');
    expect(await outcome(answering(401))).toBe('launch-data-refused 401');
    expect(await outcome(answering(404))).toBe('launch-data-missing');
    expect(await outcome(answering(200, '{"launchMode":"Normal"}'))).toBe('launch-data-invalid');
    expect(await outcome(answering(200, JSON.stringify({ contextTemplate, launchMode: 'Normal' })))).toBe('read');
  });

  it('calls LMS.LaunchData unreachable only after trying again', async () => {
    let calls = 0;
    const lrs = {
      endpoint: 'https://lms.example.org/lrs/',
      auth: 'Basic dG9rZW4=',
      fetch: (async () => {
        calls += 1;
        return new Response('', { status: 503 });
      }) as typeof fetch,
    };
    const launch = { activityId: 'https://lms.example.org/au/001', actor, registration: params.registration, endpoint: '', fetchUrl: '' };
    const error = await readLaunchData(lrs, launch).catch((e: Cmi5LaunchError) => e);
    expect(error).toMatchObject({ problem: 'launch-data-unreachable', status: 503 });
    expect(calls).toBe(3);
  });
});

describe('learner preferences', () => {
  const lrs = (status: number, body: string) => ({
    endpoint: 'https://lms.example.org/lrs/',
    auth: 'Basic dG9rZW4=',
    fetch: (async () => new Response(body, { status })) as typeof fetch,
  });

  it('picks the first preferred language the interface speaks', async () => {
    await expect(readLanguagePreference(lrs(200, '{"languagePreference":"de-DE,en-US,fr-FR"}'), actor)).resolves.toBe('en');
    await expect(readLanguagePreference(lrs(200, '{"languagePreference":"zh-CN"}'), actor)).resolves.toBeUndefined();
  });

  it('treats a missing profile (404) or an LMS error as no preference', async () => {
    await expect(readLanguagePreference(lrs(404, ''), actor)).resolves.toBeUndefined();
    await expect(readLanguagePreference(lrs(403, 'Forbidden'), actor)).resolves.toBeUndefined();
  });
});

describe('learner messages', () => {
  it('say what happened and what to do, in the course language', () => {
    expect(launchProblemMessage('fetch-refused', 'fr')).toMatch(/relancez le module depuis votre plateforme/);
    expect(launchProblemMessage('fetch-refused', 'en')).toMatch(/launch the module again from your platform/);
  });

  it('say when the LMS refused the launch information, with its answer, rather than that it gave none', () => {
    expect(launchProblemMessage('launch-data-refused', 'fr', 403)).toMatch(/a refusé de transmettre à ce module ses informations de lancement \(réponse 403\)/);
    expect(launchProblemMessage('launch-data-refused', 'en', 403)).toMatch(/refused to give this module its launch information \(answer 403\)/);
    expect(launchProblemMessage('launch-data-missing', 'en')).toMatch(/did not provide/);
    expect(launchProblemMessage('launch-data-invalid', 'fr')).toMatch(/ne peut pas lire/);
    expect(launchProblemMessage('launch-data-invalid', 'en')).toMatch(/cannot read/);
    expect(launchProblemMessage('launch-data-unreachable', 'fr')).toMatch(/Vérifiez votre connexion/);
    expect(launchProblemMessage('launch-data-unreachable', 'en')).toMatch(/Check your connection/);
    // Only the refusal names a status: the others never print a placeholder.
    for (const language of ['fr', 'en']) {
      for (const problem of ['launch-data-missing', 'launch-data-invalid', 'launch-data-unreachable', 'session-ended'] as const) {
        expect(launchProblemMessage(problem, language)).not.toMatch(/[{}?]/);
      }
    }
  });

  it('say a reload ended the session, and how to go on', () => {
    expect(launchProblemMessage('session-ended', 'fr')).toMatch(/session est terminée.*rechargé.*relancez le module/);
    expect(launchProblemMessage('session-ended', 'en')).toMatch(/session has ended.*reloaded.*launch the module again/);
  });
});
