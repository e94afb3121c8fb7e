/**
 * Moodle checks SCORM 1.2 values more strictly than scorm-again. Its validators
 * (mod/scorm/datamodels/scorm_12.js, STANDARDS.md §6) are restated here, and every value
 * the adapter writes, even from extreme inputs, must pass them.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import fc from 'fast-check';
import { createScorm12Adapter } from '../../../src/runtime/adapters/scorm12.js';
import type { InteractionRecord } from '../../../src/runtime/adapters/lms-adapter.js';
import { newLms, recording, type LmsCall } from './scorm12-lms.js';
import { manualClock, multipleChoiceAnswer, trueFalseAnswer } from './scorm12-fixtures.js';

const CMIString256 = /^[\s\S]{0,255}$/;
const CMIString4096 = /^[\s\S]{0,4096}$/;
const CMITime = /^([0-2]{1}[0-9]{1}):([0-5]{1}[0-9]{1}):([0-5]{1}[0-9]{1})(\.[0-9]{1,2})?$/;
const CMITimespan = /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/;
const CMIDecimal = /^-?([0-9]{0,3})(\.[0-9]*)?$/;
const CMIIdentifier = /^[\u0021-\u007E]{0,255}$/;
const CMIStatus = /^passed$|^completed$|^failed$|^incomplete$|^browsed$/;
const CMIStatus2 = /^passed$|^completed$|^failed$|^incomplete$|^browsed$|^not attempted$/;
const CMIExit = /^time-out$|^suspend$|^logout$|^$/;
const CMIType = /^true-false$|^choice$|^fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$/;
const CMIResult = /^correct$|^wrong$|^unanticipated$|^neutral$|^([0-9]{0,3})?(\.[0-9]*)?$/;

interface Rule {
  format: RegExp;
  range?: [number, number];
}
const score: Rule = { format: CMIDecimal, range: [0, 100] };
const RULES: Record<string, Rule> = {
  'cmi.core.lesson_location': { format: CMIString256 },
  'cmi.core.lesson_status': { format: CMIStatus },
  'cmi.core.score.raw': score,
  'cmi.core.score.min': score,
  'cmi.core.score.max': score,
  'cmi.core.exit': { format: CMIExit },
  'cmi.core.session_time': { format: CMITimespan },
  'cmi.suspend_data': { format: CMIString4096 },
  'cmi.objectives.n.id': { format: CMIIdentifier },
  'cmi.objectives.n.score.raw': score,
  'cmi.objectives.n.score.min': score,
  'cmi.objectives.n.score.max': score,
  'cmi.objectives.n.status': { format: CMIStatus2 },
  'cmi.interactions.n.id': { format: CMIIdentifier },
  'cmi.interactions.n.objectives.n.id': { format: CMIIdentifier },
  'cmi.interactions.n.time': { format: CMITime },
  'cmi.interactions.n.type': { format: CMIType },
  'cmi.interactions.n.correct_responses.n.pattern': { format: CMIString256 },
  'cmi.interactions.n.weighting': { format: CMIDecimal, range: [-100, 100] },
  'cmi.interactions.n.student_response': { format: CMIString256 },
  'cmi.interactions.n.result': { format: CMIResult },
  'cmi.interactions.n.latency': { format: CMITimespan },
};

/** Moodle's verdict on one LMSSetValue: null when accepted, else why not. */
function moodleRefusal(element: string, value: string): string | null {
  const model = element.replace(/[._](\d+)\./g, '.n.');
  const rule = RULES[model];
  if (!rule) return `${element} is not writable`;
  if (!rule.format.test(value)) return `${element}=${value} fails ${rule.format}`;
  if (rule.range && value !== '' && (Number(value) < rule.range[0] || Number(value) > rule.range[1])) {
    return `${element}=${value} is out of ${rule.range.join('…')}`;
  }
  return null;
}

/** SCORM 1.2 response formats Moodle leaves to the content but LMS reports rely on. */
function responseFormatRefusal(calls: LmsCall[]): string[] {
  const sets = calls.filter((c) => c.method === 'LMSSetValue').map((c) => [c.args[0]!, c.args[1]!] as const);
  const types = new Map(sets.filter(([el]) => el.endsWith('.type')).map(([el, v]) => [el.split('.')[2], v]));
  const problems: string[] = [];
  for (const [el, value] of sets) {
    if (!/\.(student_response|pattern)$/.test(el)) continue;
    const type = types.get(el.split('.')[2]);
    if (type === 'choice' && !/^([0-9a-z](,[0-9a-z])*)?$/.test(value)) problems.push(`${el}=${value} is no choice response`);
    if (type === 'true-false' && !/^[01tf]$/.test(value)) problems.push(`${el}=${value} is no true-false response`);
  }
  return problems;
}

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
});

const interactionArb: fc.Arbitrary<InteractionRecord> = fc
  .record({
    base: fc.constantFrom(multipleChoiceAnswer(), trueFalseAnswer()),
    id: fc.string({ unit: 'binary', maxLength: 300 }),
    objectiveId: fc.option(fc.string({ unit: 'binary', maxLength: 300 }), { nil: undefined }),
    weight: fc.double({ noNaN: false }),
    latencyMs: fc.double({ min: -1e3, max: 1e12 }),
    result: fc.constantFrom('correct' as const, 'wrong' as const, 'neutral' as const),
    timestamp: fc.date(),
    interactionType: fc.constantFrom<InteractionRecord['interactionType']>('choice', 'true-false', 'fill-in', 'numeric', 'other'),
    response: fc.array(fc.string({ maxLength: 200 }), { maxLength: 5 }),
  })
  .map(({ base, response, interactionType, ...rest }) => ({
    ...base,
    ...rest,
    interactionType,
    // Half the time keep the authored ids, so the choice and true-false mappings run.
    response: response.length % 2 === 0 ? base.response : response,
  }));

describe('Scorm12Adapter values against Moodle’s SCORM 1.2 validators', () => {
  it('writes only values Moodle accepts, whatever the core sends', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(interactionArb, { maxLength: 4 }),
        fc.double(),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.nat(),
        async (interactions, scorePercent, location, sessionMs) => {
          const { api, calls } = recording(newLms());
          const clock = manualClock();
          const adapter = createScorm12Adapter(api, { now: clock.now });
          await adapter.start();
          adapter.setLocation(location);
          adapter.saveState('p1:' + location);
          for (const interaction of interactions) adapter.recordInteraction(interaction);
          adapter.recordObjective({ id: location, scorePercent, status: 'passed' });
          adapter.setProgress({ completion: 'completed', success: 'passed', scorePercent, progress: 1 });
          clock.advance(sessionMs * 1000);
          adapter.finish('leave');

          const refusals = calls
            .filter((c) => c.method === 'LMSSetValue')
            .map((c) => moodleRefusal(c.args[0]!, c.args[1]!))
            .filter((r) => r !== null);
          expect(refusals).toEqual([]);
          expect(responseFormatRefusal(calls)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('rounds scores to two decimals and clamps them to 0–100', async () => {
    const { api, calls } = recording(newLms());
    const adapter = createScorm12Adapter(api);
    await adapter.start();
    const raws: string[] = [];
    for (const scorePercent of [33.3333, 150, -4, 99.999, 0.004]) {
      adapter.setProgress({ completion: 'incomplete', scorePercent, progress: 0 });
      raws.push(calls.filter((c) => c.args[0] === 'cmi.core.score.raw').at(-1)!.args[1]!);
    }
    expect(raws).toEqual(['33.33', '100', '0', '100', '0']);
  });
});
