/**
 * SCORM 1.2 interaction formats of every question type (RTE §3.4.2.7: single characters, the ids
 * themselves when they are one character 0–9 or a–z, else positions 0–9 then a–z; matching
 * `<source>.<target>` pairs; fill-in text; numeric one number), and the readable format (ids,
 * true/false), written through the adapter to scorm-again's Scorm12API (which must raise no
 * error) and checked against Moodle's validators (mod/scorm/datamodels/scorm_12.js, STANDARDS.md §6).
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { InteractionRecord } from '../../../src/runtime/adapters/lms-adapter.js';
import { createScorm12Adapter } from '../../../src/runtime/adapters/scorm12.js';
import { toScorm12Responses } from '../../../src/runtime/adapters/scorm12-format.js';
import { lmsData, newLms, recording } from './scorm12-lms.js';

// Moodle (standard mode): responses and patterns are CMIString256; ids CMIIdentifier; weighting CMIDecimal in −100…100.
const MOODLE = {
  'student_response': /^[\s\S]{0,255}$/,
  'correct_responses.0.pattern': /^[\s\S]{0,255}$/,
  id: /^[\u0021-\u007E]{0,255}$/,
  type: /^true-false$|^choice$|^fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$/,
  weighting: /^-?([0-9]{0,3})(\.[0-9]*)?$/,
  result: /^correct$|^wrong$|^unanticipated$|^neutral$|^([0-9]{0,3})?(\.[0-9]*)?$/,
} as const;

/** The SCORM 1.2 RTE formats by type. */
const SPEC: Record<string, RegExp> = {
  choice: /^[0-9a-z](,[0-9a-z])*$/,
  sequencing: /^[0-9a-z](,[0-9a-z])*$/,
  likert: /^[0-9a-z]$/,
  matching: /^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/,
  numeric: /^-?\d+(\.\d+)?$/,
  'fill-in': /^[^\n]{0,255}$/,
};

const letters = (n: number, prefix = 'o') => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, text: `Option ${i}` }));

function record(overrides: Partial<InteractionRecord>): InteractionRecord {
  return {
    id: 'quiz.q',
    quizId: 'quiz',
    questionId: 'q',
    objectiveId: 'step',
    type: 'x',
    interactionType: 'choice',
    response: [],
    correct: [],
    description: 'Question ?',
    result: 'correct',
    scoreShare: 1,
    weight: 1,
    latencyMs: 4_200,
    timestamp: new Date(2024, 0, 2, 9, 5, 7),
    ...overrides,
  };
}

interface Case {
  name: string;
  record: InteractionRecord;
  type: string;
  response: string;
  pattern: string | null;
  /** Default: the record's result. */
  result?: string;
}

const CASES: Case[] = [
  {
    name: 'matching: source positions, one-character target ids as they are, pairs comma-separated; 2 of 3 pairs right: result 0.67',
    record: record({
      type: 'matching',
      interactionType: 'matching',
      choices: [
        { id: 'mairie', text: 'La mairie' },
        { id: 'asso', text: 'L’association' },
        { id: 'ecole', text: 'L’école' },
      ],
      targets: [
        { id: 'c', text: 'Bénéficiaire' },
        { id: 'a', text: 'Financeur' },
        { id: 'd', text: 'Observateur' },
        { id: 'b', text: 'Opérateur' },
      ],
      response: ['mairie.a', 'asso.d', 'ecole.c'],
      correct: ['mairie.a', 'asso.b', 'ecole.c'],
      result: 'wrong',
      scoreShare: 2 / 3,
    }),
    type: 'matching',
    response: '0.a,1.d,2.c',
    pattern: '0.a,1.b,2.c',
    result: '0.67',
  },
  {
    name: 'matching past the tenth source and target: letters',
    record: record({
      type: 'matching',
      interactionType: 'matching',
      choices: letters(36, 's'),
      targets: letters(36, 't'),
      response: ['s35.t10', 's10.t35'],
      correct: ['s35.t35'],
      result: 'wrong',
    }),
    type: 'matching',
    response: 'z.a,a.z',
    pattern: 'z.z',
  },
  {
    name: 'sequencing: positions in the learner’s order',
    record: record({ type: 'ordering', interactionType: 'sequencing', choices: letters(12), response: ['o11', 'o0', 'o1'], correct: ['o0', 'o1', 'o11'], result: 'wrong' }),
    type: 'sequencing',
    response: 'b,0,1',
    pattern: '0,1,b',
  },
  {
    name: 'likert: one position, no pattern, neutral, weight 0',
    record: record({ type: 'likert', interactionType: 'likert', choices: letters(5), response: ['o3'], correct: [], result: 'neutral', scoreShare: 0, weight: 0 }),
    type: 'likert',
    response: '3',
    pattern: null,
  },
  {
    name: 'fill-in: the blanks’ texts, comma-separated',
    record: record({ type: 'fill-in', interactionType: 'fill-in', choices: [], response: ['Convention', 'trois', 'évaluation'], correct: ['convention', 'deux', 'évaluation'], result: 'wrong' }),
    type: 'fill-in',
    response: 'Convention,trois,évaluation',
    pattern: 'convention,deux,évaluation',
  },
  {
    name: 'fill-in: cut to 255 characters',
    record: record({ type: 'fill-in', interactionType: 'fill-in', choices: [], response: ['x'.repeat(200), 'y'.repeat(100)], correct: ['z'] }),
    type: 'fill-in',
    response: `${'x'.repeat(200)},${'y'.repeat(54)}`,
    pattern: 'z',
  },
  {
    name: 'numeric: the number; the pattern is the middle of the right range',
    record: record({ type: 'numeric', interactionType: 'numeric', choices: [], response: ['42.5'], correct: ['35', '45'] }),
    type: 'numeric',
    response: '42.5',
    pattern: '40',
  },
  {
    name: 'numeric with one right number',
    record: record({ type: 'numeric', interactionType: 'numeric', choices: [], response: ['-0.5'], correct: ['-0.25', '-0.25'], result: 'wrong' }),
    type: 'numeric',
    response: '-0.5',
    pattern: '-0.25',
  },
];

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
});

describe('SCORM 1.2 formats of the question types', () => {
  it.each(CASES)('$name', async ({ record: r, type, response, pattern, result = r.result }) => {
    expect(toScorm12Responses(r)).toEqual({ type, response, pattern, result });
    expect(response).toMatch(SPEC[type]!);
    if (pattern !== null) expect(pattern).toMatch(SPEC[type]!);

    const lms = newLms();
    const { api, calls } = recording(lms);
    const adapter = createScorm12Adapter(api);
    await adapter.start();
    adapter.recordInteraction(r);
    // scorm-again accepted every value…
    const sets = calls.filter((c) => c.method === 'LMSSetValue');
    expect(sets.filter((c) => c.error !== '0').map((c) => `${c.args[0]}=${c.args[1]} → ${c.error}`)).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    const written = lmsData(lms).interactions['0'];
    expect(written).toMatchObject({ type, student_response: response, result });
    if (pattern === null) expect(written.correct_responses?.['0']?.pattern ?? '').toBe('');
    else expect(written.correct_responses['0'].pattern).toBe(pattern);
    // …and so would Moodle.
    for (const call of sets) {
      const field = /^cmi\.interactions\.\d+\.(.+)$/.exec(call.args[0]!)?.[1] as keyof typeof MOODLE | undefined;
      if (field && field in MOODLE) expect(call.args[1], field).toMatch(MOODLE[field]);
    }
  });

  it('writes what a format cannot hold as performance, keeping the answer', () => {
    const unknownTarget = record({ interactionType: 'matching', choices: letters(2, 's'), targets: letters(2, 't'), response: ['s0.t9'], correct: ['s0.t0'] });
    expect(toScorm12Responses(unknownTarget)).toMatchObject({ type: 'performance', response: 's0.t9', pattern: 's0.t0' });
    const tooMany = record({ interactionType: 'sequencing', choices: letters(37), response: ['o36', 'o0'], correct: ['o0', 'o36'] });
    expect(toScorm12Responses(tooMany)).toMatchObject({ type: 'performance', response: 'o36,o0', pattern: 'o0,o36' });
  });
});
