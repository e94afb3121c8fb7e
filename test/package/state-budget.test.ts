import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import type { ChoiceQuestion, Course, QuizActivity, Step, ToolActivity, VideoActivity } from '../../src/model/course.js';
import type { RuntimeCourse } from '../../src/shared/course-data.js';
import { rm } from 'node:fs/promises';
import { checkStateBudget, measureWorstCaseState, runtimeCourseOf, worstCaseState } from '../../src/package/state-budget.js';
import { EVERY_QUESTION_TYPE, writeGeneratedCourse } from '../support/generated-course.js';
import { decodeState, encodeState } from '../../src/shared/state-codec.js';
import { loadCourse } from '../../src/load/index.js';
import { stateArb } from '../shared/state-fixtures.js';

const loc = (line = 1) => ({ file: 'steps/01.yaml', line, column: 3 });
const md = (source: string) => ({ source, loc: loc() });

function video(id: string): VideoActivity {
  const file = { path: 'media/v.mp4', absPath: '/tmp/v.mp4', mediaType: 'video/mp4', loc: loc() };
  return { kind: 'video', id, title: id, source: { type: 'file', file }, captions: [], watchedThreshold: 0.9, loc: loc() };
}

function quiz(id: string, attempts: number): QuizActivity {
  return {
    kind: 'quiz',
    id,
    title: id,
    passingScore: 80,
    attempts,
    shuffle: true,
    loc: loc(),
    questions: ['alliance', 'ressources', 'duree'].map((qid) => ({
      id: qid,
      type: 'multiple-choice',
      prompt: md('?'),
      weight: 1,
      loc: loc(),
      choices: ['video', 'quiz', 'fiche', 'examen'].map((cid) => ({ id: cid, text: md(cid), correct: cid !== 'examen', loc: loc() })),
    })),
  };
}

function tool(id: string, maxLength: number, line: number): ToolActivity {
  return {
    kind: 'tool',
    id,
    title: id,
    instructions: md('Décrivez'),
    downloads: [],
    loc: loc(),
    fields: [
      { type: 'text', id: 'notes', label: 'Notes', multiline: true, maxLength, loc: loc(line) },
      { type: 'checklist', id: 'apports', label: 'Apports', items: ['economie', 'interet-general'].map((i) => ({ id: i, label: i, loc: loc() })), loc: loc() },
    ],
  };
}

function course(textLength = 250): Course {
  const steps: Step[] = ['enjeux', 'typologie'].map((sid, n) => ({
    id: sid,
    title: sid,
    duration: '15 min',
    loc: loc(),
    activities: [video(`${sid}-video`), quiz(`${sid}-quiz`, n === 0 ? 3 : 0), tool(`${sid}-outil`, textLength * (n + 1), 40 + n)],
  }));
  return {
    id: 'valorisez-cooperation',
    title: 'Valorisez',
    language: 'fr',
    description: '',
    authors: [],
    version: '1.0.0',
    passingScore: 80,
    theme: { color: '#1b5e6b' },
    steps,
    rootDir: '/tmp/course',
    sourceFiles: [],
    loc: { file: 'course.yaml', line: 1, column: 1 },
  };
}

/** What the runtime would get for `c` (only what the codec reads). */
function runtimeOf(c: Course): RuntimeCourse {
  return {
    id: c.id,
    title: c.title,
    version: c.version,
    language: c.language,
    passingScore: c.passingScore,
    graded: true,
    steps: c.steps.map((s) => ({
      id: s.id,
      title: s.title,
      activities: s.activities.map((a) => {
        switch (a.kind) {
          case 'video':
            return { kind: 'video', id: a.id, title: a.title, threshold: a.watchedThreshold, source: 'file' };
          case 'quiz':
            return {
              kind: 'quiz',
              id: a.id,
              title: a.title,
              passingScore: a.passingScore,
              attempts: a.attempts,
              shuffle: a.shuffle,
              questions: a.questions.map((q) => ({ id: q.id, type: q.type, weight: q.weight, promptText: '', choices: (q as ChoiceQuestion).choices.map((ch) => ({ id: ch.id, correct: ch.correct, text: '' })) })),
            };
          case 'sheet':
            return { kind: 'sheet', id: a.id, title: a.title };
          case 'tool':
            return {
              kind: 'tool',
              id: a.id,
              title: a.title,
              fields: a.fields.map((f) => (f.type === 'text' ? { type: 'text', id: f.id, maxLength: f.maxLength } : { type: 'checklist', id: f.id, items: f.items.map((i) => i.id) })),
            };
        }
      }),
    })),
  } as RuntimeCourse;
}

describe('state budget', () => {
  it('measures the worst case by encoding it with the real codec, and that state is one the runtime reads back whole', () => {
    const c = course();
    const worst = worstCaseState(c);
    const budget = measureWorstCaseState(c);
    expect(budget.characters).toBe(encodeState(worst, runtimeOf(c)).length);
    expect(decodeState(encodeState(worst, runtimeOf(c)), runtimeOf(c))).toEqual(worst);
    // Texts: 250 + 500 characters of '€', one character and three bytes each.
    expect(budget.utf8Bytes - budget.characters).toBe(2 * 750);
    expect(budget.textFields.map((f) => [f.id, f.characters])).toEqual([
      ['typologie-outil.notes', 500],
      ['enjeux-outil.notes', 250],
    ]);
  });

  it('is never below what a learner can actually save', () => {
    const c = course();
    const runtime = runtimeOf(c);
    const { characters } = measureWorstCaseState(c);
    const limits = new Map(runtime.steps.flatMap((s) => s.activities).flatMap((a) => (a.kind === 'quiz' && a.attempts > 0 ? [[a.id, a.attempts] as const] : [])));
    fc.assert(
      fc.property(stateArb(runtime), (state) => {
        // The runtime never counts more attempts than a quiz allows.
        for (const [id, progress] of Object.entries(state.quizzes)) progress.attempts = Math.min(progress.attempts, limits.get(id) ?? progress.attempts);
        expect(encodeState(state, runtime).length).toBeLessThanOrEqual(characters);
      }),
      { numRuns: 300 },
    );
  });

  it('says nothing when the worst case fits the target', () => {
    expect(checkStateBudget(course(), { name: 'scorm12', maxStateLength: 4096 })).toEqual([]);
  });

  it('reports STATE_TOO_LARGE with the figures, pointing at the largest text field when texts can make up the excess', () => {
    const c = course(1500);
    const { characters } = measureWorstCaseState(c);
    const [diagnostic, ...more] = checkStateBudget(c, { name: 'scorm12', maxStateLength: 4096 });
    expect(more).toEqual([]);
    expect(diagnostic).toMatchObject({
      code: 'STATE_TOO_LARGE',
      severity: 'error',
      message: `Worst-case learner state is ${characters.toLocaleString('en-US')} characters; the scorm12 target keeps 4,096`,
      loc: loc(41),
    });
    expect(diagnostic?.hint).toContain('Lower `maxLength` on tool text fields: they take 4,500 characters when full');
    expect(diagnostic?.hint).toContain('typologie-outil.notes (3,000)');
    expect(diagnostic?.hint).toContain(`Removing ${(characters - 4096).toLocaleString('en-US')} characters is enough`);
  });

  it('points at the course when texts alone cannot make up the excess', () => {
    const [diagnostic] = checkStateBudget(course(1), { name: 'scorm12', maxStateLength: 200 });
    expect(diagnostic?.loc).toEqual({ file: 'course.yaml', line: 1, column: 1 });
    expect(diagnostic?.hint).toMatch(/^Shorten activity and step ids/);
  });

  it('lets the sample course fit SCORM 1.2’s 4,096 characters', async () => {
    const loaded = await loadCourse(path.resolve('course'));
    expect(loaded.course).toBeDefined();
    const budget = measureWorstCaseState(loaded.course!);
    expect(budget.characters).toBeLessThanOrEqual(4096);
    expect(checkStateBudget(loaded.course!, { name: 'scorm12', maxStateLength: 4096 })).toEqual([]);
  });
});

describe('state budget of large courses', () => {
  /** At most this share of SCORM 1.2's 4,096 characters, so courses can still grow. */
  const ROOM = 0.85;
  // Mostly choice questions, as courses are, with every other type present too.
  const MIX = [
    ...['single-choice', 'multiple-choice', 'true-false', 'single-choice', 'multiple-choice', 'true-false', 'single-choice', 'matching'],
    ...['single-choice', 'multiple-choice', 'true-false', 'ordering', 'single-choice', 'multiple-choice', 'true-false', 'fill-in'],
    ...['single-choice', 'numeric', 'true-false', 'likert'],
  ];

  it(`keeps the sample course under ${ROOM * 100} % of 4,096 characters`, async () => {
    const { course } = await loadCourse(path.resolve('course'));
    const { characters } = measureWorstCaseState(course!);
    console.info(`sample course: worst-case learner state ${characters} characters of 4,096`);
    expect(characters).toBeLessThan(ROOM * 4096);
  });

  it(`keeps a generated 200-question course (5 steps, every question type) under ${ROOM * 100} % of 4,096 characters`, async () => {
    const dir = await writeGeneratedCourse({ steps: 5, questionsPerQuiz: 40, types: MIX });
    try {
      const { course, diagnostics } = await loadCourse(dir);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const questions = course!.steps.flatMap((s) => s.activities).flatMap((a) => (a.kind === 'quiz' ? a.questions : []));
      expect(questions).toHaveLength(200);
      expect(new Set(questions.map((q) => q.type))).toEqual(new Set(EVERY_QUESTION_TYPE));
      const budget = measureWorstCaseState(course!);
      console.info(`200-question course: worst-case learner state ${budget.characters} characters of 4,096`);
      expect(budget.characters).toBeLessThan(ROOM * 4096);
      // The worst case is a state the runtime reads back whole.
      const runtime = runtimeCourseOf(course!);
      const worst = worstCaseState(course!, runtime);
      expect(decodeState(encodeState(worst, runtime), runtime)).toEqual(worst);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('counts only the drawn questions of a pool, the costliest ones', async () => {
    const dir = await writeGeneratedCourse({ steps: 1, questionsPerQuiz: 40, types: MIX });
    try {
      const { course } = await loadCourse(dir);
      const full = measureWorstCaseState(course!).characters;
      const quiz = course!.steps[0]!.activities.find((a) => a.kind === 'quiz')!;
      if (quiz.kind !== 'quiz') throw new Error('fixture');
      quiz.draw = 5;
      const worst = worstCaseState(course!);
      const saved = worst.quizzes[quiz.id]!;
      expect(Object.keys(saved.answers)).toHaveLength(5);
      expect(saved.order).toHaveLength(5);
      // A fill-in question costs the most (typed text): a pool of 5 may draw it.
      expect(Object.keys(saved.answers).some((id) => quiz.questions.find((q) => q.id === id)?.type === 'fill-in')).toBe(true);
      expect(measureWorstCaseState(course!).characters).toBeLessThan(full);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
