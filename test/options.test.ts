/**
 * Build options: flags > course.yaml > LMS preset > defaults, resolved in one place, and the
 * presets' choices (Moodle: the mastery score only with passed/failed, readable answers, its
 * player), the running score against the mastery score.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../src/load/index.js';
import type { Course } from '../src/model/course.js';
import { applyBuildOptions, defaultReportStatusAs, resolveBuildOptions } from '../src/options.js';
import { ConflictingOptionsError, findLmsPreset, lmsPresets, UnknownLmsError } from '../src/presets.js';

let graded: Course;
let ungraded: Course;

beforeAll(async () => {
  graded = (await loadCourse(path.resolve('test/fixtures/valid/rules'))).course!;
  ungraded = { ...graded, steps: graded.steps.map((s) => ({ ...s, activities: s.activities.filter((a) => a.kind !== 'quiz') })) };
});

describe('resolveBuildOptions', () => {
  it('defaults: generic preset, passed/failed with quizzes and completed/incomplete without, mastery score written', () => {
    expect(resolveBuildOptions({}, graded)).toMatchObject({ lms: 'generic', reportStatusAs: 'passed/failed', masteryScore: true, outDir: 'dist' });
    expect(resolveBuildOptions({}, ungraded)).toMatchObject({ reportStatusAs: 'completed/incomplete' });
    expect(defaultReportStatusAs(undefined)).toBe('passed/failed');
  });

  it('reports completed/incomplete for a course whose only quizzes are surveys (Likert questions)', async () => {
    const withSurvey = (await loadCourse(path.resolve('test/fixtures/valid/learner-experience'))).course!;
    expect(defaultReportStatusAs(withSurvey)).toBe('passed/failed');
    const surveysOnly = { ...withSurvey, steps: withSurvey.steps.filter((s) => s.id === 'survey') };
    expect(defaultReportStatusAs(surveysOnly)).toBe('completed/incomplete');
  });

  it('takes course.yaml over the preset, and the flag over course.yaml', () => {
    const fromCourse: Course = { ...graded, reportStatusAs: 'completed/failed' };
    expect(resolveBuildOptions({ lms: 'moodle' }, fromCourse).reportStatusAs).toBe('completed/failed');
    expect(resolveBuildOptions({ lms: 'moodle', reportStatusAs: 'passed/incomplete' }, fromCourse).reportStatusAs).toBe('passed/incomplete');
    expect(resolveBuildOptions({ lms: 'moodle' }, ungraded).reportStatusAs).toBe('passed/failed');
  });

  it('moodle: writes the mastery score only with passed/failed (Moodle would override the other words), unless a flag says', () => {
    expect(resolveBuildOptions({ lms: 'moodle' }, graded).masteryScore).toBe(true);
    expect(resolveBuildOptions({ lms: 'moodle', reportStatusAs: 'completed/incomplete' }, graded).masteryScore).toBe(false);
    expect(resolveBuildOptions({ lms: 'moodle', reportStatusAs: 'completed/incomplete', masteryScore: true }, graded).masteryScore).toBe(true);
    expect(resolveBuildOptions({ lms: 'moodle', masteryScore: false }, graded).masteryScore).toBe(false);
    // The generic preset keeps the mastery score whatever the words (the SCORM target warns).
    expect(resolveBuildOptions({ reportStatusAs: 'completed/incomplete' }, graded).masteryScore).toBe(true);
  });

  it('running score: sent exactly when the manifest has no mastery score; --running-score leaves it out, and contradicting it is a usage mistake', () => {
    expect(resolveBuildOptions({}, graded)).toMatchObject({ masteryScore: true, runningScore: false });
    expect(resolveBuildOptions({ runningScore: true }, graded)).toMatchObject({ masteryScore: false, runningScore: true });
    expect(resolveBuildOptions({ lms: 'moodle', runningScore: true }, graded)).toMatchObject({ masteryScore: false, runningScore: true });
    expect(resolveBuildOptions({ masteryScore: false }, graded).runningScore).toBe(true);
    expect(resolveBuildOptions({ lms: 'moodle', reportStatusAs: 'completed/incomplete' }, graded).runningScore).toBe(true);
    expect(resolveBuildOptions({ runningScore: false }, graded)).toMatchObject({ masteryScore: true, runningScore: false });
    expect(() => resolveBuildOptions({ runningScore: true, masteryScore: true }, graded)).toThrow(ConflictingOptionsError);
    expect(() => resolveBuildOptions({ runningScore: false, masteryScore: false }, graded)).toThrow(ConflictingOptionsError);
  });

  it('moodle: readable answers and its player; the flag wins over the preset; generic: strict, no player', () => {
    expect(resolveBuildOptions({}, graded)).toMatchObject({ answerFormat: 'strict' });
    expect(resolveBuildOptions({}, graded).lmsPlayer).toBeUndefined();
    expect(resolveBuildOptions({ lms: 'moodle' }, graded)).toMatchObject({ answerFormat: 'readable', lmsPlayer: 'moodle' });
    expect(resolveBuildOptions({ lms: 'moodle', answerFormat: 'strict' }, graded).answerFormat).toBe('strict');
    const rendered = applyBuildOptions(graded, resolveBuildOptions({ lms: 'moodle' }, graded));
    expect(rendered).toMatchObject({ answerFormat: 'readable', lmsPlayer: 'moodle' });
    const plain = applyBuildOptions(graded, resolveBuildOptions({}, graded));
    expect(plain.answerFormat).toBeUndefined();
    expect(plain.lmsPlayer).toBeUndefined();
  });

  it('refuses an LMS preset nobody defined, naming the known ones', () => {
    expect(() => resolveBuildOptions({ lms: 'blackboard' })).toThrow(UnknownLmsError);
    expect(() => resolveBuildOptions({ lms: 'blackboard' })).toThrow(/Known presets: generic, moodle/);
    expect(lmsPresets.map((p) => p.name)).toEqual(['generic', 'moodle']);
    expect(findLmsPreset('moodle')?.description).toMatch(/Moodle/);
  });

  it('gives the rendered course the status pair in force', () => {
    const options = resolveBuildOptions({ reportStatusAs: 'completed/failed' }, graded);
    expect(applyBuildOptions(graded, options).reportStatusAs).toBe('completed/failed');
    expect(graded.reportStatusAs).toBeUndefined();
  });
});
