/**
 * Answers as an LMS report shows them (issue 9 item 14): readable ids with `answers: readable`
 * (the Moodle preset), the author's one-character ids kept in strict SCORM 1.2 formats, and a
 * numeric result for a partly right answer. Every value goes through scorm-again (no error) and
 * Moodle's own checks (mod/scorm/datamodels/scorm_12.js: responses and patterns CMIString256,
 * result CMIResult).
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { InteractionRecord } from '../../../src/runtime/adapters/lms-adapter.js';
import { createScorm12Adapter } from '../../../src/runtime/adapters/scorm12.js';
import { toScorm12Responses } from '../../../src/runtime/adapters/scorm12-format.js';
import { lmsData, newLms, recording } from './scorm12-lms.js';
import { multipleChoiceAnswer, trueFalseAnswer } from './scorm12-fixtures.js';

/** Moodle 4.5's checks (standard mode): CMIString256 for responses and patterns, CMIResult. */
const MOODLE_FEEDBACK = /^[\u0000-\uffff]{0,255}$/;
const MOODLE_RESULT = /^correct$|^wrong$|^unanticipated$|^neutral$|^([0-9]{0,3})?(\.[0-9]*)?$/;

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
});

const matching = (overrides: Partial<InteractionRecord> = {}): InteractionRecord =>
  multipleChoiceAnswer({
    id: 'q.roles',
    type: 'matching',
    interactionType: 'matching',
    choices: [
      { id: 'mairie', text: 'La mairie' },
      { id: 'asso', text: 'L’association' },
    ],
    targets: [
      { id: 'financeur', text: 'Financeur' },
      { id: 'operateur', text: 'Opérateur' },
    ],
    response: ['mairie.financeur', 'asso.financeur'],
    correct: ['mairie.financeur', 'asso.operateur'],
    result: 'wrong',
    scoreShare: 0.5,
    weight: 1,
    ...overrides,
  });

describe('readable answers (--answers readable, the Moodle preset)', () => {
  it.each([
    ['multiple choice: the choice ids', multipleChoiceAnswer(), 'choice', 'quiz,fiche', 'video,quiz,fiche'],
    ['true/false: the words', trueFalseAnswer({ response: ['false'], result: 'wrong', scoreShare: 0 }), 'true-false', 'false', 'true'],
    ['matching: source.target ids', matching(), 'matching', 'mairie.financeur,asso.financeur', 'mairie.financeur,asso.operateur'],
    [
      'ordering: the item ids in the learner’s order',
      multipleChoiceAnswer({ type: 'ordering', interactionType: 'sequencing', response: ['fiche', 'video', 'quiz'], correct: ['video', 'quiz', 'fiche'] }),
      'sequencing',
      'fiche,video,quiz',
      'video,quiz,fiche',
    ],
  ])('%s', async (_name, record, type, response, pattern) => {
    expect(toScorm12Responses(record, true)).toMatchObject({ type, response, pattern });

    const lms = newLms();
    const { api, calls } = recording(lms);
    const adapter = createScorm12Adapter(api, { answers: 'readable' });
    await adapter.start();
    adapter.recordInteraction(record);
    expect(calls.filter((c) => c.method === 'LMSSetValue' && c.error !== '0')).toEqual([]);
    const written = lmsData(lms).interactions['0'];
    expect(written).toMatchObject({ type, student_response: response, correct_responses: { '0': { pattern } } });
    expect(written.student_response).toMatch(MOODLE_FEEDBACK);
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back to SCORM 1.2 characters when the ids would not fit in 255 characters', () => {
    const choices = Array.from({ length: 8 }, (_, i) => ({ id: `choice-${i}-${'x'.repeat(40)}`, text: `${i}` }));
    const record = multipleChoiceAnswer({ choices, response: choices.map((c) => c.id), correct: [choices[0]!.id] });
    expect(toScorm12Responses(record, true)).toMatchObject({ type: 'choice', response: '0,1,2,3,4,5,6,7', pattern: '0' });
  });

  it('is off by default: strict SCORM 1.2 characters', async () => {
    const lms = newLms();
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    adapter.recordInteraction(multipleChoiceAnswer());
    adapter.recordInteraction(trueFalseAnswer());
    expect(lmsData(lms).interactions['0'].student_response).toBe('1,2');
    expect(lmsData(lms).interactions['1'].student_response).toBe('t');
  });
});

describe('strict SCORM 1.2 answers', () => {
  it('keeps the author’s ids when each is one character 0–9 or a–z (the default choice ids a, b, c…)', () => {
    const choices = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id }));
    expect(toScorm12Responses(multipleChoiceAnswer({ choices, response: ['b', 'd'], correct: ['a', 'b'] }))).toMatchObject({
      type: 'choice',
      response: 'b,d',
      pattern: 'a,b',
    });
  });
});

describe('a partly right answer', () => {
  it.each([
    ['half of weight 1', '0.5', 0.5, 1],
    ['two thirds of weight 1', '0.67', 2 / 3, 1],
    ['half of weight 3', '1.5', 0.5, 3],
    ['nothing right', 'wrong', 0, 1],
    ['a question weighing nothing', 'wrong', 0.5, 0],
  ])('%s is reported with result %s', async (_name, result, scoreShare, weight) => {
    const record = matching({ scoreShare, weight });
    expect(toScorm12Responses(record).result).toBe(result);
    expect(result).toMatch(MOODLE_RESULT);

    const lms = newLms();
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    adapter.recordInteraction(record);
    expect(lmsData(lms).interactions['0'].result).toBe(result);
    expect(warn).not.toHaveBeenCalled();
  });

  it('a right answer stays correct and an ungraded one neutral', () => {
    expect(toScorm12Responses(matching({ result: 'correct', scoreShare: 1 })).result).toBe('correct');
    expect(toScorm12Responses(matching({ result: 'neutral', scoreShare: 0, weight: 0 })).result).toBe('neutral');
  });
});
