/**
 * The test LMSs' rules (src/preview/lrs/cmi5-rules.ts) refuse what ADL's CATAPULT refuses, with
 * its requirement ids, and accept a session that keeps the rules: the cmi5 tests are only as
 * strict as this.
 */
import { describe, expect, it } from 'vitest';
import { checkStatements, newCmi5Registration, newCmi5Session, preferencesRead, refuseRequest, type Cmi5SessionRules } from '../../../src/preview/lrs/cmi5-rules.js';

const CMI5 = 'https://w3id.org/xapi/cmi5/';
const actor = { name: 'Camille', account: { homePage: 'https://lms.example.org', name: 'c' } };
const AU = 'https://lms.example.org/au/1';

function session(overrides: Partial<Cmi5SessionRules> = {}): Cmi5SessionRules {
  const s = newCmi5Session({ actor, registration: 'r-1', sessionId: 's-1', auActivityId: AU, launchMode: 'Normal', masteryScore: 0.8, ...overrides });
  preferencesRead(s);
  return s;
}

function statement(verb: string, options: { defined?: boolean; scaled?: number; actor?: object } = {}) {
  const defined = options.defined ?? verb !== 'answered';
  return {
    id: crypto.randomUUID(),
    actor: options.actor ?? actor,
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
    object: { id: defined ? AU : 'urn:example:c/activities/q' },
    ...(options.scaled !== undefined && { result: { score: { scaled: options.scaled } } }),
    context: {
      registration: 'r-1',
      extensions: { [CMI5 + 'context/extensions/sessionid']: 's-1' },
      contextActivities: defined ? { category: [{ id: CMI5 + 'context/categories/cmi5' }] } : {},
    },
  };
}

/** Sends each batch in turn; returns the requirement id of each refusal (null: accepted). */
function play(s: Cmi5SessionRules, registration: ReturnType<typeof newCmi5Registration>, batches: ReturnType<typeof statement>[][]): (string | null)[] {
  return batches.map((batch) => {
    const checked = checkStatements(s, registration, batch);
    if ('refusal' in checked) return checked.refusal.requirement;
    checked.accept();
    return null;
  });
}

describe('the test LMS refuses what CATAPULT refuses', () => {
  it('accepts a session that keeps the rules', () => {
    const reg = newCmi5Registration();
    expect(play(session(), reg, [[statement('initialized')], [statement('answered'), statement('completed')], [statement('passed', { scaled: 0.9 })], [statement('terminated')]])).toEqual([null, null, null, null]);
  });

  it('refuses anything before initialized, and anything after terminated: statements (9.3.0.0-4/-5) and any request (8.1.2.0-2)', () => {
    const s = session();
    const reg = newCmi5Registration();
    expect(play(s, reg, [[statement('answered')], [statement('initialized'), statement('terminated')], [statement('terminated')]])).toEqual(['9.3.0.0-4', null, '9.3.0.0-5']);
    expect(refuseRequest(s, { resource: 'activities/state', method: 'PUT', agent: JSON.stringify(actor), stateId: 'parcours-state' })?.requirement).toBe('8.1.2.0-2');
    expect(play(session(), newCmi5Registration(), [[statement('initialized'), statement('terminated'), statement('answered')]])).toEqual(['9.3.0.0-5']);
  });

  it('refuses an actor or agent parameter that is not exactly the launch actor (8.1.3.0-3), objectType added included', () => {
    const s = session();
    expect(play(s, newCmi5Registration(), [[statement('initialized', { actor: { objectType: 'Agent', ...actor } })]])).toEqual(['8.1.3.0-3']);
    expect(refuseRequest(s, { resource: 'activities/state', method: 'GET', agent: JSON.stringify({ objectType: 'Agent', ...actor }), stateId: 'LMS.LaunchData' })?.requirement).toBe('8.1.3.0-3');
    expect(refuseRequest(s, { resource: 'agents/profile', method: 'GET', agent: JSON.stringify({ account: actor.account, name: actor.name }) })).toBeNull();
  });

  it('refuses writing LMS.LaunchData and statements before the learner preferences were read', () => {
    expect(refuseRequest(session(), { resource: 'activities/state', method: 'PUT', agent: JSON.stringify(actor), stateId: 'LMS.LaunchData' })?.requirement).toBe('10.2.1.0-5');
    const unread = newCmi5Session({ actor, registration: 'r-1', sessionId: 's-1', auActivityId: AU, launchMode: 'Normal' });
    expect(play(unread, newCmi5Registration(), [[statement('initialized')]])).toEqual(['11.0.0.0-3']);
  });

  it('refuses a verb twice, passed and failed together, a second completed or passed, failed after passed', () => {
    const reg = newCmi5Registration();
    expect(play(session(), reg, [[statement('initialized')], [statement('completed')], [statement('completed')], [statement('passed', { scaled: 0.9 })], [statement('failed', { scaled: 0.1 })]])).toEqual([
      null,
      null,
      '9.3.0.0-2',
      null,
      '9.3.0.0-3',
    ]);
    const next = session({ sessionId: 's-1' });
    expect(play(next, reg, [[statement('initialized')], [statement('completed')], [statement('passed', { scaled: 0.95 })], [statement('failed', { scaled: 0.2 })]])).toEqual([null, '9.3.0.0-6', '9.3.0.0-7', '9.3.0.0-8']);
  });

  it('refuses judging in Browse and Review, and scores on the wrong side of the mastery score', () => {
    expect(play(session({ launchMode: 'Browse' }), newCmi5Registration(), [[statement('initialized')], [statement('completed')]])).toEqual([null, '10.2.2.0-2']);
    expect(play(session({ launchMode: 'Review' }), newCmi5Registration(), [[statement('initialized')], [statement('passed', { scaled: 1 })]])).toEqual([null, '10.2.2.0-3']);
    expect(play(session(), newCmi5Registration(), [[statement('initialized')], [statement('passed', { scaled: 0.5 })], [statement('failed', { scaled: 0.9 })]])).toEqual([null, '9.3.4.0-2', '9.3.5.0-2']);
  });

  it('refuses failed again for a failed registration in a session without a new answer (Parcours’s own rule)', () => {
    const reg = newCmi5Registration();
    expect(play(session(), reg, [[statement('initialized')], [statement('failed', { scaled: 0.4 })], [statement('terminated')]])).toEqual([null, null, null]);
    expect(play(session(), reg, [[statement('initialized')], [statement('failed', { scaled: 0.4 })]])).toEqual([null, 'no-new-attempt']);
    expect(play(session(), reg, [[statement('initialized')], [statement('answered'), statement('failed', { scaled: 0.5 })]])).toEqual([null, null]);
  });

  it('checks a batch as a whole: a refused statement stores none of it, and the session is as before', () => {
    const s = session();
    const reg = newCmi5Registration();
    expect(play(s, reg, [[statement('initialized'), statement('completed'), statement('completed')]])).toEqual(['9.3.0.0-2']);
    expect(s.initialized).toBe(false);
    expect(reg.completed).toBe(false);
  });
});
