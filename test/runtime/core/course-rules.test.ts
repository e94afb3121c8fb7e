/**
 * Course rules in the runtime core: the author's completion criteria, quiz weights in the
 * course score, and the single status (SCORM 1.2) in the words of `reportStatusAs`.
 */
import { describe, expect, it } from 'vitest';
import { activityModuleFor } from '../../../src/runtime/activities/index.js';
import { evaluateCourse, meetsCompletion, quizzesScore, singleStatus, toolCompleted } from '../../../src/runtime/core/progress.js';
import type { CompletionCriterion, ReportStatusAs, RuntimeCourse, RuntimeQuiz, RuntimeTool, ToolCompletion } from '../../../src/shared/course-data.js';
import { emptyLearnerState, type LearnerState } from '../../../src/shared/learner-state.js';

const quiz = (id: string, extra: Partial<RuntimeQuiz> = {}): RuntimeQuiz => ({
  kind: 'quiz',
  id,
  title: id,
  passingScore: 80,
  attempts: 2,
  shuffle: false,
  questions: [{ id: 'q', type: 'single-choice', weight: 1, promptText: '', choices: [] }],
  ...extra,
});

/** One step: a video, a quiz, a sheet, a tool. */
const course = (extra: Partial<RuntimeCourse> = {}, quizzes: RuntimeQuiz[] = [quiz('quiz')]): RuntimeCourse => ({
  id: 'c',
  title: 'c',
  version: '1',
  language: 'en',
  passingScore: 80,
  graded: quizzes.length > 0,
  steps: [
    {
      id: 's',
      title: 's',
      activities: [
        { kind: 'video', id: 'video', title: 'v', threshold: 0.9, source: 'file' },
        ...quizzes,
        { kind: 'sheet', id: 'sheet', title: 's' },
        { kind: 'tool', id: 'tool', title: 't', fields: [] },
      ],
    },
  ],
  ...extra,
});

const isDone = (a: Parameters<typeof activityModuleFor>[0], s: LearnerState) => !!activityModuleFor(a)?.isDone(a, s);
const evaluate = (c: RuntimeCourse, s: LearnerState) => evaluateCourse(c, s, isDone).progress;

function stateWith(options: { visited?: string[]; watched?: boolean; quiz?: { attempts: number; best: number; passed: boolean } }): LearnerState {
  const state = emptyLearnerState();
  state.visited.push(...(options.visited ?? []));
  if (options.watched) state.videos.video = { segments: [[0, 60]], position: 60, watched: true };
  if (options.quiz) state.quizzes.quiz = { ...options.quiz, score: options.quiz.best, answers: {}, submitted: true };
  return state;
}

const everything = ['video', 'quiz', 'sheet', 'tool'];

describe('what completes a tool', () => {
  const tool = (completeWhen?: ToolCompletion): RuntimeTool => ({
    kind: 'tool',
    id: 'constructor',
    title: 't',
    ...(completeWhen && { completeWhen }),
    fields: [
      { type: 'text', id: 'note', maxLength: 50 },
      { type: 'checklist', id: 'kinds', items: ['a', 'b'] },
      { type: 'text', id: 'aside', maxLength: 50, optional: true },
    ],
  });
  const state = (visited: boolean, values: Record<string, string | string[]> = {}, finished?: string[]): LearnerState => ({
    ...emptyLearnerState(),
    visited: visited ? ['constructor'] : [],
    tools: Object.keys(values).length ? { constructor: values } : {},
    ...(finished && { finished }),
  });

  it('`filled` (the default): every required field answered, a text not blank and a box ticked; optional ones need nothing', () => {
    for (const rule of [undefined, 'filled'] as const) {
      expect(toolCompleted(tool(rule), state(true))).toBe(false);
      expect(toolCompleted(tool(rule), state(true, { note: 'x' }))).toBe(false);
      expect(toolCompleted(tool(rule), state(true, { note: '  \n ', kinds: ['a'] }))).toBe(false);
      expect(toolCompleted(tool(rule), state(true, { note: 'x', kinds: [] }))).toBe(false);
      expect(toolCompleted(tool(rule), state(true, { note: 'x', kinds: ['b'] }))).toBe(true);
    }
    // No required field: opening it is what counts.
    const none: RuntimeTool = { ...tool(), fields: [{ type: 'text', id: 'aside', maxLength: 5, optional: true }] };
    expect(toolCompleted(none, state(false))).toBe(false);
    expect(toolCompleted(none, state(true))).toBe(true);
  });

  it('`opened`: its page opened, fields or not', () => {
    expect(toolCompleted(tool('opened'), state(false))).toBe(false);
    expect(toolCompleted(tool('opened'), state(true))).toBe(true);
  });

  it('`done-button`: the learner declared it finished, fields or not', () => {
    expect(toolCompleted(tool('done-button'), state(true, { note: 'x', kinds: ['a'] }))).toBe(false);
    expect(toolCompleted(tool('done-button'), state(true, {}, ['constructor']))).toBe(true);
  });

  it('is the tool’s status on the page (its activity module’s rule)', () => {
    const c = course();
    c.steps[0]!.activities[3] = tool();
    const evaluation = evaluateCourse(c, state(true, { note: 'x' }), isDone);
    expect(evaluation.activities.constructor).toBe('started');
    expect(evaluateCourse(c, state(true, { note: 'x', kinds: ['a'] }), isDone).activities.constructor).toBe('done');
  });
});

describe('completion criteria', () => {
  it('by default needs every activity opened, the video watched and the quiz passed or out of attempts', () => {
    const c = course();
    expect(evaluate(c, stateWith({ visited: everything })).completion).toBe('incomplete');
    expect(evaluate(c, stateWith({ visited: everything, watched: true })).completion).toBe('incomplete');
    const failedTwice = stateWith({ visited: everything, watched: true, quiz: { attempts: 2, best: 10, passed: false } });
    expect(evaluate(c, failedTwice)).toMatchObject({ completion: 'completed', progress: 1 });
  });

  it('`visited` alone: opening every page completes the course, whatever the video and quiz', () => {
    const c = course({ completion: ['visited'] });
    expect(evaluate(c, stateWith({ visited: ['video', 'quiz', 'sheet'] }))).toMatchObject({ completion: 'incomplete', progress: 0.75 });
    expect(evaluate(c, stateWith({ visited: everything })).completion).toBe('completed');
  });

  it('each criterion concerns its own kind only, and the share done counts the activities concerned', () => {
    const cases: [CompletionCriterion, LearnerState, boolean][] = [
      ['videos-watched', stateWith({ watched: true }), true],
      ['videos-watched', stateWith({ visited: everything }), false],
      ['sheets-opened', stateWith({ visited: ['sheet'] }), true],
      ['sheets-opened', stateWith({ visited: ['video', 'quiz', 'tool'] }), false],
      ['quizzes-attempted', stateWith({ quiz: { attempts: 1, best: 0, passed: false } }), true],
      ['quizzes-attempted', stateWith({ visited: everything }), false],
      ['quizzes-passed', stateWith({ quiz: { attempts: 1, best: 90, passed: true } }), true],
      ['quizzes-passed', stateWith({ quiz: { attempts: 2, best: 10, passed: false } }), false],
      ['quizzes-finished', stateWith({ quiz: { attempts: 2, best: 10, passed: false } }), true],
      ['quizzes-finished', stateWith({ quiz: { attempts: 1, best: 10, passed: false } }), false],
    ];
    for (const [criterion, state, completed] of cases) {
      const progress = evaluate(course({ completion: [criterion] }), state);
      expect(progress, criterion).toMatchObject({ completion: completed ? 'completed' : 'incomplete', progress: completed ? 1 : 0 });
    }
    // An activity no criterion concerns does not count.
    expect(meetsCompletion({ kind: 'tool', id: 'tool', title: 't', fields: [] }, emptyLearnerState(), ['sheets-opened'])).toBeUndefined();
  });

  it('`tools-completed`: every tool completed as its `completeWhen` says; by default too', () => {
    const filled = { ...stateWith({ visited: everything, watched: true, quiz: { attempts: 2, best: 10, passed: false } }) };
    expect(evaluate(course({ completion: ['tools-completed'] }), stateWith({ visited: ['tool'] })).completion).toBe('completed');
    const withField = course();
    (withField.steps[0]!.activities[3] as RuntimeTool).fields = [{ type: 'text', id: 'note', maxLength: 10 }];
    expect(evaluate(withField, filled)).toMatchObject({ completion: 'incomplete', progress: 0.75 });
    filled.tools.tool = { note: 'ok' };
    expect(evaluate(withField, filled)).toMatchObject({ completion: 'completed', progress: 1 });
  });

  it('combines criteria: every one must hold', () => {
    const c = course({ completion: ['sheets-opened', 'quizzes-passed'] });
    expect(evaluate(c, stateWith({ visited: ['sheet'] })).completion).toBe('incomplete');
    expect(evaluate(c, stateWith({ quiz: { attempts: 1, best: 90, passed: true } })).completion).toBe('incomplete');
    expect(evaluate(c, stateWith({ visited: ['sheet'], quiz: { attempts: 1, best: 90, passed: true } })).completion).toBe('completed');
  });
});

describe('quiz weights in the course score', () => {
  const state = (bests: Record<string, number>): LearnerState => {
    const s = emptyLearnerState();
    for (const [id, best] of Object.entries(bests)) s.quizzes[id] = { attempts: 1, score: best, best, passed: best >= 80, answers: {}, submitted: true };
    return s;
  };

  it('weighs each quiz by its own weight, defaulting to the sum of its question weights', () => {
    const a = quiz('a', { weight: 2 });
    const b = quiz('b');
    expect(quizzesScore([a, b], state({ a: 100, b: 40 }))).toBe(80);
    expect(quizzesScore([a, b], state({ b: 40 }))).toBe(13);
  });

  it('leaves a quiz weighing 0 out, and gives no score when every weight is 0', () => {
    const graded = quiz('graded', { weight: 1 });
    const practice = quiz('practice', { weight: 0 });
    expect(quizzesScore([graded, practice], state({ graded: 70, practice: 0 }))).toBe(70);
    expect(quizzesScore([practice], state({ practice: 50 }))).toBeUndefined();
  });
});

describe('single status in the words of reportStatusAs', () => {
  const graded = course({ completion: ['visited'] });
  const done = everything;
  const passed = stateWith({ visited: done, quiz: { attempts: 1, best: 100, passed: true } });
  const passedNotDone = stateWith({ visited: ['quiz'], quiz: { attempts: 1, best: 100, passed: true } });
  const failed = stateWith({ visited: done, quiz: { attempts: 2, best: 0, passed: false } });
  const pending = stateWith({ visited: done, quiz: { attempts: 1, best: 0, passed: false } });

  const table: [ReportStatusAs, LearnerState, string][] = [
    ['passed/failed', passed, 'passed'],
    ['passed/failed', failed, 'failed'],
    ['passed/failed', pending, 'incomplete'],
    ['passed/failed', passedNotDone, 'incomplete'],
    ['passed/incomplete', passed, 'passed'],
    ['passed/incomplete', failed, 'incomplete'],
    ['completed/incomplete', passed, 'completed'],
    ['completed/incomplete', failed, 'incomplete'],
    ['completed/failed', passed, 'completed'],
    ['completed/failed', failed, 'failed'],
    ['completed/failed', passedNotDone, 'incomplete'],
  ];
  it.each(table)('%s: %#', (reportStatusAs, state, expected) => {
    const c = { ...graded, reportStatusAs };
    const progress = evaluate(c, state);
    expect(progress.status).toBe(expected);
    expect(singleStatus(c, progress)).toBe(expected);
  });

  it('defaults to passed/failed with a quiz and completed/incomplete without', () => {
    expect(evaluate(graded, passed).status).toBe('passed');
    expect(evaluate(graded, failed).status).toBe('failed');
    const ungraded = course({ graded: false, completion: ['visited'] }, []);
    expect(evaluate(ungraded, stateWith({ visited: ['video', 'sheet', 'tool'] })).status).toBe('completed');
    expect(evaluate(ungraded, stateWith({ visited: ['video'] })).status).toBe('incomplete');
  });
});
