/**
 * The SCORM 2004 target's learner-state budget: 64,000 characters of cmi.suspend_data (and of the
 * adl.data store the step SCOs share), checked at build time with the real codec. The worst cases
 * are printed.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import type { ToolActivity } from '../../src/model/course.js';
import { checkStateBudget, measureWorstCaseState } from '../../src/package/state-budget.js';
import { scorm12 } from '../../src/package/targets/scorm12.js';
import { scorm2004 } from '../../src/package/targets/scorm2004.js';
import { makeCourse } from './course-fixture.js';

const loc = { file: 'steps/01.yaml', line: 12, column: 3 };

/** The fixture course with a tool whose text field keeps `maxLength` characters. */
function courseWithNotes(maxLength: number) {
  const course = makeCourse();
  const tool: ToolActivity = {
    kind: 'tool',
    id: 'carnet',
    title: 'Carnet',
    instructions: { source: 'Notez', loc },
    downloads: [],
    loc,
    fields: [{ type: 'text', id: 'notes', label: 'Notes', multiline: true, maxLength, loc }],
  };
  course.steps[0]!.activities.push(tool);
  return course;
}

describe('SCORM 2004 learner-state budget', () => {
  it('prints the worst case of the sample course against 64,000 characters', async () => {
    const { course } = await loadCourse(path.resolve(import.meta.dirname, '../../course'));
    const budget = measureWorstCaseState(course!);
    console.info(`sample course, worst-case state: ${budget.characters} characters (${budget.utf8Bytes} UTF-8 bytes) of ${scorm2004.maxStateLength} (SCORM 1.2: ${scorm12.maxStateLength})`);
    expect(budget.characters).toBeLessThanOrEqual(scorm2004.maxStateLength);
    expect(checkStateBudget(course!, scorm2004)).toEqual([]);
  });

  it('keeps what SCORM 1.2 cannot (a 10,000-character notes field), and reports a course past 64,000 characters', () => {
    const roomy = courseWithNotes(10_000);
    console.info(`10,000-character notes field, worst-case state: ${measureWorstCaseState(roomy).characters} characters`);
    expect(checkStateBudget(roomy, scorm2004)).toEqual([]);
    expect(checkStateBudget(roomy, scorm12).map((d) => d.code)).toEqual(['STATE_TOO_LARGE']);
    const tooLarge = courseWithNotes(70_000);
    const [diagnostic, ...rest] = checkStateBudget(tooLarge, scorm2004);
    console.info(`70,000-character notes field, worst-case state: ${measureWorstCaseState(tooLarge).characters} characters`);
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ code: 'STATE_TOO_LARGE', loc });
    expect(diagnostic!.message).toMatch(/the scorm2004 target keeps 64,000/);
  });
});
