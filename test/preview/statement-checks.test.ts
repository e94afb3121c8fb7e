/**
 * The preview LRS's statement checks (src/preview/lrs/statement-checks.ts) refuse what the
 * thorough validator the tests use (@learninglocker/xapi-validation) refuses, for the mistakes a
 * course can make, and accept a well-formed statement.
 */
import { describe, expect, it } from 'vitest';
import { statementProblems } from '../../src/preview/lrs/statement-checks.js';
import { validateStatement } from '../support/xapi-validation.js';

const valid = {
  id: '9e1b6a3e-2f0c-4a1e-8d7f-3c2b1a0f9e8d',
  actor: { objectType: 'Agent', name: 'Preview Learner', account: { homePage: 'https://parcours.invalid/preview', name: 'preview-learner' } },
  verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
  object: { objectType: 'Activity', id: 'https://parcours.invalid/courses/x/quiz/q1', definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'true-false' } },
  result: { score: { scaled: 0.5, raw: 1, min: 0, max: 2 }, success: true, completion: true, response: 'true', duration: 'PT1M2.5S' },
  context: { registration: '0b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d', contextActivities: { parent: [{ id: 'https://parcours.invalid/courses/x' }] }, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's' } },
  timestamp: '2026-12-02T13:40:45.123Z',
};

const broken: [string, object][] = [
  ['no verb', { ...valid, verb: undefined }],
  ['a verb id that is no IRI', { ...valid, verb: { id: 'answered' } }],
  ['an actor without identifier', { ...valid, actor: { name: 'Nobody' } }],
  ['an actor with two identifiers', { ...valid, actor: { mbox: 'mailto:a@b.c', account: valid.actor.account } }],
  ['an mbox without mailto:', { ...valid, actor: { mbox: 'a@b.c' } }],
  ['no object', { ...valid, object: undefined }],
  ['an object id that is no IRI', { ...valid, object: { id: 'quiz q1' } }],
  ['a scaled score above 1', { ...valid, result: { score: { scaled: 1.5 } } }],
  ['a raw score above max', { ...valid, result: { score: { raw: 5, max: 2 } } }],
  ['success as a string', { ...valid, result: { success: 'true' } }],
  ['a duration in seconds', { ...valid, result: { duration: '62.5' } }],
  ['a registration that is no UUID', { ...valid, context: { registration: 'abc' } }],
  ['an extension key that is no IRI', { ...valid, context: { extensions: { sessionid: 's' } } }],
  ['a timestamp in words', { ...valid, timestamp: 'yesterday' }],
  ['an id that is no UUID', { ...valid, id: '42' }],
  ['an unknown property', { ...valid, verbs: valid.verb }],
  ['an unknown interaction type', { ...valid, object: { ...valid.object, definition: { interactionType: 'yes-no' } } }],
];

describe('statement checks of the preview LRS', () => {
  it('accept a well-formed statement, as the xAPI validator does', () => {
    expect(validateStatement(valid)).toEqual([]);
    expect(statementProblems(valid)).toEqual([]);
  });

  it.each(broken)('refuse %s, as the xAPI validator does', (_, statement) => {
    const json = JSON.parse(JSON.stringify(statement)) as object;
    expect(validateStatement(json).length).toBeGreaterThan(0);
    expect(statementProblems(json).length).toBeGreaterThan(0);
  });

  it('say where the problem is and what is wrong', () => {
    expect(statementProblems({ ...valid, result: { score: { scaled: 1.5 } } })).toEqual(['result.score.scaled: 1.5 lies outside -1 to 1']);
    expect(statementProblems({ ...valid, actor: { name: 'Nobody' } })).toEqual(['actor: has no identifier (mbox, mbox_sha1sum, openid or account)']);
    expect(statementProblems([valid])).toEqual(['the statement is not a JSON object']);
  });
});
