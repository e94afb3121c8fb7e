import { describe, expect, it } from 'vitest';
import type { LikertQuestion } from '../../src/model/course.js';
import { likert } from '../../src/questions/likert.js';
import { findQuestionType } from '../../src/questions/index.js';
import { loadQuestion, yamlList } from './load-question.js';

const head = 'id: ready\ntype: likert\nprompt: I feel ready.\nexplanation: Thanks.';

describe('likert questions (YAML → model)', () => {
  it('defaults to a five-point agreement scale in the course language', async () => {
    const en = await loadQuestion<LikertQuestion>(head);
    expect(en.diagnostics).toEqual([]);
    expect(en.question!.scale.map((p) => [p.id, p.text])).toEqual([
      ['a', 'Strongly disagree'],
      ['b', 'Disagree'],
      ['c', 'Neither agree nor disagree'],
      ['d', 'Agree'],
      ['e', 'Strongly agree'],
    ]);
    const fr = await loadQuestion<LikertQuestion>(head, 'fr');
    expect(fr.question!.scale[0]!.text).toBe('Pas du tout d’accord');
  });

  it('takes the author’s scale; refuses one point, or more than 36', async () => {
    const own = await loadQuestion<LikertQuestion>(`${head}\nscale: [Not useful, " Useful "]`);
    expect(own.question!.scale.map((p) => p.text)).toEqual(['Not useful', 'Useful']);
    expect(likert.worstCaseResponse(own.question!)).toEqual(['a']);
    expect((await loadQuestion(`${head}\nscale: [Alone]`)).errors).toEqual(['TOO_FEW_ITEMS']);
    expect((await loadQuestion(`${head}\nscale:\n${yamlList(37, (n) => `  - P${n}`)}`)).errors).toEqual(['TOO_MANY_OPTIONS']);
  });

  it('needs no explanation: no right answer to explain, so no warning without one', async () => {
    const silent = await loadQuestion<LikertQuestion>('id: ready\ntype: likert\nprompt: I feel ready.');
    expect(silent.diagnostics).toEqual([]);
    expect(silent.question).toBeDefined();
    // A graded question still gets the warning.
    const graded = await loadQuestion('id: one\ntype: true-false\nprompt: One is one.\nanswer: true');
    expect(graded.diagnostics.map((d) => d.code)).toEqual(['QUESTION_WITHOUT_EXPLANATION']);
  });

  it('is not graded', () => {
    expect(findQuestionType('likert')?.graded).toBe(false);
    expect(findQuestionType('matching')?.graded).not.toBe(false);
  });
});
