/**
 * The quiz and course rules as the loader reads them from test/fixtures/valid/rules, and as
 * the build hands them to the runtime (RuntimeCourse).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import type { ChoiceQuestion, Course, QuizActivity } from '../../src/model/course.js';
import { applyBuildOptions, resolveBuildOptions } from '../../src/options.js';
import { runtimeCourseOf } from '../../src/package/state-budget.js';
import type { RuntimeQuiz } from '../../src/shared/course-data.js';

let course: Course;
const quiz = (c: Course, id: string) => c.steps.flatMap((s) => s.activities).find((a) => a.id === id) as QuizActivity;

beforeAll(async () => {
  const loaded = await loadCourse(path.resolve('test/fixtures/valid/rules'));
  expect(loaded.diagnostics).toEqual([]);
  course = loaded.course!;
});

describe('quiz and course rules in the model', () => {
  it('reads the completion rule and the quiz weights, and leaves the status pair to the build', () => {
    expect(course.completion).toEqual(['visited', 'quizzes-attempted']);
    expect(course.quizWeights).toEqual({ 'pool-quiz': 3, 'practice-quiz': 0 });
    expect(course.reportStatusAs).toBeUndefined();
  });

  it('reads a pool, showCorrectAnswers and the quiz feedback, with their places', () => {
    const pool = quiz(course, 'pool-quiz');
    expect(pool.draw).toBe(2);
    expect(pool.showCorrectAnswers).toBe('never');
    expect(pool.feedback?.passed).toMatchObject({ source: 'Well done, you know them all.', loc: { file: 'steps/01-pool.yaml', line: 17 } });
    expect(Object.keys(pool.feedback!)).toEqual(['passed', 'retry', 'failed']);
    expect(quiz(course, 'practice-quiz').showCorrectAnswers).toBe('always');
  });

  it('reads result feedback and partial credit', () => {
    const [first] = quiz(course, 'pool-quiz').questions;
    expect(first!.resultFeedback).toMatchObject({ correct: { source: 'Right, statement one holds.' }, wrong: { source: 'No, statement one holds.' } });
    expect(first!.resultFeedback?.partlyCorrect).toBeUndefined();
    const colours = quiz(course, 'practice-quiz').questions[0] as ChoiceQuestion;
    expect(colours.partialCredit).toBe(true);
    expect(Object.keys(colours.resultFeedback!)).toEqual(['correct', 'partlyCorrect', 'wrong']);
  });

  it('applies the defaults when the rules are not written', async () => {
    const minimal = (await loadCourse(path.resolve('test/fixtures/valid/minimal'))).course!;
    expect(minimal.completion).toEqual(['visited', 'videos-watched', 'quizzes-finished', 'tools-completed']);
    expect(minimal.quizWeights).toEqual({});
    const q = minimal.steps.flatMap((s) => s.activities).find((a): a is QuizActivity => a.kind === 'quiz')!;
    expect(q.draw).toBeUndefined();
    expect(q.showCorrectAnswers).toBe('after-last-attempt');
    expect(q.feedback).toEqual({});
  });
});

describe('quiz and course rules in the runtime data', () => {
  it('carries the rule, the status pair in force, each quiz weight, pool and answer setting, and partial credit', () => {
    const built = applyBuildOptions(course, resolveBuildOptions({ reportStatusAs: 'completed/failed' }, course));
    const runtime = runtimeCourseOf(built);
    expect(runtime).toMatchObject({ completion: ['visited', 'quizzes-attempted'], reportStatusAs: 'completed/failed', graded: true });
    const quizzes = runtime.steps.flatMap((s) => s.activities).filter((a): a is RuntimeQuiz => a.kind === 'quiz');
    expect(quizzes.map((q) => [q.id, q.weight, q.draw, q.showCorrectAnswers])).toEqual([
      ['pool-quiz', 3, 2, 'never'],
      ['practice-quiz', 0, undefined, 'always'],
    ]);
    expect(quizzes[1]!.questions[0]!.partialCredit).toBe(true);
  });

  it('weighs a quiz without a weight by its questions, counting a pool’s draw, and a course of weightless quizzes has nothing to pass', () => {
    const unweighted = runtimeCourseOf({ ...course, quizWeights: {} });
    const [pool, practice] = unweighted.steps.flatMap((s) => s.activities).filter((a): a is RuntimeQuiz => a.kind === 'quiz');
    // Four questions of weight 1, two drawn.
    expect(pool!.weight).toBe(2);
    expect(practice!.weight).toBe(1);
    const weightless = runtimeCourseOf({ ...course, quizWeights: { 'pool-quiz': 0, 'practice-quiz': 0 } });
    expect(weightless.graded).toBe(false);
  });
});
