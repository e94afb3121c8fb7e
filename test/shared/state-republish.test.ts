/**
 * Format p2 names activities and questions by references to their ids: a state saved for one
 * version of a course, read by the next, keeps what still matches and drops the rest.
 */
import { describe, expect, it } from 'vitest';
import type { RuntimeCourse, RuntimeQuestion, RuntimeQuiz } from '../../src/shared/course-data.js';
import type { LearnerState } from '../../src/shared/learner-state.js';
import { decodeState, encodeState } from '../../src/shared/state-codec.js';

const choice = (id: string) => ({ id, correct: id === 'a', text: id });
const q = (id: string, choices = ['a', 'b', 'c']): RuntimeQuestion => ({ id, type: 'multiple-choice', weight: 1, promptText: '', choices: choices.map(choice) });
const quiz = (questions: RuntimeQuestion[]): RuntimeQuiz => ({ kind: 'quiz', id: 'quiz', title: 'q', passingScore: 80, attempts: 2, shuffle: false, draw: 3, questions });

function course(questions: RuntimeQuestion[], extra: string[] = []): RuntimeCourse {
  return {
    id: 'c',
    title: 'c',
    version: '1',
    language: 'fr',
    passingScore: 80,
    graded: true,
    steps: [
      {
        id: 'step',
        title: 's',
        activities: [
          ...extra.map((id) => ({ kind: 'sheet' as const, id, title: id })),
          { kind: 'sheet', id: 'sheet', title: 's' },
          quiz(questions),
          {
            kind: 'quiz',
            id: 'typed',
            title: 't',
            passingScore: 80,
            attempts: 0,
            shuffle: false,
            questions: [
              { id: 'blanks', type: 'fill-in', weight: 1, promptText: '', choices: [], blanks: [['x'], ['y']] },
              { id: 'pairs', type: 'matching', weight: 1, promptText: '', choices: [], sources: [{ id: 's1', text: '', match: 't1' }, { id: 's2', text: '', match: 't2' }], targets: [{ id: 't1', text: '' }, { id: 't2', text: '' }] },
            ],
          },
        ],
      },
    ],
  };
}

const published = course([q('kept'), q('renamed'), q('reworded', ['a', 'b', 'c']), q('removed')]);
const state: LearnerState = {
  location: 'step/quiz',
  visited: ['sheet', 'quiz'],
  videos: {},
  quizzes: {
    quiz: {
      attempts: 1,
      score: 50,
      best: 50,
      passed: false,
      answers: { kept: ['a', 'c'], renamed: ['b'], reworded: ['c'], removed: ['a'] },
      submitted: false,
      order: ['kept', 'reworded', 'removed'],
    },
    typed: { attempts: 0, score: null, best: null, passed: false, answers: { blanks: ['x | y', ''], pairs: ['s2.t1'] }, submitted: false },
  },
  tools: {},
};

describe('a state read by a republished course', () => {
  it('reads back whole by the same course', () => {
    expect(decodeState(encodeState(state, published), published)).toEqual(state);
  });

  it('keeps the questions, answers, pool set and visits that still match, drops the rest', () => {
    // `renamed` got a new id, `reworded` a new choice, `removed` is gone; a sheet was added before.
    const next = course([q('kept'), q('new-name'), q('reworded', ['a', 'b', 'c', 'd'])], ['intro']);
    const decoded = decodeState(encodeState(state, published), next);
    expect(decoded.visited).toEqual(['sheet', 'quiz']);
    expect(decoded.quizzes.quiz).toMatchObject({ attempts: 1, score: 50, answers: { kept: ['a', 'c'] }, order: ['kept'] });
    expect(Object.keys(decoded.quizzes.quiz!.answers)).toEqual(['kept']);
    // Typed answers stay in place though the quiz before them changed.
    expect(decoded.quizzes.typed!.answers).toEqual({ blanks: ['x | y', ''], pairs: ['s2.t1'] });
  });

  it('drops the answers of a quiz whose options moved rather than reading them at the wrong positions', () => {
    const reordered = course([q('kept', ['c', 'b', 'a']), q('renamed'), q('reworded'), q('removed')]);
    const decoded = decodeState(encodeState(state, published), reordered);
    expect(decoded.quizzes.quiz!.answers.kept).toBeUndefined();
    expect(decoded.quizzes.quiz!.answers.renamed).toEqual(['b']);
  });
});
