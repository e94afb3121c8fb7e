import { describe, expect, it } from 'vitest';
import type { OrderingQuestion } from '../../src/model/course.js';
import { ordering } from '../../src/questions/ordering.js';
import { loadQuestion, QUESTION_LINE, yamlList } from './load-question.js';

const head = 'id: steps\ntype: ordering\nprompt: Put them in order.\nexplanation: Because.';

describe('ordering questions (YAML → model)', () => {
  it('keeps the items in the right order, with default ids a, b, c…', async () => {
    const { question, diagnostics } = await loadQuestion<OrderingQuestion>(`${head}\nitems:\n  - text: First\n  - { id: second, text: "*Second*" }\n  - text: Third`);
    expect(diagnostics).toEqual([]);
    expect(question!.items.map((i) => [i.id, i.text.source])).toEqual([
      ['a', 'First'],
      ['second', '*Second*'],
      ['c', 'Third'],
    ]);
    expect(ordering.worstCaseResponse(question!)).toEqual(['a', 'second', 'c']);
  });

  it('refuses more than 36 items, fewer than 2, and an id used twice', async () => {
    const tooMany = await loadQuestion(`${head}\nitems:\n${yamlList(37, (n) => `  - text: Item ${n}`)}`);
    expect(tooMany.diagnostics).toEqual([
      { code: 'TOO_MANY_OPTIONS', line: QUESTION_LINE, message: 'Question `steps` has 37 items; an LMS records at most 36' },
    ]);
    expect((await loadQuestion(`${head}\nitems:\n${yamlList(36, (n) => `  - text: Item ${n}`)}`)).errors).toEqual([]);
    expect((await loadQuestion(`${head}\nitems:\n  - text: Alone`)).errors).toEqual(['TOO_FEW_ITEMS']);
    expect((await loadQuestion(`${head}\nitems:\n  - { id: x, text: A }\n  - { id: x, text: B }`)).errors).toEqual(['DUPLICATE_ID']);
  });
});
