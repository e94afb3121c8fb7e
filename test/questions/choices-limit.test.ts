import { describe, expect, it } from 'vitest';
import { loadQuestion, yamlList } from './load-question.js';

describe('choice questions and what an LMS records', () => {
  it('refuses more than 36 choices (SCORM 1.2 writes each as one character, 0–9 then a–z)', async () => {
    const choices = (n: number) => yamlList(n, (k) => `  - { text: "C${k}"${k === 1 ? ', correct: true' : ''} }`);
    const tooMany = await loadQuestion(`id: many\ntype: single-choice\nprompt: Which?\nexplanation: One.\nchoices:\n${choices(37)}`);
    expect(tooMany.diagnostics.map((d) => d.message)).toEqual(['Question `many` has 37 choices; an LMS records at most 36']);
    expect((await loadQuestion(`id: many\ntype: multiple-choice\nprompt: Which?\nexplanation: One.\nchoices:\n${choices(36)}`)).errors).toEqual([]);
  });
});
