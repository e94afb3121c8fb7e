import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import type { Course } from '../../src/model/course.js';
import { scorm12 } from '../../src/package/targets/scorm12.js';
import { CMI_IDENTIFIER } from '../../src/package/targets/scorm12-check.js';
import { makeCourse, quiz } from './course-fixture.js';

function check(course: Course, masteryScore = true): DiagnosticBag {
  const bag = new DiagnosticBag();
  scorm12.check!(course, bag, { outDir: 'dist', masteryScore });
  return bag;
}

function withQuestion(questionId: string, quizId = 'quiz'): Course {
  const course = makeCourse();
  course.steps[0]!.activities = [quiz(quizId, [questionId])];
  return course;
}

describe('SCORM 1.2 target check (Moodle rules)', () => {
  it('accepts the sample-like course', () => {
    expect(check(makeCourse()).items).toEqual([]);
  });

  it('matches Moodle’s CMIIdentifier rule: printable ASCII, no spaces, 1–255 characters', () => {
    expect(CMI_IDENTIFIER.test('enjeux-quiz.q1')).toBe(true);
    expect(CMI_IDENTIFIER.test('a'.repeat(255))).toBe(true);
    expect(CMI_IDENTIFIER.test('a'.repeat(256))).toBe(false);
    expect(CMI_IDENTIFIER.test('quiz.q 1')).toBe(false);
    expect(CMI_IDENTIFIER.test('quiz.qé')).toBe(false);
    expect(CMI_IDENTIFIER.test('quiz.q\t1')).toBe(false);
    expect(CMI_IDENTIFIER.test('')).toBe(false);
  });

  it.each([
    ['a space', 'q 1', /space/],
    ['an accent', 'qé', /printable ASCII/],
    ['too many characters', 'q'.repeat(260), /265 characters/],
  ])('reports an interaction id with %s at the question', (_, questionId, why) => {
    const bag = check(withQuestion(questionId));
    expect(bag.errors).toHaveLength(1);
    const [d] = bag.errors;
    expect(d!.code).toBe('SCORM12_INVALID_IDENTIFIER');
    expect(d!.message).toMatch(why);
    expect(d!.message).toContain(`quiz.${questionId}`);
    expect(d!.loc).toEqual({ file: 'steps/01.yaml', line: 20, column: 1 });
    expect(d!.hint).toBeTruthy();
  });

  it('reports a course id and a step id the LMS would reject', () => {
    const course = makeCourse({ id: 'mon cours' });
    course.steps[0]!.id = 'étape';
    const codes = check(course).errors.map((d) => [d.code, d.loc?.file]);
    expect(codes).toEqual([
      ['SCORM12_INVALID_IDENTIFIER', 'course.yaml'],
      ['SCORM12_INVALID_IDENTIFIER', 'steps/01.yaml'],
    ]);
  });

  it('reports a bookmark (step/activity) longer than CMIString255', () => {
    const course = makeCourse();
    course.steps[0]!.id = 's'.repeat(200);
    course.steps[0]!.activities[0]!.id = 'a'.repeat(60);
    expect(check(course).errors.map((d) => d.code)).toEqual(['SCORM12_LOCATION_TOO_LONG']);
  });

  it('requires a whole-number passing score for the mastery score, unless it is turned off', () => {
    const course = makeCourse({ passingScore: 72.5 });
    expect(check(course).errors.map((d) => d.code)).toEqual(['SCORM12_MASTERY_SCORE']);
    expect(check(course, false).errors).toEqual([]);
    expect(check(makeCourse({ passingScore: 0 })).errors).toEqual([]);
    expect(check(makeCourse({ passingScore: 100 })).errors).toEqual([]);
  });

  it('reports a version longer than the manifest allows, and warns about a long title', () => {
    const bag = check(makeCourse({ version: '2025.11.26-beta.preview.3', title: 't'.repeat(201) }));
    expect(bag.errors.map((d) => d.code)).toEqual(['SCORM12_VERSION_TOO_LONG']);
    expect(bag.warnings.map((d) => d.code)).toEqual(['SCORM12_TITLE_TOO_LONG']);
  });
});
