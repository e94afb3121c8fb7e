/**
 * Scoring and correct responses of the question types with parts (pure functions of the
 * runtime modules), including partial credit.
 */
import { describe, expect, it } from 'vitest';
import type { RuntimeQuestion } from '../../../src/shared/course-data.js';
import { matching } from '../../../src/runtime/activities/questions/matching.js';
import { ordering, orderingShare } from '../../../src/runtime/activities/questions/ordering.js';
import { blankRight, fillIn, normalizeAnswer } from '../../../src/runtime/activities/questions/fill-in.js';
import { numeric, parseNumber } from '../../../src/runtime/activities/questions/numeric.js';
import { likert } from '../../../src/runtime/activities/questions/likert.js';
import { questionTypes } from '../../../src/runtime/activities/questions/index.js';

const base = { weight: 1, promptText: '?', choices: [] as RuntimeQuestion['choices'] };

describe('matching', () => {
  const q: RuntimeQuestion = {
    ...base,
    id: 'roles',
    type: 'matching',
    sources: [
      { id: 'mairie', text: 'La mairie', match: 'a' },
      { id: 'asso', text: 'L’association', match: 'b' },
      { id: 'region', text: 'La région', match: 'a' },
    ],
    targets: [
      { id: 'b', text: 'Opérateur' },
      { id: 'a', text: 'Financeur' },
      { id: 'c', text: 'Observateur' },
    ],
  };
  it('gives the share of sources matched right', () => {
    expect(matching.correct(q)).toEqual(['mairie.a', 'asso.b', 'region.a']);
    expect(matching.score(q, ['mairie.a', 'asso.b', 'region.a'])).toBe(1);
    expect(matching.score(q, ['asso.b', 'region.a', 'mairie.a'])).toBe(1);
    expect(matching.score(q, ['mairie.a', 'asso.c', 'region.b'])).toBeCloseTo(1 / 3);
    expect(matching.score(q, ['mairie.a'])).toBeCloseTo(1 / 3);
    expect(matching.score(q, [])).toBe(0);
    expect(matching.interactionType).toBe('matching');
  });
});

describe('ordering', () => {
  const q: RuntimeQuestion = { ...base, id: 'etapes', type: 'ordering', choices: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, text: id.toUpperCase(), correct: true })) };
  it('gives (k − 1) / (n − 1) for the longest run in the right relative order', () => {
    expect(ordering.correct(q)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(orderingShare(q, ['a', 'b', 'c', 'd', 'e'])).toBe(1);
    expect(orderingShare(q, ['e', 'd', 'c', 'b', 'a'])).toBe(0);
    // One item moved from first to last: four still in order.
    expect(orderingShare(q, ['b', 'c', 'd', 'e', 'a'])).toBe(3 / 4);
    expect(orderingShare(q, ['a', 'c', 'b', 'd', 'e'])).toBe(3 / 4);
    expect(orderingShare(q, ['b', 'a', 'd', 'c', 'e'])).toBe(2 / 4);
    expect(orderingShare(q, [])).toBe(0);
    expect(orderingShare(q, ['a', 'zz', 'b'])).toBe(1 / 4);
    const two: RuntimeQuestion = { ...q, choices: q.choices.slice(0, 2) };
    expect(orderingShare(two, ['b', 'a'])).toBe(0);
    expect(orderingShare(two, ['a', 'b'])).toBe(1);
    expect(ordering.interactionType).toBe('sequencing');
  });
});

describe('fill-in', () => {
  const q: RuntimeQuestion = { ...base, id: 'conv', type: 'fill-in', blanks: [['convention', 'convention de partenariat'], ['deux', '2'], ['Évaluation']] };
  it('ignores case, accents, outer spaces and repeated spaces by default', () => {
    expect(blankRight(q, 2, 'evaluation')).toBe(true);
    expect(blankRight(q, 2, '  ÉVALUATION ')).toBe(true);
    expect(blankRight(q, 0, 'Convention  de   partenariat')).toBe(true);
    expect(blankRight(q, 1, '2')).toBe(true);
    expect(blankRight(q, 1, 'trois')).toBe(false);
    expect(blankRight(q, 1, '')).toBe(false);
    expect(blankRight(q, 5, 'x')).toBe(false);
    expect(normalizeAnswer('L’école', q)).toBe("l'ecole");
  });
  it('respects caseSensitive and accentSensitive', () => {
    expect(blankRight({ ...q, caseSensitive: true }, 2, 'évaluation')).toBe(false);
    expect(blankRight({ ...q, caseSensitive: true }, 2, 'Evaluation')).toBe(true);
    expect(blankRight({ ...q, accentSensitive: true }, 2, 'evaluation')).toBe(false);
    expect(blankRight({ ...q, accentSensitive: true }, 2, 'évaluation')).toBe(true);
  });
  it('gives the share of blanks filled right; the first accepted answers are the correct response', () => {
    expect(fillIn.correct(q)).toEqual(['convention', 'deux', 'Évaluation']);
    expect(fillIn.score(q, ['Convention', 'trois', 'evaluation'])).toBeCloseTo(2 / 3);
    expect(fillIn.score(q, ['convention', '2', 'évaluation'])).toBe(1);
    expect(fillIn.score(q, ['', '', 'évaluation'])).toBeCloseTo(1 / 3);
    expect(fillIn.score(q, [])).toBe(0);
  });
});

describe('numeric', () => {
  const q: RuntimeQuestion = { ...base, id: 'budget', type: 'numeric', range: [37.5, 42.5] };
  it('reads numbers as learners type them', () => {
    expect(parseNumber('42')).toBe('42');
    expect(parseNumber(' 42,5 ')).toBe('42.5');
    expect(parseNumber('1 500,25')).toBe('1500.25');
    expect(parseNumber('1\u202f500')).toBe('1500');
    expect(parseNumber('−3')).toBe('-3');
    expect(parseNumber('+3.')).toBe('3');
    expect(parseNumber('.5')).toBe('0.5');
    expect(parseNumber('-,5')).toBe('-0.5');
    expect(parseNumber('4e2')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('1,2,3')).toBeNull();
  });
  it('is right within the range, bounds included', () => {
    expect(numeric.score(q, ['37.5'])).toBe(1);
    expect(numeric.score(q, ['42.5'])).toBe(1);
    expect(numeric.score(q, ['40'])).toBe(1);
    expect(numeric.score(q, ['42.51'])).toBe(0);
    expect(numeric.score(q, ['-40'])).toBe(0);
    expect(numeric.score(q, [])).toBe(0);
    expect(numeric.score({ ...q, range: [0.3, 0.3] }, ['0.3'])).toBe(1);
    expect(numeric.correct(q)).toEqual(['37.5', '42.5']);
    // Never with an exponent: the LMS formats take plain decimals.
    expect(numeric.correct({ ...q, range: [1e-7, 2e21] })).toEqual(['0.0000001', '2000000000000000000000']);
    expect(numeric.correct({ ...q, range: [-0.5, 12] })).toEqual(['-0.5', '12']);
  });
});

describe('likert', () => {
  it('is never scored and has no correct response', () => {
    const q: RuntimeQuestion = { ...base, id: 'ready', type: 'likert', weight: 0, choices: [{ id: 'a', text: 'Non', correct: false }] };
    expect(likert.graded).toBe(false);
    expect(likert.score(q, ['a'])).toBe(0);
    expect(likert.correct(q)).toEqual([]);
    expect(likert.interactionType).toBe('likert');
  });
});

describe('the runtime registry', () => {
  it('lists every type once', () => {
    const types = questionTypes.map((t) => t.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(expect.arrayContaining(['single-choice', 'multiple-choice', 'true-false', 'matching', 'ordering', 'fill-in', 'numeric', 'likert']));
  });
});
