import { describe, expect, it } from 'vitest';
import type { MatchingQuestion } from '../../src/model/course.js';
import { matching } from '../../src/questions/matching.js';
import { loadQuestion, QUESTION_LINE, yamlList } from './load-question.js';

const head = 'id: roles\ntype: matching\nprompt: Match them.\nexplanation: Because.';

describe('matching questions (YAML → model)', () => {
  it('builds sources with their targets; targets shared by text, distractors after, ids a, b, c…', async () => {
    const { question, diagnostics } = await loadQuestion<MatchingQuestion>(`${head}
pairs:
  - id: town
    source: The **town hall**
    target: Funder
  - source: The association
    target: " Operator "
  - source: The region
    target: Funder
distractors: [Observer]`);
    expect(diagnostics).toEqual([]);
    expect(question!.sources.map((s) => [s.id, s.text.source, s.target])).toEqual([
      ['town', 'The **town hall**', 'a'],
      ['b', 'The association', 'b'],
      ['c', 'The region', 'a'],
    ]);
    expect(question!.targets.map((t) => [t.id, t.text])).toEqual([
      ['a', 'Funder'],
      ['b', 'Operator'],
      ['c', 'Observer'],
    ]);
    expect(matching.worstCaseResponse(question!)).toEqual(['town.a', 'b.a', 'c.a']);
  });

  it('refuses more sources, or more distinct targets, than an LMS records (36)', async () => {
    const pairs = yamlList(37, (n) => `  - { source: "S${n}", target: "T${n}" }`);
    const tooManyPairs = await loadQuestion(`${head}\npairs:\n${pairs}`);
    expect(tooManyPairs.diagnostics).toEqual([
      { code: 'TOO_MANY_OPTIONS', line: QUESTION_LINE, message: 'Question `roles` has 37 pairs; an LMS records at most 36' },
      { code: 'TOO_MANY_OPTIONS', line: QUESTION_LINE, message: 'Question `roles` has 37 distinct targets; an LMS records at most 36' },
    ]);
    const distractors = yamlList(35, (n) => `  - D${n}`);
    const tooManyTargets = await loadQuestion(`${head}\npairs:\n  - { source: A, target: X }\n  - { source: B, target: Y }\ndistractors:\n${distractors}`);
    expect(tooManyTargets.errors).toEqual(['TOO_MANY_OPTIONS']);
    const exactly36 = await loadQuestion(`${head}\npairs:\n  - { source: A, target: X }\n  - { source: B, target: Y }\ndistractors:\n${yamlList(34, (n) => `  - D${n}`)}`);
    expect(exactly36.errors).toEqual([]);
  });

  it('reports a pair id used twice, a pair without target, an empty target, a single pair', async () => {
    expect((await loadQuestion(`${head}\npairs:\n  - { id: x, source: A, target: X }\n  - { id: x, source: B, target: Y }`)).errors).toEqual(['DUPLICATE_ID']);
    expect((await loadQuestion(`${head}\npairs:\n  - { source: A }\n  - { source: B, target: Y }`)).errors).toEqual(['MISSING_FIELD']);
    expect((await loadQuestion(`${head}\npairs:\n  - { source: A, target: "" }\n  - { source: B, target: Y }`)).errors).toEqual(['EMPTY_TEXT']);
    expect((await loadQuestion(`${head}\npairs:\n  - { source: A, target: X }`)).errors).toEqual(['TOO_FEW_ITEMS']);
  });
});
