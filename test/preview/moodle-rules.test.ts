/**
 * The preview panel's Moodle rules (templates/preview-lms/moodle-rules.js): what Moodle's
 * SCORM 1.2 data model refuses, and the status its mastery score override records.
 */
import { describe, expect, it } from 'vitest';
import { budgetWarnings, commitWarnings, setValueWarnings } from '../../templates/preview-lms/moodle-rules.js';

const texts = (element: string, value: string) => setValueWarnings(element, value).map((w) => `${w.kind}: ${w.text}`);

describe('Moodle rules of the preview LMS', () => {
  it('accepts what Parcours sends', () => {
    for (const [element, value] of [
      ['cmi.interactions.0.id', 'basics-quiz.colour'],
      ['cmi.objectives.3.id', 'step'],
      ['cmi.core.score.raw', '87.5'],
      ['cmi.objectives.0.score.max', '100'],
      ['cmi.core.lesson_status', 'incomplete'],
      ['cmi.suspend_data', 'x'.repeat(4096)],
      ['cmi.core.lesson_location', 'step/quiz'],
      ['cmi.interactions.2.student_response', 'a,b'],
    ] as const) {
      expect(setValueWarnings(element, value), `${element} = ${value}`).toEqual([]);
    }
  });

  it('says why Moodle refuses an identifier', () => {
    expect(texts('cmi.interactions.4.id', 'my question')).toEqual([
      'refused: Moodle refuses “my question” as an interaction id (cmi.interactions.4.id): it holds a space. Identifiers are 1 to 255 printable ASCII characters, without spaces.',
    ]);
    expect(texts('cmi.objectives.0.id', 'étape')[0]).toContain('an objective id (cmi.objectives.0.id): it holds a character outside printable ASCII');
    expect(texts('cmi.interactions.0.objectives.0.id', '')[0]).toContain('an interaction’s objective id');
    expect(texts('cmi.objectives.1.id', 'a'.repeat(256))[0]).toContain('it has 256 characters');
  });

  it('refuses scores outside 0–100 or not written as Moodle reads decimals', () => {
    for (const value of ['120', '-1', '1e2', '50%', '1000']) {
      expect(texts('cmi.core.score.raw', value), value).toEqual([`refused: Moodle refuses the score “${value}” for cmi.core.score.raw: scores are numbers from 0 to 100.`]);
    }
  });

  it('refuses saved progress past 4,096 characters, a long bookmark, a status Moodle does not take', () => {
    expect(texts('cmi.suspend_data', 'x'.repeat(4097))[0]).toMatch(/^refused: Moodle refuses saved progress of 4,097 characters: cmi.suspend_data keeps 4,096\./);
    expect(texts('cmi.core.lesson_location', 'x'.repeat(256))[0]).toContain('a bookmark of 256 characters');
    expect(texts('cmi.core.lesson_status', 'not attempted')[0]).toContain('refuses the status “not attempted”');
    expect(texts('cmi.interactions.0.student_response', 'x'.repeat(300))[0]).toContain('the 300 characters of cmi.interactions.0.student_response');
  });

  it('says which status Moodle records when a mastery score overrides the one the course sent', () => {
    const cmi = { 'cmi.student_data.mastery_score': '80', 'cmi.core.score.raw': '60', 'cmi.core.lesson_status': 'completed', 'cmi.core.lesson_mode': 'normal', 'cmi.core.credit': 'credit' };
    expect(commitWarnings(cmi).map((w) => w.text)[0]).toMatch(/^Moodle records “failed”, not “completed”: with the mastery score 80 of imsmanifest.xml, Moodle decides from the score \(60 < 80\)/);
    expect(commitWarnings({ ...cmi, 'cmi.core.score.raw': '80', 'cmi.core.lesson_status': 'passed' })).toEqual([]);
    expect(commitWarnings({ ...cmi, 'cmi.core.lesson_status': 'failed' })).toEqual([]);
    expect(commitWarnings({ ...cmi, 'cmi.core.credit': 'no-credit' })).toEqual([]);
    expect(commitWarnings({ ...cmi, 'cmi.core.lesson_mode': 'review' })).toEqual([]);
    expect(commitWarnings({ ...cmi, 'cmi.student_data.mastery_score': '' })).toEqual([]);
  });

  it('warns when the build’s worst case exceeds what the LMS keeps', () => {
    expect(budgetWarnings(4096)).toEqual([]);
    expect(budgetWarnings(undefined)).toEqual([]);
    expect(budgetWarnings(5210)[0]!.text).toMatch(/^Filled in completely, this course saves 5,210 characters of progress; Moodle keeps 4,096/);
  });
});
