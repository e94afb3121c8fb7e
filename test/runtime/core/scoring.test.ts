import { describe, expect, it } from 'vitest';
import { questionTypeFor, questionTypes } from '../../../src/runtime/activities/questions/index.js';
import { weightedPercent } from '../../../src/runtime/core/scoring.js';
import { seededShuffle } from '../../../src/runtime/core/shuffle.js';
import type { RuntimeQuestion } from '../../../src/shared/course-data.js';

const question = (type: string, correct: string[], ids = ['a', 'b', 'c', 'd']): RuntimeQuestion => ({
  id: 'q',
  type,
  weight: 1,
  promptText: 'Q',
  choices: ids.map((id) => ({ id, correct: correct.includes(id), text: id })),
});

describe('question scoring', () => {
  it('scores a single-choice question 1 only for the correct choice', () => {
    const q = question('single-choice', ['c']);
    const type = questionTypeFor('single-choice')!;
    expect(type.score(q, ['c'])).toBe(1);
    expect(type.score(q, ['a'])).toBe(0);
    expect(type.score(q, [])).toBe(0);
    expect(type.correct(q)).toEqual(['c']);
    expect(type.interactionType).toBe('choice');
  });

  it('scores a multiple-choice question 1 only for all and only the correct choices', () => {
    const q = question('multiple-choice', ['a', 'c']);
    const type = questionTypeFor('multiple-choice')!;
    expect(type.score(q, ['c', 'a'])).toBe(1);
    expect(type.score(q, ['a'])).toBe(0);
    expect(type.score(q, ['a', 'c', 'd'])).toBe(0);
  });

  it('reports true-false questions as true-false interactions', () => {
    const q = question('true-false', ['true'], ['true', 'false']);
    const type = questionTypeFor('true-false')!;
    expect(type.interactionType).toBe('true-false');
    expect(type.score(q, ['true'])).toBe(1);
    expect(type.score(q, ['false'])).toBe(0);
  });

  it('lists each question type once', () => {
    const names = questionTypes.map((t) => t.type);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('quiz score', () => {
  it('is the weighted percent of questions right, rounded', () => {
    expect(weightedPercent([{ share: 1, weight: 1 }, { share: 0, weight: 1 }, { share: 1, weight: 1 }])).toBe(67);
    expect(weightedPercent([{ share: 1, weight: 3 }, { share: 0, weight: 1 }])).toBe(75);
    // Nothing graded (a survey): answering is passing.
    expect(weightedPercent([])).toBe(100);
    expect(weightedPercent([{ share: 0, weight: 0 }])).toBe(100);
  });
});

describe('seeded shuffle', () => {
  it('gives the same order for the same seed and keeps every item', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const first = seededShuffle(items, 'learner|quiz|0');
    expect(seededShuffle(items, 'learner|quiz|0')).toEqual(first);
    expect([...first].sort()).toEqual(items);
  });

  it('gives other orders for other seeds', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const orders = new Set(['0', '1', '2', '3', '4'].map((s) => seededShuffle(items, s).join('')));
    expect(orders.size).toBeGreaterThan(1);
  });
});
