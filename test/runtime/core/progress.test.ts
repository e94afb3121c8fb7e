import { describe, expect, it } from 'vitest';
import { activityModuleFor } from '../../../src/runtime/activities/index.js';
import { evaluateCourse } from '../../../src/runtime/core/progress.js';
import type { RuntimeCourse, RuntimeQuiz, RuntimeStep } from '../../../src/shared/course-data.js';
import { emptyLearnerState, type LearnerState, type QuizProgress } from '../../../src/shared/learner-state.js';

const quiz = (id: string, attempts = 2, weights = [1]): RuntimeQuiz => ({
  kind: 'quiz',
  id,
  title: id,
  passingScore: 80,
  attempts,
  shuffle: false,
  questions: weights.map((weight, i) => ({ id: `q${i}`, type: 'single-choice', weight, promptText: '', choices: [] })),
});

const step = (id: string, withQuiz: RuntimeQuiz | null): RuntimeStep => ({
  id,
  title: id,
  activities: [
    { kind: 'video', id: `${id}-video`, title: 'v', threshold: 0.9, source: 'file' },
    ...(withQuiz ? [withQuiz] : []),
    { kind: 'sheet', id: `${id}-sheet`, title: 's' },
    { kind: 'tool', id: `${id}-tool`, title: 't', fields: [] },
  ],
});

const course = (steps: RuntimeStep[]): RuntimeCourse => ({
  id: 'c',
  title: 'c',
  version: '1.0.0',
  language: 'fr',
  passingScore: 80,
  graded: steps.some((s) => s.activities.some((a) => a.kind === 'quiz')),
  steps,
});

const isDone = (a: Parameters<typeof activityModuleFor>[0], s: LearnerState) => !!activityModuleFor(a)?.isDone(a, s);
const attempt = (best: number, attempts: number, passed = best >= 80): QuizProgress => ({
  attempts,
  score: best,
  best,
  passed,
  answers: {},
  submitted: true,
});
/** Every non-quiz activity of the step done. */
const doRest = (state: LearnerState, id: string) => {
  state.videos[`${id}-video`] = { segments: [[0, 60]], position: 60, watched: true };
  state.visited.push(`${id}-video`, `${id}-sheet`, `${id}-tool`);
};

describe('progress and status', () => {
  it('starts incomplete with nothing reported as passed or failed', () => {
    const c = course([step('s1', quiz('q1')), step('s2', quiz('q2'))]);
    const e = evaluateCourse(c, emptyLearnerState(), isDone);
    expect(e.progress).toEqual({ completion: 'incomplete', progress: 0, status: 'incomplete' });
    expect(e.steps.map((s) => s.status)).toEqual(['todo', 'todo']);
    expect(e.steps[0]!.objective).toEqual({ id: 's1', status: 'incomplete' });
  });

  it('counts a video by its watched flag, sheets and tools once opened', () => {
    const c = course([step('s1', null)]);
    const state = emptyLearnerState();
    state.videos['s1-video'] = { segments: [[0, 10]], position: 10 };
    state.visited.push('s1-video', 's1-sheet');
    const e = evaluateCourse(c, state, isDone);
    expect(e.activities).toEqual({ 's1-video': 'started', 's1-sheet': 'done', 's1-tool': 'todo' });
    expect(e.progress.progress).toBeCloseTo(1 / 3);
  });

  it('completes a step and a course without quiz once everything is done, with no success status', () => {
    const c = course([step('s1', null)]);
    const state = emptyLearnerState();
    doRest(state, 's1');
    const e = evaluateCourse(c, state, isDone);
    expect(e.steps[0]!.objective).toEqual({ id: 's1', status: 'completed' });
    expect(e.progress).toEqual({ completion: 'completed', progress: 1, status: 'completed' });
  });

  it('passes a step with its quiz score once its quiz is passed and the rest done', () => {
    const c = course([step('s1', quiz('q1'))]);
    const state = emptyLearnerState();
    state.quizzes.q1 = attempt(100, 1);
    expect(evaluateCourse(c, state, isDone).steps[0]!.objective).toEqual({ id: 's1', status: 'incomplete', scorePercent: 100 });
    doRest(state, 's1');
    expect(evaluateCourse(c, state, isDone).steps[0]!.objective).toEqual({ id: 's1', status: 'passed', scorePercent: 100 });
  });

  it('fails a step whose quiz is out of attempts, and counts that quiz as done', () => {
    const c = course([step('s1', quiz('q1', 2))]);
    const state = emptyLearnerState();
    doRest(state, 's1');
    state.quizzes.q1 = attempt(50, 1);
    state.visited.push('q1');
    let e = evaluateCourse(c, state, isDone);
    expect(e.activities.q1).toBe('started');
    expect(e.progress.success).toBeUndefined();
    state.quizzes.q1 = attempt(50, 2);
    e = evaluateCourse(c, state, isDone);
    expect(e.activities.q1).toBe('done');
    expect(e.steps[0]!.objective).toEqual({ id: 's1', status: 'failed', scorePercent: 50 });
    expect(e.progress).toMatchObject({ completion: 'completed', success: 'failed', scorePercent: 50 });
  });

  it('never fails a quiz with unlimited attempts', () => {
    const c = course([step('s1', quiz('q1', 0))]);
    const state = emptyLearnerState();
    state.quizzes.q1 = attempt(10, 25);
    state.visited.push('q1');
    const e = evaluateCourse(c, state, isDone);
    expect(e.activities.q1).toBe('started');
    expect(e.progress.success).toBeUndefined();
  });

  it('scores the course as the mean of best quiz scores weighted by question weights, untaken quizzes counting 0', () => {
    const c = course([step('s1', quiz('q1', 2, [1, 1, 1])), step('s2', quiz('q2', 2, [1]))]);
    const state = emptyLearnerState();
    state.quizzes.q1 = attempt(100, 1);
    let e = evaluateCourse(c, state, isDone);
    expect(e.progress.scorePercent).toBe(75);
    expect(e.progress.success).toBeUndefined();
    state.quizzes.q2 = attempt(40, 2, false);
    e = evaluateCourse(c, state, isDone);
    expect(e.progress.scorePercent).toBe(85);
    expect(e.progress.success).toBe('passed');
  });

  it('fails the course once every quiz is settled below the passing score', () => {
    const c = course([step('s1', quiz('q1')), step('s2', quiz('q2'))]);
    const state = emptyLearnerState();
    state.quizzes.q1 = attempt(100, 1);
    state.quizzes.q2 = attempt(20, 1, false);
    expect(evaluateCourse(c, state, isDone).progress.success).toBeUndefined();
    state.quizzes.q2 = attempt(20, 2, false);
    expect(evaluateCourse(c, state, isDone).progress).toMatchObject({ success: 'failed', scorePercent: 60 });
  });

  it('uses the LMS mastery score over the course passing score', () => {
    const c = course([step('s1', quiz('q1'))]);
    const state = emptyLearnerState();
    state.quizzes.q1 = attempt(60, 2, false);
    expect(evaluateCourse(c, state, isDone).progress.success).toBe('failed');
    expect(evaluateCourse(c, state, isDone, 50).progress.success).toBe('passed');
  });
});
