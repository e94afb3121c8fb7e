import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/runtime/i18n.js';

describe('interface strings', () => {
  it('follows the course language, with singular forms and placeholders', () => {
    const fr = translator('fr');
    const en = translator('en-GB');
    expect(fr('attemptsLeft', { n: 1 })).toBe('Il vous reste 1 tentative.');
    expect(fr('attemptsLeft', { n: 2 })).toBe('Il vous reste 2 tentatives.');
    expect(en('quizScore', { n: 75 })).toBe('Your score: 75%');
    expect(fr('quizScore', { n: 75 })).toBe('Votre score : 75\u00a0%');
  });

  it('falls back to French for an unknown language', () => {
    expect(translator('de')('done')).toBe('Terminé');
  });
});
