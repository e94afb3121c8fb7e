/**
 * xAPI interaction definitions and results of every question type, as the TinCan adapter
 * sends them: valid per @learninglocker/xapi-validation, with the xAPI 1.0.3 components
 * (matching source/target, sequencing choices, likert scale) and response formats
 * (`[,]`, `[.]`, numeric `min[:]max`).
 */
import type { Statement } from '@xapi/xapi';
import { describe, expect, it, vi } from 'vitest';
import type { InteractionRecord } from '../../../src/runtime/adapters/lms-adapter.js';
import type { RuntimeCourse } from '../../../src/shared/course-data.js';
import { fakeLrsFetch, xapiAdapterOn } from './fake-lrs.js';
import { validateStatement } from '../../support/xapi-validation.js';
import { POLL } from '../../support/timeouts.js';

const ROOT = 'https://lms.example.org/activities/types';
const course: RuntimeCourse = {
  id: 'types',
  title: 'Types',
  version: '1.0.0',
  language: 'fr',
  passingScore: 50,
  graded: true,
  steps: [{ id: 'step', title: 'Step', activities: [{ kind: 'quiz', id: 'quiz', title: 'Quiz', passingScore: 50, attempts: 0, shuffle: false, questions: [] }] }],
};

function record(questionId: string, overrides: Partial<InteractionRecord>): InteractionRecord {
  return {
    id: `quiz.${questionId}`,
    quizId: 'quiz',
    questionId,
    objectiveId: 'step',
    type: questionId,
    interactionType: 'choice',
    response: [],
    correct: [],
    choices: [],
    description: `Question ${questionId}`,
    result: 'correct',
    scoreShare: 1,
    weight: 1,
    latencyMs: 3_000,
    timestamp: new Date('2026-11-26T10:00:00Z'),
    ...overrides,
  };
}

const RECORDS = [
  record('matching', {
    interactionType: 'matching',
    choices: [
      { id: 'mairie', text: 'La mairie' },
      { id: 'asso', text: 'L’association' },
    ],
    targets: [
      { id: 'a', text: 'Financeur' },
      { id: 'b', text: 'Opérateur' },
      { id: 'c', text: 'Observateur' },
    ],
    response: ['mairie.a', 'asso.c'],
    correct: ['mairie.a', 'asso.b'],
    result: 'wrong',
    scoreShare: 0.5,
  }),
  record('ordering', {
    interactionType: 'sequencing',
    choices: [
      { id: 'diagnostic', text: 'Diagnostic' },
      { id: 'convention', text: 'Convention' },
      { id: 'bilan', text: 'Bilan' },
    ],
    response: ['convention', 'diagnostic', 'bilan'],
    correct: ['diagnostic', 'convention', 'bilan'],
    result: 'wrong',
    scoreShare: 0.5,
  }),
  record('fill-in', { interactionType: 'fill-in', response: ['Convention', ''], correct: ['convention', 'deux'], result: 'wrong', scoreShare: 0.5 }),
  record('fill-in-case', { interactionType: 'fill-in', response: ['ESS'], correct: ['ESS'], caseSensitive: true }),
  record('numeric', { interactionType: 'numeric', response: ['42.5'], correct: ['35', '45'] }),
  record('likert', {
    interactionType: 'likert',
    choices: [
      { id: 'a', text: 'Pas utile' },
      { id: 'b', text: 'Utile' },
    ],
    response: ['b'],
    result: 'neutral',
    scoreShare: 0,
    weight: 0,
  }),
];

async function answered(): Promise<Map<string, Statement>> {
  const lrs = fakeLrsFetch();
  const adapter = xapiAdapterOn(lrs, course, {
    actor: { objectType: 'Agent', name: 'Camille Martin', mbox: 'mailto:camille@example.org' },
    activityId: ROOT,
  });
  await adapter.start();
  for (const r of RECORDS) adapter.recordInteraction(r);
  adapter.finish('leave');
  await vi.waitFor(() => expect(lrs.statements.filter((s) => s.verb.id.endsWith('/answered'))).toHaveLength(RECORDS.length), POLL);
  return new Map(lrs.statements.filter((s) => s.verb.id.endsWith('/answered')).map((s) => [(s.object as { id: string }).id.split('/').pop()!, s]));
}

describe('xAPI statements of the question types', () => {
  it('are valid per xapi-validation', async () => {
    for (const [id, statement] of await answered()) {
      expect({ id, problems: validateStatement(statement).map((p) => `${p.path.join('.')}: ${p.typeName ?? p.message}`) }).toEqual({ id, problems: [] });
    }
  });

  it('carry each type’s components, pattern and response format', async () => {
    const s = await answered();
    const definition = (id: string) => (s.get(id)!.object as unknown as { definition: Record<string, unknown> }).definition;
    expect(definition('matching')).toMatchObject({
      interactionType: 'matching',
      source: [{ id: 'mairie', description: { fr: 'La mairie' } }, { id: 'asso' }],
      target: [{ id: 'a', description: { fr: 'Financeur' } }, { id: 'b' }, { id: 'c' }],
      correctResponsesPattern: ['mairie[.]a[,]asso[.]b'],
    });
    expect(s.get('matching')!.result).toMatchObject({ response: 'mairie[.]a[,]asso[.]c', success: false, score: { scaled: 0.5 } });
    expect(definition('ordering')).toMatchObject({
      interactionType: 'sequencing',
      choices: [{ id: 'diagnostic' }, { id: 'convention' }, { id: 'bilan' }],
      correctResponsesPattern: ['diagnostic[,]convention[,]bilan'],
    });
    expect(s.get('ordering')!.result?.response).toBe('convention[,]diagnostic[,]bilan');
    expect(definition('fill-in')).toMatchObject({ interactionType: 'fill-in', correctResponsesPattern: ['convention[,]deux'] });
    expect(s.get('fill-in')!.result?.response).toBe('Convention[,]');
    // A case-sensitive question says so; without the parameter xAPI patterns ignore case.
    expect(definition('fill-in-case')).toMatchObject({ interactionType: 'fill-in', correctResponsesPattern: ['{case_matters=true}ESS'] });
    expect(s.get('fill-in-case')!.result?.response).toBe('ESS');
    expect(definition('numeric')).toMatchObject({ interactionType: 'numeric', correctResponsesPattern: ['35[:]45'] });
    expect(s.get('numeric')!.result).toMatchObject({ response: '42.5', success: true });
    expect(definition('likert')).toMatchObject({ interactionType: 'likert', scale: [{ id: 'a', description: { fr: 'Pas utile' } }, { id: 'b' }] });
    expect(definition('likert')).not.toHaveProperty('correctResponsesPattern');
    expect(s.get('likert')!.result).toEqual({ response: 'b', duration: 'PT3S' });
  });
});
