/**
 * Generators shared by the state codec tests: random runtime courses (with ids that use the
 * codec's delimiters and non-ASCII letters, or are named after built-in object properties) and
 * random learner states valid for them.
 */
import fc from 'fast-check';
import type { RuntimeActivity, RuntimeCourse, RuntimeQuestion } from '../../src/shared/course-data.js';
import type { LearnerState, QuizProgress, VideoProgress } from '../../src/shared/learner-state.js';
import { MAX_QUIZ_ATTEMPTS, MAX_VIDEO_SECONDS, MAX_VIDEO_SEGMENTS } from '../../src/shared/state-codec.js';
import { fromStoredText, toStoredText } from '../../src/shared/state-escape.js';

const ID_CHARS = [...'abcxyz019-_.', ...'|;=!,*~^:/%+&<>"\'\\', 'é', ' ', '\n', '\u0085', '😀'];
/** Names a plain object inherits (or, `__proto__`, uses to set its prototype). */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'toLocaleString'];
const idArb = fc.oneof(
  fc.array(fc.constantFrom(...ID_CHARS), { minLength: 1, maxLength: 6 }).map((chars) => chars.join('')),
  fc.constantFrom(...PROTOTYPE_NAMES),
);

type Kind = RuntimeActivity['kind'];
const shapeArb = fc.array(fc.array(fc.constantFrom<Kind>('video', 'quiz', 'sheet', 'tool'), { maxLength: 4 }), {
  minLength: 1,
  maxLength: 3,
});

/** A course whose every id (step, activity, question, choice, field, item) is distinct. */
export const courseArb: fc.Arbitrary<RuntimeCourse> = fc
  .tuple(shapeArb, fc.uniqueArray(idArb, { minLength: 120, maxLength: 120 }), fc.array(fc.nat(5), { minLength: 60, maxLength: 60 }))
  .map(([shape, ids, sizes]) => {
    let next = 0;
    const id = (): string => {
      const n = next++;
      return ids[n % ids.length]! + (n >= ids.length ? `#${n}` : '');
    };
    const size = (): number => sizes[next % sizes.length]!;
    const question = (): RuntimeQuestion => ({
      id: id(),
      type: size() === 0 ? 'fill-in' : 'multiple-choice',
      weight: 1,
      promptText: 'q',
      choices: Array.from({ length: size() === 0 ? 0 : size() + 1 }, () => ({ id: id(), correct: false, text: 'c' })),
    });
    const activity = (kind: Kind): RuntimeActivity => {
      switch (kind) {
        case 'video':
          return { kind, id: id(), title: 'v', threshold: 0.9, source: 'file' };
        case 'quiz':
          return { kind, id: id(), title: 'q', passingScore: 80, attempts: 3, shuffle: true, questions: Array.from({ length: size() + 1 }, question) };
        case 'sheet':
          return { kind, id: id(), title: 's' };
        case 'tool':
          return {
            kind,
            id: id(),
            title: 't',
            fields: [
              { type: 'text', id: id(), maxLength: 1 + size() * 20 },
              { type: 'checklist', id: id(), items: Array.from({ length: size() }, id) },
            ],
          };
      }
    };
    return {
      id: 'course',
      title: 'Course',
      version: '1',
      language: 'fr' as const,
      passingScore: 80,
      graded: true,
      steps: shape.map((kinds) => ({ id: id(), title: 'step', activities: kinds.map(activity) })),
    };
  });

const activities = (course: RuntimeCourse): RuntimeActivity[] => course.steps.flatMap((s) => s.activities);

function pick<T>(items: T[]): fc.Arbitrary<T[]> {
  return items.length === 0 ? fc.constant([]) : fc.subarray(items);
}

function recordOf<T>(keys: string[], valueArb: (key: string) => fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> {
  return pick(keys).chain((chosen) =>
    chosen.length === 0
      ? fc.constant({})
      : fc.tuple(...chosen.map(valueArb)).map((values) => Object.fromEntries(chosen.map((k, i) => [k, values[i]!]))),
  );
}

const segmentsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: MAX_VIDEO_SECONDS }), { maxLength: MAX_VIDEO_SEGMENTS * 2 })
  .map((bounds) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    const segments: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) segments.push([sorted[i]!, sorted[i + 1]!]);
    return segments;
  });

const videoArb: fc.Arbitrary<VideoProgress> = fc
  .record({
    segments: segmentsArb,
    position: fc.integer({ min: 0, max: MAX_VIDEO_SECONDS }),
    watched: fc.constantFrom(undefined, true, false),
  })
  .map(({ watched, ...rest }) => (watched === undefined ? rest : { ...rest, watched }));

const scoreArb = fc.option(fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100), { nil: null });

function quizArb(quiz: Extract<RuntimeActivity, { kind: 'quiz' }>): fc.Arbitrary<QuizProgress> {
  const answers = recordOf(
    quiz.questions.map((q) => q.id),
    (qid) => {
      const q = quiz.questions.find((x) => x.id === qid)!;
      // Typed answers as a browser field holds them (stored raw, as tool texts are).
      const typed = fc.string({ unit: 'binary' }).map((t) => fromStoredText(toStoredText(t)));
      return q.choices.length > 0 ? pick(q.choices.map((c) => c.id)) : fc.array(typed, { maxLength: 3 });
    },
  );
  return fc
    .record({
      attempts: fc.integer({ min: 0, max: MAX_QUIZ_ATTEMPTS }),
      score: scoreArb,
      best: scoreArb,
      passed: fc.boolean(),
      answers,
      submitted: fc.boolean(),
      order: fc.option(fc.shuffledSubarray(quiz.questions.map((q) => q.id)), { nil: undefined }),
    })
    .map(({ order, ...rest }) => (order === undefined ? rest : { ...rest, order }));
}

function toolArb(tool: Extract<RuntimeActivity, { kind: 'tool' }>): fc.Arbitrary<Record<string, string | string[]>> {
  return recordOf(
    tool.fields.map((f) => f.id),
    (fid): fc.Arbitrary<string | string[]> => {
      const field = tool.fields.find((f) => f.id === fid)!;
      return field.type === 'text'
        ? // Text as a browser field holds it: line breaks as \n, no other control characters.
          fc
            .string({ unit: 'binary', maxLength: field.maxLength })
            .map((s) => fromStoredText(toStoredText(s)))
            .filter((s) => s.length <= field.maxLength)
        : pick(field.items);
    },
  );
}

export function stateArb(course: RuntimeCourse): fc.Arbitrary<LearnerState> {
  const all = activities(course);
  const locations = ['', ...course.steps.flatMap((s) => [s.id, ...s.activities.map((a) => `${s.id}/${a.id}`)])];
  const finished = pick(all.filter((a) => a.kind === 'tool').map((a) => a.id));
  return fc.record({
    location: fc.constantFrom(...locations),
    visited: pick(all.map((a) => a.id)),
    videos: recordOf(
      all.filter((a) => a.kind === 'video').map((a) => a.id),
      () => videoArb,
    ),
    quizzes: recordOf(
      all.filter((a) => a.kind === 'quiz').map((a) => a.id),
      (id) => quizArb(all.find((a) => a.id === id) as Extract<RuntimeActivity, { kind: 'quiz' }>),
    ),
    tools: recordOf(
      all.filter((a) => a.kind === 'tool').map((a) => a.id),
      (id) => toolArb(all.find((a) => a.id === id) as Extract<RuntimeActivity, { kind: 'tool' }>),
    ),
    // Absent when none, as the codec reads it.
    finished: finished.map((ids) => (ids.length ? ids : undefined)),
  }, { requiredKeys: ['location', 'visited', 'videos', 'quizzes', 'tools'] }).map(({ finished: ids, ...rest }) => (ids ? { ...rest, finished: ids } : rest));
}

export const courseAndStateArb = courseArb.chain((course) => stateArb(course).map((state) => ({ course, state })));

/** Throws unless every part of `state` refers to something that exists in `course`. */
export function expectStateFitsCourse(state: LearnerState, course: RuntimeCourse): void {
  const all = new Map(activities(course).map((a) => [a.id, a]));
  const fail = (what: string): never => {
    throw new Error(`state does not fit the course: ${what}`);
  };
  if (state.location && !course.steps.some((s) => state.location === s.id || s.activities.some((a) => state.location === `${s.id}/${a.id}`))) {
    fail(`location ${state.location}`);
  }
  for (const id of state.visited) if (!all.has(id)) fail(`visited ${id}`);
  for (const id of state.finished ?? []) if (!all.has(id)) fail(`finished ${id}`);
  for (const id of Object.keys(state.videos)) if (all.get(id)?.kind !== 'video') fail(`video ${id}`);
  for (const [id, progress] of Object.entries(state.quizzes)) {
    const quiz = all.get(id);
    if (quiz?.kind !== 'quiz') fail(`quiz ${id}`);
    const questions = (quiz as Extract<RuntimeActivity, { kind: 'quiz' }>).questions;
    for (const [qid, values] of Object.entries(progress.answers)) {
      const q = questions.find((x) => x.id === qid) ?? fail(`question ${qid}`);
      if (q.choices.length > 0) for (const v of values) if (!q.choices.some((c) => c.id === v)) fail(`choice ${v}`);
    }
    for (const qid of progress.order ?? []) if (!questions.some((q) => q.id === qid)) fail(`order ${qid}`);
    if (progress.attempts < 0 || !Number.isInteger(progress.attempts)) fail('attempts');
    for (const s of [progress.score, progress.best]) if (s !== null && !(s >= 0 && s <= 100)) fail(`score ${s}`);
  }
  for (const [id, fields] of Object.entries(state.tools)) {
    const tool = all.get(id);
    if (tool?.kind !== 'tool') fail(`tool ${id}`);
    for (const [fid, value] of Object.entries(fields)) {
      const field = (tool as Extract<RuntimeActivity, { kind: 'tool' }>).fields.find((f) => f.id === fid) ?? fail(`field ${fid}`);
      if (field.type === 'text' && (typeof value !== 'string' || value.length > field.maxLength)) fail(`text ${fid}`);
      if (field.type === 'checklist' && (!Array.isArray(value) || value.some((v) => !field.items.includes(v)))) fail(`checklist ${fid}`);
    }
  }
  for (const video of Object.values(state.videos)) {
    if (video.segments.length > MAX_VIDEO_SEGMENTS) fail('too many segments');
  }
}
