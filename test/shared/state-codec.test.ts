import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RuntimeCourse } from '../../src/shared/course-data.js';
import type { LearnerState } from '../../src/shared/learner-state.js';
import { emptyLearnerState } from '../../src/shared/learner-state.js';
import { decodeState, encodeState, MAX_VIDEO_SEGMENTS, normalizeSegments, unreadableState } from '../../src/shared/state-codec.js';
import { courseAndStateArb, courseArb, expectStateFitsCourse, stateArb } from './state-fixtures.js';
import { sampleRuntimeCourse } from '../support/runtime-course.js';

/** What no LMS transport, database or relaunch page should ever have to carry. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Also kept out of everything but the learner's own text. */
const UNSAFE_OUTSIDE_TEXT = /[\t'"\\<>&%+]/;

const course = sampleRuntimeCourse();

const sampleState: LearnerState = {
  location: 'enjeux/enjeux-quiz',
  visited: ['enjeux-video', 'enjeux-quiz', 'enjeux-outil'],
  videos: { 'enjeux-video': { segments: [[0, 95], [120, 187]], position: 187, watched: true } },
  quizzes: {
    'enjeux-quiz': {
      attempts: 2,
      score: 66.67,
      best: 66.67,
      passed: false,
      answers: { alliance: ['a'], 'nombre-etapes': ['false'], ressources: ['video', 'quiz'] },
      submitted: true,
      order: ['ressources', 'alliance', 'nombre-etapes'],
    },
  },
  tools: { 'enjeux-outil': { partenariat: "Mécénat d'une PME avec l’association | 100% local", apports: ['interet-general'] } },
};

// Format p2: visited activities and questions by reference, choices by position.
const SAMPLE_P2 =
  'p2:Lenjeux/enjeux-quiz|V0k0agdq|Wenjeux-video=57,1,0,2n,3c,57' +
  '|Qenjeux-quiz=02,557,557,2,3!8601,u00,021' +
  '|Tenjeux-outil=partenariat*1d,apports!interet-general' +
  "|XMécénat d'une PME avec l’association | 100% local";

// The same state saved by format p1. Learners' LMS records hold such strings: this must keep decoding.
const SAMPLE_P1 =
  'p1:Lenjeux/enjeux-quiz|Venjeux-video,enjeux-quiz,enjeux-outil|Wenjeux-video=57,1,0,2n,3c,57' +
  '|Qenjeux-quiz=2,557,557,2,3!ressources*video*quiz,alliance*a,nombre-etapes*false' +
  '|Tenjeux-outil=partenariat*1d,apports!interet-general' +
  "|XMécénat d'une PME avec l’association | 100% local";

describe('encodeState / decodeState', () => {
  it('writes a compact, versioned string and reads it back', () => {
    expect(encodeState(sampleState, course)).toBe(SAMPLE_P2);
    expect(decodeState(SAMPLE_P2, course)).toEqual(sampleState);
  });

  it('still reads format p1, which named questions and choices by their ids', () => {
    expect(decodeState(SAMPLE_P1, course)).toEqual(sampleState);
  });

  it('writes the empty state as the bare prefix', () => {
    expect(encodeState(emptyLearnerState(), course)).toBe('p2:');
    expect(decodeState('p2:', course)).toEqual(emptyLearnerState());
  });

  it('round-trips every valid state (random courses with awkward ids)', () => {
    fc.assert(
      fc.property(courseAndStateArb, ({ course, state }) => {
        expect(decodeState(encodeState(state, course), course)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('never writes characters an LMS could mangle, and an escaped character costs at most two', () => {
    fc.assert(
      fc.property(courseAndStateArb, ({ course, state }) => {
        const text = encodeState(state, course);
        expect(text).not.toMatch(UNSAFE);
        const texts = text.search(/\|X/);
        expect(texts < 0 ? text : text.slice(0, texts)).not.toMatch(UNSAFE_OUTSIDE_TEXT);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (typed) => {
        const state = { ...emptyLearnerState(), location: typed };
        expect(encodeState(state, course).length - 'p2:L'.length).toBeLessThanOrEqual(2 * typed.length);
      }),
    );
  });

  it('keeps what still matches when the course changed since the state was saved', () => {
    const republished: RuntimeCourse = structuredClone(course);
    const step = republished.steps[0]!;
    // The video is gone, a question was removed and a choice renamed, a tool field changed type.
    step.activities = step.activities.filter((a) => a.kind !== 'video');
    const quiz = step.activities.find((a) => a.kind === 'quiz')!;
    if (quiz.kind !== 'quiz') throw new Error('fixture');
    quiz.questions = quiz.questions.filter((q) => q.id !== 'nombre-etapes');
    quiz.questions[1]!.choices = quiz.questions[1]!.choices.map((c) => (c.id === 'quiz' ? { ...c, id: 'questionnaire' } : c));
    const tool = step.activities.find((a) => a.kind === 'tool')!;
    if (tool.kind !== 'tool') throw new Error('fixture');
    tool.fields = [{ type: 'checklist', id: 'partenariat', items: [] }, tool.fields[1]!];

    const decoded = decodeState(SAMPLE_P1, republished);
    expectStateFitsCourse(decoded, republished);
    expect(decoded).toEqual({
      location: 'enjeux/enjeux-quiz',
      visited: ['enjeux-quiz', 'enjeux-outil'],
      videos: {},
      quizzes: {
        'enjeux-quiz': {
          attempts: 2,
          score: 66.67,
          best: 66.67,
          passed: false,
          answers: { alliance: ['a'], ressources: ['video'] },
          submitted: true,
          order: ['ressources', 'alliance'],
        },
      },
      tools: { 'enjeux-outil': { apports: ['interet-general'] } },
    });
  });

  it('falls back to the step when the bookmarked activity is gone, and drops unknown steps', () => {
    const moved = encodeState({ ...emptyLearnerState(), location: 'enjeux/ancienne-activite' }, course);
    expect(decodeState(moved, course).location).toBe('enjeux');
    const gone = encodeState({ ...emptyLearnerState(), location: 'etape-supprimee/enjeux-quiz' }, course);
    expect(decodeState(gone, course).location).toBe('');
  });

  it('cuts a saved text to the field’s current maxLength', () => {
    const shorter: RuntimeCourse = structuredClone(course);
    const tool = shorter.steps[0]!.activities[3]!;
    if (tool.kind !== 'tool') throw new Error('fixture');
    tool.fields[0] = { type: 'text', id: 'partenariat', maxLength: 7 };
    expect(decodeState(SAMPLE_P1, shorter).tools['enjeux-outil']?.partenariat).toBe('Mécénat');
  });

  it('skips the sections it does not know (a later build may add some) and reads the others', () => {
    const added = SAMPLE_P2.replace('|X', '|Zsomething-new=1,2,3|X');
    expect(decodeState(added, course)).toEqual(sampleState);
  });

  it('refuses a later format whole (its sections may mean something else), and says so', () => {
    for (const version of ['p3:', 'p7:', 'p9999:']) {
      const later = SAMPLE_P2.replace('p2:', version);
      expect(decodeState(later, course)).toEqual(emptyLearnerState());
      expect(unreadableState(later)).toBe('newer');
    }
  });

  it('tells readable saved states from unreadable ones', () => {
    for (const text of [null, '', ' ', SAMPLE_P1, SAMPLE_P2, 'p2:', 'p1:||||', 'p2:Zfuture-section']) expect(unreadableState(text)).toBeUndefined();
    for (const text of ['x', 'random text', '{"location":"enjeux"}', 'p1', 'p0:Lenjeux', 'P2:Lenjeux', ' p2:Lenjeux']) expect(unreadableState(text)).toBe('unreadable');
  });

  it('returns an empty state for nothing, foreign strings and garbage, never throwing', () => {
    for (const text of [null, '', 'x', '{"location":"enjeux"}', 'p1', 'p1:L', 'p1:||||', 'p1:Qenjeux-quiz=', 'p1:W=1,2', 'p1:~', 'p1:Lenjeux~']) {
      const decoded = decodeState(text, course);
      expectStateFitsCourse(decoded, course);
    }
    expect(decodeState('{"location":"enjeux"}', course)).toEqual(emptyLearnerState());
  });

  it('never throws on corrupt strings and only returns parts that fit the course', () => {
    const corrupt = fc.oneof(
      fc.string({ unit: 'binary' }).map((s) => 'p1:' + s),
      fc.string({ unit: 'binary' }),
      fc.tuple(fc.nat(SAMPLE_P1.length), fc.nat(SAMPLE_P1.length), fc.string({ maxLength: 3 })).map(
        ([at, cut, noise]) => SAMPLE_P1.slice(0, at) + noise + SAMPLE_P1.slice(Math.max(at, cut)),
      ),
    );
    fc.assert(
      fc.property(corrupt, (text) => {
        expectStateFitsCourse(decodeState(text, course), course);
      }),
      { numRuns: 2000 },
    );
  });

  it('saves a learner text at one character per typed character, plus its length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 250 }), (typed) => {
        const base = { ...emptyLearnerState(), tools: { 'enjeux-outil': { partenariat: '' } } };
        const withText = { ...base, tools: { 'enjeux-outil': { partenariat: typed } } };
        expect(encodeState(withText, course).length - encodeState(base, course).length).toBeLessThanOrEqual(typed.length + 2 + 'X'.length + 1);
      }),
    );
  });

  it('drops the texts it can no longer place when a length is corrupt, keeping the rest', () => {
    const corrupt = SAMPLE_P1.replace('partenariat*', 'partenariat*zzzz');
    const decoded = decodeState(corrupt, course);
    expect(decoded.tools['enjeux-outil']).toEqual({ apports: ['interet-general'] });
    expect(decoded.quizzes['enjeux-quiz']?.attempts).toBe(2);
  });

  it('decodes another course’s state without taking any of it', () => {
    fc.assert(
      fc.property(
        courseArb.chain((other) => stateArb(other).map((foreign) => ({ other, foreign }))),
        ({ other, foreign }) => {
          expectStateFitsCourse(decodeState(encodeState(foreign, other), course), course);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('normalizeSegments', () => {
  it('merges overlapping and touching segments and drops empty ones', () => {
    expect(normalizeSegments([[10, 20], [0, 5], [5, 8], [15, 30], [40, 40]])).toEqual([[0, 8], [10, 30]]);
  });

  it(`keeps at most ${MAX_VIDEO_SEGMENTS} segments by closing the smallest gaps`, () => {
    // 12 segments of 5 s; the gap after the 3rd and after the 8th is 1 s, others 10 s.
    const segments: [number, number][] = [];
    let t = 0;
    for (let i = 0; i < 12; i++) {
      segments.push([t, t + 5]);
      t += 5 + (i === 2 || i === 7 ? 1 : 10);
    }
    const bounded = normalizeSegments(segments);
    expect(bounded).toHaveLength(MAX_VIDEO_SEGMENTS);
    expect(bounded[2]).toEqual([segments[2]![0], segments[3]![1]]);
    expect(bounded[6]).toEqual([segments[7]![0], segments[8]![1]]);
  });

  it('the codec enforces the same bound on what it saves and what it reads', () => {
    const many: [number, number][] = Array.from({ length: 30 }, (_, i) => [i * 10, i * 10 + 3]);
    const state = { ...emptyLearnerState(), videos: { 'enjeux-video': { segments: many, position: 0 } } };
    expect(decodeState(encodeState(state, course), course).videos['enjeux-video']?.segments).toHaveLength(MAX_VIDEO_SEGMENTS);
    const handWritten = 'p1:Wenjeux-video=0,,' + many.map(([s, e]) => `${s.toString(36)},${e.toString(36)}`).join(',');
    expect(decodeState(handWritten, course).videos['enjeux-video']?.segments).toHaveLength(MAX_VIDEO_SEGMENTS);
  });
});
