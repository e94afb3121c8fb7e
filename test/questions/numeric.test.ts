import { describe, expect, it } from 'vitest';
import type { NumericQuestion } from '../../src/model/course.js';
import { loadQuestion } from './load-question.js';

const head = 'id: budget\ntype: numeric\nprompt: How much?\nexplanation: Because.';

describe('numeric questions (YAML → model)', () => {
  it('takes an answer with a tolerance, or a range, and a unit', async () => {
    const exact = await loadQuestion<NumericQuestion>(`${head}\nanswer: 42`);
    expect(exact.diagnostics).toEqual([]);
    expect(exact.question).toMatchObject({ answer: 42, tolerance: 0, min: 42, max: 42 });
    const around = await loadQuestion<NumericQuestion>(`${head}\nanswer: 40\ntolerance: 2.5\nunit: " % "`);
    expect(around.question).toMatchObject({ answer: 40, tolerance: 2.5, min: 37.5, max: 42.5, unit: '%' });
    const range = await loadQuestion<NumericQuestion>(`${head}\nmin: -3.5\nmax: 12`);
    expect(range.diagnostics).toEqual([]);
    expect(range.question).toMatchObject({ min: -3.5, max: 12 });
    expect(range.question!.answer).toBeUndefined();
  });

  it('refuses min above max, at `min`', async () => {
    expect((await loadQuestion(`${head}\nmin: 36\nmax: 12`)).diagnostics).toEqual([
      { code: 'INVALID_RANGE', line: 13, message: 'Numeric question `budget` has `min` 36 greater than `max` 12' },
    ]);
    expect((await loadQuestion(`${head}\nmin: 12\nmax: 12`)).errors).toEqual([]);
  });

  it('reports a missing or conflicting form: nothing, half a range, a tolerance without answer, both forms', async () => {
    const messages = async (yaml: string) => (await loadQuestion(`${head}\n${yaml}`)).diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(await messages('unit: "%"')).toEqual(['MISSING_FIELD Missing `answer` in numeric question `budget`']);
    expect(await messages('min: 3')).toEqual(['MISSING_FIELD Missing `max` in numeric question `budget`']);
    expect(await messages('max: 3')).toEqual(['MISSING_FIELD Missing `min` in numeric question `budget`']);
    expect(await messages('tolerance: 1\nmin: 1\nmax: 3')).toEqual(['MISSING_FIELD Missing `answer` in numeric question `budget`']);
    expect(await messages('answer: 2\nmin: 1\nmax: 3')).toEqual([
      'CONFLICTING_FIELDS Numeric question `budget` has both `answer` and `min`/`max`; it takes only one',
    ]);
    expect((await loadQuestion(`${head}\nanswer: 2\ntolerance: -1`)).errors).toEqual(['OUT_OF_RANGE']);
    expect((await loadQuestion(`${head}\nanswer: "2"`)).errors).toEqual(['WRONG_TYPE']);
  });
});
