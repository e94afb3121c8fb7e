import { describe, expect, it } from 'vitest';
import { agentKey, normalizeAgent, readTinCanLaunch, webUrl } from '../../../src/runtime/xapi/launch.js';

function query(params: Record<string, string>): string {
  return '?' + new URLSearchParams(params).toString();
}

const actor = JSON.stringify({ name: 'Camille Martin', mbox: 'mailto:camille@example.org' });

describe('readTinCanLaunch', () => {
  it('reads the TinCan launch parameters, URL-encoded, with the endpoint ending in a slash', () => {
    const launch = readTinCanLaunch(
      query({
        endpoint: 'https://lrs.example.org/xAPI',
        auth: 'Basic dGVzdDp0ZXN0',
        actor,
        registration: '6a1f0f3e-8b5a-4b9e-9a55-1c0d2f0a5b11',
        activity_id: 'https://parcours.invalid/courses/valorisez-cooperation',
        activity_platform: 'Moodle',
        'Accept-Language': 'fr-FR',
        grouping: 'https://lms.example.org/courses/12',
      }),
    );
    expect(launch).toEqual({
      endpoint: 'https://lrs.example.org/xAPI/',
      auth: 'Basic dGVzdDp0ZXN0',
      // Exactly as given: nothing added (no objectType), nothing rewritten.
      actor: { name: 'Camille Martin', mbox: 'mailto:camille@example.org' },
      registration: '6a1f0f3e-8b5a-4b9e-9a55-1c0d2f0a5b11',
      activityId: 'https://parcours.invalid/courses/valorisez-cooperation',
      platform: 'Moodle',
      language: 'fr-FR',
      grouping: 'https://lms.example.org/courses/12',
    });
  });

  it('returns null without an endpoint or a usable actor, so the runtime falls back to standalone', () => {
    expect(readTinCanLaunch('')).toBeNull();
    expect(readTinCanLaunch(query({ endpoint: 'https://lrs.example.org/xAPI/' }))).toBeNull();
    expect(readTinCanLaunch(query({ endpoint: 'https://lrs.example.org/xAPI/', actor: '{not json' }))).toBeNull();
    expect(readTinCanLaunch(query({ endpoint: 'https://lrs.example.org/xAPI/', actor: '{"name":"No id"}' }))).toBeNull();
  });

  it('takes no endpoint that is not an http(s) URL (the course then runs as not launched)', () => {
    for (const endpoint of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', '   javascript:alert(1)', 'data:text/plain,x', 'ftp://lrs.example.org/']) {
      expect(readTinCanLaunch(query({ endpoint, actor }), 'https://lms.example.org/course/index.html'), endpoint).toBeNull();
    }
    expect(readTinCanLaunch(query({ endpoint: '/xAPI', actor }), 'https://lms.example.org/course/index.html')?.endpoint).toBe('https://lms.example.org/xAPI/');
  });

  it('leaves out a registration that is not a UUID rather than have every statement refused', () => {
    const launch = readTinCanLaunch(query({ endpoint: 'https://lrs.example.org/xAPI/', actor, registration: 'abc' }));
    expect(launch).not.toHaveProperty('registration');
  });
});

describe('the launch actor', () => {
  it('is kept exactly as the launch gave it when it is an xAPI 1.0 Agent', () => {
    for (const given of [
      { name: 'Camille', account: { homePage: 'https://lms.example.org', name: '42' } },
      { account: { name: '42', homePage: 'https://lms.example.org' }, objectType: 'Agent', name: 'Camille' },
      { mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9' },
    ]) {
      const launch = readTinCanLaunch(query({ endpoint: 'https://lrs.example.org/xAPI/', actor: JSON.stringify(given) }));
      expect(JSON.stringify(launch?.actor)).toBe(JSON.stringify(given));
    }
  });

  it('refuses a Group or an actor without an identifier', () => {
    const group = { objectType: 'Group', mbox: 'mailto:team@example.org' };
    expect(readTinCanLaunch(query({ endpoint: 'https://lrs.example.org/xAPI/', actor: JSON.stringify(group) }))).toBeNull();
  });
});

describe('webUrl', () => {
  it('resolves against the page and keeps only http(s) URLs without credentials', () => {
    const page = 'https://lms.example.org/a/b.html';
    expect(webUrl('https://lms.example.org/back', page)).toBe('https://lms.example.org/back');
    expect(webUrl('  /back?x=1 ', page)).toBe('https://lms.example.org/back?x=1');
    expect(webUrl('HTTP://lms.example.org/', page)).toBe('http://lms.example.org/');
    for (const value of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' \n javascript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'https://a:b@lms.example.org/', '', undefined]) {
      expect(webUrl(value, page), JSON.stringify(value)).toBeNull();
    }
  });
});

describe('normalizeAgent', () => {
  it('accepts the TinCan 0.95 actor shape some LMSs still send', () => {
    expect(normalizeAgent({ name: ['Camille'], mbox: ['camille@example.org'] })).toEqual({
      objectType: 'Agent',
      name: 'Camille',
      mbox: 'mailto:camille@example.org',
    });
    expect(
      normalizeAgent({ name: ['Camille'], account: [{ accountServiceHomePage: 'https://lms.example.org', accountName: '42' }] }),
    ).toEqual({ objectType: 'Agent', name: 'Camille', account: { homePage: 'https://lms.example.org', name: '42' } });
  });

  it('gives one storage key per identity', () => {
    const a = normalizeAgent({ account: { homePage: 'https://lms.example.org', name: '42' } });
    const b = normalizeAgent({ account: { homePage: 'https://lms.example.org', name: '43' } });
    expect(a && agentKey(a)).not.toBe(b && agentKey(b));
  });
});
