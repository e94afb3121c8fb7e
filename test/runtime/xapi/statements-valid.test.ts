/**
 * Every statement the TinCan adapter can send, for every question type and every path
 * (passed, failed, completed, video), passes @learninglocker/xapi-validation, and carries
 * what a report needs (registration, parents, response formats, scores, durations).
 */
import type { Statement } from '@xapi/xapi';
import { describe, expect, it, vi } from 'vitest';
import type { InteractionRecord, LmsAdapter, VideoEvent } from '../../../src/runtime/adapters/lms-adapter.js';
import { fakeLrsFetch, xapiAdapterOn } from './fake-lrs.js';
import { sampleRuntimeCourse } from '../../support/runtime-course.js';
import { validateStatement } from '../../support/xapi-validation.js';
import { POLL } from '../../support/timeouts.js';
import { courseIri } from '../../../src/shared/iri.js';

const course = sampleRuntimeCourse();

const REGISTRATION = '6a1f0f3e-8b5a-4b9e-9a55-1c0d2f0a5b11';
/** The activity this LMS launched: an id of its own, not the course's IRI. */
const ROOT = 'https://lms.example.org/activities/valorisez';
/** Steps, activities and questions are named under the course's own IRI, whatever the LMS launched. */
const IRI = courseIri(course);

const LAUNCH = {
  actor: { objectType: 'Agent' as const, name: 'Camille Martin', account: { homePage: 'https://lms.example.org', name: 'cmartin' } },
  registration: REGISTRATION,
  activityId: ROOT,
};

function adapterWithFakeLrs() {
  const lrs = fakeLrsFetch();
  return { adapter: xapiAdapterOn(lrs, course, LAUNCH), lrs };
}

function interaction(overrides: Partial<InteractionRecord>): InteractionRecord {
  return {
    id: 'enjeux-quiz.q',
    quizId: 'enjeux-quiz',
    questionId: 'q',
    type: 'single-choice',
    interactionType: 'choice',
    response: ['a'],
    correct: ['a'],
    choices: [
      { id: 'a', text: 'La performance économique et l’intérêt général' },
      { id: 'b', text: 'La seule performance économique' },
    ],
    description: 'Qu’allient les pratiques partenariales ?',
    result: 'correct',
    scoreShare: 1,
    weight: 1,
    latencyMs: 12_340,
    timestamp: new Date('2026-11-26T10:00:00Z'),
    ...overrides,
  };
}

const QUESTIONS: InteractionRecord[] = [
  interaction({ questionId: 'single', type: 'single-choice' }),
  interaction({ questionId: 'multi', type: 'multiple-choice', response: ['a', 'b'], correct: ['a'], result: 'wrong', scoreShare: 0.5, weight: 2 }),
  interaction({ questionId: 'tf', type: 'true-false', interactionType: 'true-false', response: ['true'], correct: ['false'], result: 'wrong', scoreShare: 0, choices: [{ id: 'true', text: 'Vrai' }, { id: 'false', text: 'Faux' }] }),
  interaction({ questionId: 'fill', type: 'fill-in', interactionType: 'fill-in', response: ['coopération'], correct: ['coopération'], choices: undefined }),
  interaction({ questionId: 'match', type: 'matching', interactionType: 'matching', response: ['a.1', 'b.2'], correct: ['a.1', 'b.2'], choices: undefined }),
  interaction({ questionId: 'order', type: 'ordering', interactionType: 'sequencing', response: ['b', 'a'], correct: ['a', 'b'], result: 'wrong', scoreShare: 0 }),
  interaction({ questionId: 'num', type: 'numeric', interactionType: 'numeric', response: ['4'], correct: ['4'], choices: undefined }),
  interaction({ questionId: 'scale', type: 'likert', interactionType: 'likert', response: ['b'], correct: [], result: 'neutral', scoreShare: 0, weight: 0 }),
  interaction({ questionId: 'free', type: 'free-text', interactionType: 'other', response: ['Un texte libre'], correct: [], result: 'neutral', scoreShare: 0, weight: 0, choices: undefined }),
];

function videoEvent(verb: VideoEvent['verb'], extra: Partial<VideoEvent> = {}): VideoEvent {
  return { activityId: 'enjeux-video', verb, time: 12.3456, length: 95.2, progress: 0.42, segments: [[0, 12], [14, 40]], threshold: 0.9, ...extra };
}

async function playCourse(adapter: LmsAdapter, outcome: 'passed' | 'failed') {
  await adapter.start();
  adapter.recordVideoEvent?.(videoEvent('initialized', { time: 0, progress: 0, segments: [] }));
  adapter.recordVideoEvent?.(videoEvent('played', { time: 0, progress: 0, segments: [] }));
  adapter.recordVideoEvent?.(videoEvent('seeked', { timeFrom: 12, timeTo: 14 }));
  adapter.recordVideoEvent?.(videoEvent('paused'));
  adapter.recordVideoEvent?.(videoEvent('played'));
  adapter.recordVideoEvent?.(videoEvent('completed', { time: 90, progress: 0.95, segments: [[0, 90]] }));
  for (const q of QUESTIONS) adapter.recordInteraction(q);
  const score = outcome === 'passed' ? 85 : 40;
  adapter.recordObjective({ id: 'enjeux', status: outcome, scorePercent: score });
  adapter.setProgress({ completion: 'completed', success: outcome, scorePercent: score, progress: 1 });
  adapter.commit();
  adapter.finish('leave');
}

/** The statements the LRS stored; ids it refused as conflicts go into `conflicts`. */
async function statementsOf(outcome: 'passed' | 'failed', conflicts: string[] = []): Promise<Statement[]> {
  const { adapter, lrs } = adapterWithFakeLrs();
  await playCourse(adapter, outcome);
  await vi.waitFor(() => expect(lrs.statements.some((s) => s.verb.id.endsWith('/terminated') && (s.object as { id: string }).id === ROOT)).toBe(true), POLL);
  conflicts.push(...lrs.conflicts);
  return lrs.statements;
}

const verbOf = (s: Statement) => s.verb.id.split('/').pop();
const objectId = (s: Statement) => (s.object as { id: string }).id;

describe('statements sent by the TinCan adapter', () => {
  it.each(['passed', 'failed'] as const)('all pass xapi-validation on the %s path', async (outcome) => {
    const statements = await statementsOf(outcome);
    expect(statements.length).toBeGreaterThan(QUESTIONS.length + 8);
    for (const statement of statements) {
      expect({ verb: statement.verb.id, warnings: validateStatement(statement).map((w) => `${w.path.join('.')}: ${w.typeName ?? w.message}`) }).toEqual({
        verb: statement.verb.id,
        warnings: [],
      });
    }
  });

  it('stamps every statement with a UUID, the launch actor and registration, in the course sequence', async () => {
    const conflicts: string[] = [];
    const statements = await statementsOf('passed', conflicts);
    // Stored once per id whatever was sent; a second statement under a used id would be a conflict.
    expect(conflicts).toEqual([]);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    for (const s of statements) {
      expect(s.actor).toMatchObject({ account: { name: 'cmartin' } });
      expect(s.context?.registration).toBe(REGISTRATION);
    }
    const course = statements.filter((s) => objectId(s) === ROOT).map(verbOf);
    expect(course).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    expect(statements[0] && verbOf(statements[0])).toBe('initialized');
    expect(statements.at(-1) && verbOf(statements.at(-1) as Statement)).toBe('terminated');
  });

  it('reports the course score scaled 0–1 with raw, min, max, success and an ISO 8601 duration', async () => {
    const failed = (await statementsOf('failed')).find((s) => verbOf(s) === 'failed' && objectId(s) === ROOT);
    expect(failed?.result).toMatchObject({ success: false, score: { scaled: 0.4, raw: 40, min: 0, max: 100 } });
    expect(failed?.result?.duration).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$/);
  });

  it('sends each answer as a cmi.interaction with choices, pattern and `[,]`-delimited response', async () => {
    const statements = await statementsOf('passed');
    const answered = statements.filter((s) => verbOf(s) === 'answered');
    expect(answered).toHaveLength(QUESTIONS.length);
    const multi = answered.find((s) => objectId(s).endsWith('/questions/multi'));
    expect(multi?.object).toMatchObject({
      id: `${IRI}/activities/enjeux-quiz/questions/multi`,
      definition: {
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        interactionType: 'choice',
        correctResponsesPattern: ['a'],
        choices: [{ id: 'a', description: { fr: 'La performance économique et l’intérêt général' } }, { id: 'b' }],
      },
    });
    expect(multi?.result).toEqual({ response: 'a[,]b', success: false, score: { scaled: 0.5, raw: 1, min: 0, max: 2 }, duration: 'PT12.34S' });
    expect(multi?.context?.contextActivities?.parent?.[0]?.id).toBe(`${IRI}/activities/enjeux-quiz`);
    expect(multi?.context?.contextActivities?.grouping?.map((a) => a.id)).toEqual([`${IRI}/steps/enjeux`, ROOT]);
    const tf = answered.find((s) => objectId(s).endsWith('/questions/tf'));
    expect(tf?.object).toMatchObject({ definition: { interactionType: 'true-false', correctResponsesPattern: ['false'] } });
    expect(tf?.result?.response).toBe('true');
    const match = answered.find((s) => objectId(s).endsWith('/questions/match'));
    expect(match?.result?.response).toBe('a[.]1[,]b[.]2');
    const free = answered.find((s) => objectId(s).endsWith('/questions/free'));
    expect(free?.result).not.toHaveProperty('success');
    expect(free?.object).not.toHaveProperty('definition.correctResponsesPattern');
  });

  it('completes the step with the course as parent', async () => {
    const statements = await statementsOf('passed');
    const step = statements.filter((s) => objectId(s) === `${IRI}/steps/enjeux`);
    expect(step.map(verbOf)).toEqual(['completed', 'passed']);
    expect(step[0]?.context?.contextActivities?.parent?.[0]?.id).toBe(ROOT);
  });

  it('follows the xAPI Video Profile: one session, required extensions, completion threshold', async () => {
    const statements = await statementsOf('passed');
    const video = statements.filter((s) => objectId(s) === `${IRI}/activities/enjeux-video`);
    // Still playing when the course ends: the profile wants `paused` before `terminated`.
    expect(video.map(verbOf)).toEqual(['initialized', 'played', 'seeked', 'paused', 'played', 'completed', 'paused', 'terminated']);
    const sessionId = video[0]?.id;
    const X = 'https://w3id.org/xapi/video/extensions/';
    for (const s of video) {
      expect(s.context?.extensions?.[X + 'session-id']).toBe(sessionId);
      expect(s.context?.extensions?.[X + 'completion-threshold']).toBe(0.9);
      expect(s.context?.extensions?.[X + 'length']).toBe(95.2);
      expect(s.context?.contextActivities?.category?.[0]?.id).toBe('https://w3id.org/xapi/video');
      expect(s.object).toMatchObject({ definition: { type: 'https://w3id.org/xapi/video/activity-type/video' } });
    }
    const [, played, seeked, paused, , completed] = video;
    expect(played?.result?.extensions).toEqual({ [X + 'time']: 0 });
    expect(seeked?.result?.extensions).toMatchObject({ [X + 'time-from']: 12, [X + 'time-to']: 14 });
    expect(paused?.result?.extensions).toEqual({ [X + 'time']: 12.346, [X + 'progress']: 0.42, [X + 'played-segments']: '0.000[.]12.000[,]14.000[.]40.000' });
    expect(completed?.result).toMatchObject({ completion: true, duration: 'PT1M30S', extensions: { [X + 'progress']: 0.95 } });
  });

  it('sends nothing twice on a relaunch: completion and success already reported stay reported', async () => {
    const { adapter, lrs } = adapterWithFakeLrs();
    await playCourse(adapter, 'passed');
    await vi.waitFor(() => expect(lrs.statements.some((s) => verbOf(s) === 'terminated' && objectId(s) === ROOT)).toBe(true), POLL);
    await vi.waitFor(() => expect(lrs.documents.size).toBe(1), POLL);
    const before = lrs.statements.length;
    const relaunched = xapiAdapterOn(lrs, course, LAUNCH);
    const info = await relaunched.start();
    expect(info.savedState).toBeNull(); // the core never saved one in this test
    relaunched.recordObjective({ id: 'enjeux', status: 'passed', scorePercent: 85 });
    relaunched.setProgress({ completion: 'completed', success: 'passed', scorePercent: 85, progress: 1 });
    relaunched.finish('leave');
    await vi.waitFor(() => expect(lrs.statements.length).toBe(before + 2), POLL);
    expect(lrs.statements.slice(before).map(verbOf)).toEqual(['initialized', 'terminated']);
  });
});
