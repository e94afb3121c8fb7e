/**
 * Ids named after built-in object properties (`constructor`, `toString`, `valueOf`…) are only
 * names, from the course folder to the learner's state: random courses whose every id is such a
 * name load, render their runtime data and quiz weights, and the runtime's state of every
 * activity kind survives the codec, is read back by the activity modules and counts in progress.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/load/index.js';
import { runtimeCourseOf } from '../../../src/package/state-budget.js';
import { activityModuleFor } from '../../../src/runtime/activities/index.js';
import { createScorm12Adapter } from '../../../src/runtime/adapters/scorm12.js';
import { evaluateCourse } from '../../../src/runtime/core/progress.js';
import type { RuntimeActivity } from '../../../src/shared/course-data.js';
import { emptyLearnerState, type LearnerState } from '../../../src/shared/learner-state.js';
import { own, record, setOwn } from '../../../src/shared/records.js';
import { decodeState, encodeState } from '../../../src/shared/state-codec.js';

/** The names a course may use as ids (an id starts with a letter: `__proto__` is refused, see below). */
const NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];
const names = fc.shuffledSubarray(NAMES, { minLength: NAMES.length, maxLength: NAMES.length });

const work = await mkdtemp(path.join(os.tmpdir(), 'parcours-prototype-ids-'));
afterAll(() => rm(work, { recursive: true, force: true }));

let folders = 0;
/** A course folder: step ids then activity ids from `ids` (one namespace), questions, choices and fields from the others. */
async function writeCourse(ids: string[], inner: string[], weight: number): Promise<string> {
  const dir = path.join(work, `course-${folders++}`);
  await mkdir(path.join(dir, 'steps'), { recursive: true });
  const [step1, step2, quiz1, tool, quiz2, sheet, video] = ids as [string, string, string, string, string, string, string];
  const [a, b, c] = inner as [string, string, string];
  await writeFile(
    path.join(dir, 'course.yaml'),
    `id: ${step1}\ntitle: T\nlanguage: en\ndescription: D\ncompletion: [visited, quizzes-attempted]\n` +
      `scoring:\n  weights:\n    ${quiz1}: ${weight}\nsteps:\n  - steps/1.yaml\n  - steps/2.yaml\n`,
  );
  await writeFile(
    path.join(dir, 'steps/1.yaml'),
    `id: ${step1}\ntitle: S\nduration: 1 min\nactivities:\n` +
      `  - kind: quiz\n    id: ${quiz1}\n    title: Q\n    questions:\n` +
      `      - { id: ${a}, type: single-choice, prompt: P, explanation: E, choices: [{ id: ${b}, text: B, correct: true }, { id: ${c}, text: C }] }\n` +
      `      - { id: ${b}, type: true-false, prompt: P, explanation: E, answer: true }\n` +
      `  - kind: tool\n    id: ${tool}\n    title: T\n    instructions: I\n    fields:\n` +
      `      - { id: ${a}, type: text, label: L }\n` +
      `      - { id: ${b}, type: checklist, label: L, items: [{ id: ${c}, label: C }, { id: ${a}, label: A }] }\n`,
  );
  await writeFile(
    path.join(dir, 'steps/2.yaml'),
    `id: ${step2}\ntitle: S\nduration: 1 min\nactivities:\n` +
      `  - kind: quiz\n    id: ${quiz2}\n    title: Q\n    questions:\n      - { id: ${c}, type: true-false, prompt: P, explanation: E, answer: false }\n` +
      `  - kind: sheet\n    id: ${sheet}\n    title: S\n    body: B\n` +
      `  - kind: video\n    id: ${video}\n    title: V\n    url: https://youtu.be/dQw4w9WgXcQ\n    captions: []\n`,
  );
  return dir;
}

describe('ids named after object properties', () => {
  it('load, render and run: state round trip, what each activity reads back, progress and weights', async () => {
    await fc.assert(
      fc.asyncProperty(names, names, fc.integer({ min: 1, max: 5 }), async (ids, inner, weight) => {
        const loaded = await loadCourse(await writeCourse(ids, inner, weight));
        expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const runtime = runtimeCourseOf(loaded.course!);
        const [, , quiz1, tool, quiz2, sheet, video] = ids as [string, string, string, string, string, string, string];
        const [a, b, c] = inner as [string, string, string];
        const activities = new Map<string, RuntimeActivity>(runtime.steps.flatMap((s) => s.activities.map((x) => [x.id, x])));
        const quiz = activities.get(quiz1);
        expect(quiz?.kind === 'quiz' && quiz.weight).toBe(weight);
        // A quiz the weights do not name weighs its questions, never an inherited property.
        const other = activities.get(quiz2);
        expect(other?.kind === 'quiz' && other.weight).toBe(1);

        const state: LearnerState = emptyLearnerState();
        state.visited.push(quiz1, tool, sheet);
        const answers = record<string[]>();
        setOwn(answers, a, [b]);
        setOwn(answers, b, ['true']);
        setOwn(state.quizzes, quiz1, { attempts: 1, score: 100, best: 100, passed: true, answers, submitted: true });
        const fields = record<string | string[]>();
        setOwn(fields, a, 'typed');
        setOwn(fields, b, [c, a]);
        setOwn(state.tools, tool, fields);
        setOwn(state.videos, video, { segments: [[0, 5]], position: 5 });
        const decoded = decodeState(encodeState(state, runtime), runtime);
        expect(decoded).toEqual(state);
        expect(own(own(decoded.tools, tool)!, a)).toBe('typed');
        expect(own(own(decoded.quizzes, quiz1)!.answers, a)).toEqual([b]);

        const isDone = (x: RuntimeActivity, s: LearnerState) => !!activityModuleFor(x)?.isDone(x, s);
        const evaluation = evaluateCourse(runtime, decoded, isDone);
        expect(Object.entries(evaluation.activities).sort()).toEqual(
          [
            [quiz1, 'done'],
            [tool, 'done'],
            [quiz2, 'todo'],
            [sheet, 'done'],
            [video, 'todo'],
          ].sort(),
        );
        // Only the first quiz was taken: its weight against the second's one point.
        expect(evaluation.progress.scorePercent).toBe(Math.round((100 * weight) / (weight + 1)));
      }),
      { numRuns: 20 },
    );
  });

  it('a state of `__proto__` ids (no course can have them, an LMS can send them) stays data', () => {
    const runtimeCourse = {
      id: '__proto__',
      title: 'T',
      version: '1',
      language: 'en' as const,
      passingScore: 80,
      graded: true,
      steps: [
        {
          id: '__proto__',
          title: 'S',
          activities: [
            {
              kind: 'quiz' as const,
              id: '__proto__',
              title: 'Q',
              passingScore: 80,
              attempts: 0,
              shuffle: false,
              questions: [{ id: '__proto__', type: 'true-false', weight: 1, promptText: '', choices: ['true', 'false'].map((id) => ({ id, correct: id === 'true', text: '' })) }],
            },
          ],
        },
      ],
    };
    const state = emptyLearnerState();
    const answers = record<string[]>();
    setOwn(answers, '__proto__', ['true']);
    setOwn(state.quizzes, '__proto__', { attempts: 1, score: 100, best: 100, passed: true, answers, submitted: true });
    const decoded = decodeState(encodeState(state, runtimeCourse), runtimeCourse);
    expect(Object.getPrototypeOf(decoded.quizzes)).toBe(null);
    expect(own(decoded.quizzes, '__proto__')?.answers).toEqual(answers);
    const evaluation = evaluateCourse(runtimeCourse, decoded, (x, s) => !!activityModuleFor(x)?.isDone(x, s));
    expect(evaluation.progress).toMatchObject({ scorePercent: 100, success: 'passed' });
  });

  it.each(['constructor', 'toString', '__proto__'])('a SCORM 1.2 lesson_status of `%s` from the LMS is no status: the attempt is still marked begun', async (value) => {
    const set = new Map<string, string>();
    const lms = {
      LMSInitialize: () => 'true',
      LMSFinish: () => 'true',
      LMSCommit: () => 'true',
      LMSGetValue: (element: string) => (element === 'cmi.core.lesson_status' ? value : ''),
      LMSSetValue: (element: string, v: string) => (set.set(element, v), 'true'),
      LMSGetLastError: () => '0',
      LMSGetErrorString: () => '',
      LMSGetDiagnostic: () => '',
    };
    const adapter = createScorm12Adapter(lms, { warn: () => {} });
    await adapter.start();
    expect(set.get('cmi.core.lesson_status')).toBe('incomplete');
    adapter.setProgress({ completion: 'completed', progress: 1, status: 'completed' });
    expect(set.get('cmi.core.lesson_status')).toBe('completed');
  });
});
