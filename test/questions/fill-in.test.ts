import { describe, expect, it } from 'vitest';
import type { FillInQuestion } from '../../src/model/course.js';
import { fillIn } from '../../src/questions/fill-in.js';
import { blankMaxLength, findBlanks, replaceBlanks } from '../../src/questions/fill-in-blanks.js';
import { loadQuestion } from './load-question.js';

const head = 'id: capital\ntype: fill-in\nprompt: Complete.\nexplanation: Because.';

describe('fill-in questions (YAML → model)', () => {
  it('reads the blanks and their accepted answers, trimmed; neither case nor accents matter by default', async () => {
    const { question, diagnostics } = await loadQuestion<FillInQuestion>(`${head}\ntext: "The capital is [[ Paris | paris, France ]], the river [[Seine]]."`);
    expect(diagnostics).toEqual([]);
    expect(question!.blanks).toEqual([['Paris', 'paris, France'], ['Seine']]);
    expect(question).toMatchObject({ caseSensitive: false, accentSensitive: false });
    const strict = await loadQuestion<FillInQuestion>(`${head}\ntext: "[[Évaluation]]"\ncaseSensitive: true\naccentSensitive: true`);
    expect(strict.question).toMatchObject({ caseSensitive: true, accentSensitive: true, blanks: [['Évaluation']] });
  });

  it('refuses a text without blank, an empty accepted answer, and a correct response over 255 characters', async () => {
    expect((await loadQuestion(`${head}\ntext: No blank here.`)).diagnostics).toEqual([
      { code: 'NO_BLANK', line: 13, message: 'Fill-in question `capital` has no blank in its text' },
    ]);
    expect((await loadQuestion(`${head}\ntext: "A [[]] and [[b||c]] and [[d]]"`)).diagnostics.map((d) => d.message)).toEqual([
      'Blank 1 of fill-in question `capital` has an empty accepted answer',
      'Blank 2 of fill-in question `capital` has an empty accepted answer',
    ]);
    const long = 'x'.repeat(200);
    expect((await loadQuestion(`${head}\ntext: "[[${long}]] and [[${long.slice(0, 55)}]]"`)).errors).toEqual(['RESPONSE_TOO_LONG']);
    // 200 + 1 comma + 54 = 255: fits.
    expect((await loadQuestion(`${head}\ntext: "[[${long}]] and [[${long.slice(0, 54)}|longer alternatives are fine ${long}]]"`)).errors).toEqual([]);
  });

  it('bounds what the learner may type, and saves the costliest text in the budget', () => {
    expect(blankMaxLength(['a'])).toBe(20);
    expect(blankMaxLength(['a', 'x'.repeat(30)])).toBe(60);
    expect(blankMaxLength(['x'.repeat(80)])).toBe(100);
    const question = { blanks: [['Paris'], ['x'.repeat(30)]] } as FillInQuestion;
    expect(fillIn.worstCaseResponse(question).map((v) => v.length)).toEqual([20, 60]);
  });

  it('finds and replaces blank marks', () => {
    expect(findBlanks('a [[b|c]] d [[e]]')).toEqual([
      { answers: ['b', 'c'], index: 2, length: 7 },
      { answers: ['e'], index: 12, length: 5 },
    ]);
    expect(replaceBlanks('a [[b|c]] d [[e]]', (n) => `<${n}>`)).toBe('a <0> d <1>');
    expect(findBlanks('a [single] [[ ]]')).toEqual([{ answers: [''], index: 11, length: 5 }]);
    // A folded YAML text may break a blank across lines: an LMS takes no line break in a response.
    expect(findBlanks('[[convention\n  de   partenariat]]')[0]!.answers).toEqual(['convention de partenariat']);
  });
});
