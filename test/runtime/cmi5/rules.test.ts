/**
 * The cmi5 rules engine (spec §9.3 verb ordering, §10 launchMode, §9.3.4–9.3.5 masteryScore):
 * what an AU may send, in a session and across the sessions of a registration.
 */
import { describe, expect, it } from 'vitest';
import { Cmi5Rules, type Cmi5RulesInput, type Cmi5Verb } from '../../../src/runtime/cmi5/rules.js';

function rules(overrides: Partial<Cmi5RulesInput> = {}): Cmi5Rules {
  return new Cmi5Rules({ mode: 'Normal', masteryScore: 0.8, session: [], registration: { completed: false, passed: false }, ...overrides });
}

/** Sends `verbs` in order where allowed; returns what went out. */
function play(engine: Cmi5Rules, verbs: [Cmi5Verb, number?][]): Cmi5Verb[] {
  const sent: Cmi5Verb[] = [];
  for (const [verb, scaled] of verbs) {
    if (engine.refusal(verb, scaled) === null) {
      engine.record(verb);
      sent.push(verb);
    }
  }
  return sent;
}

describe('cmi5 rules: order within a session', () => {
  it('wants initialized before anything and nothing after terminated', () => {
    const engine = rules();
    expect(engine.refusal('completed')).toBe('not-initialized');
    expect(engine.refusal('terminated')).toBe('not-initialized');
    expect(engine.refusalOfOther()).toBe('not-initialized');
    expect(play(engine, [['initialized'], ['completed'], ['terminated']])).toEqual(['initialized', 'completed', 'terminated']);
    for (const verb of ['initialized', 'completed', 'passed', 'failed', 'terminated'] as const) expect(engine.refusal(verb, 0.9)).toBe('terminated');
    expect(engine.refusalOfOther()).toBe('terminated');
  });

  it('lets "cmi5 allowed" statements through only between initialized and terminated', () => {
    const engine = rules();
    play(engine, [['initialized']]);
    expect(engine.refusalOfOther()).toBeNull();
  });

  it('never sends a verb twice in a session', () => {
    const engine = rules();
    expect(play(engine, [['initialized'], ['initialized'], ['completed'], ['completed'], ['terminated'], ['terminated']])).toEqual([
      'initialized',
      'completed',
      'terminated',
    ]);
  });

  it('sends at most one of passed and failed per session', () => {
    const failedFirst = rules();
    expect(play(failedFirst, [['initialized'], ['failed', 0.5], ['passed', 0.9]])).toEqual(['initialized', 'failed']);
    expect(failedFirst.refusal('passed', 0.9)).toBe('judged-this-session');
    const passedFirst = rules();
    expect(play(passedFirst, [['initialized'], ['passed', 0.9], ['failed', 0.5]])).toEqual(['initialized', 'passed']);
  });

  it('continues a reloaded session where it was: no second initialized', () => {
    const engine = rules({ session: ['initialized'] });
    expect(engine.refusal('initialized')).toBe('repeated');
    expect(play(engine, [['passed', 0.85], ['terminated']])).toEqual(['passed', 'terminated']);
  });
});

describe('cmi5 rules: across the sessions of a registration', () => {
  it('sends completed and passed once per registration', () => {
    const engine = rules({ registration: { completed: true, passed: true } });
    play(engine, [['initialized']]);
    expect(engine.refusal('completed')).toBe('completed-in-registration');
    expect(engine.refusal('passed', 0.95)).toBe('passed-in-registration');
  });

  it('never sends failed after passed', () => {
    const engine = rules({ registration: { completed: false, passed: true } });
    play(engine, [['initialized']]);
    expect(engine.refusal('failed', 0.2)).toBe('passed-in-registration');
  });

  it('allows passed in a later session after a failed one', () => {
    const engine = rules({ registration: { completed: true, passed: false, failed: true } });
    expect(play(engine, [['initialized'], ['passed', 0.9], ['terminated']])).toEqual(['initialized', 'passed', 'terminated']);
  });

  it('sends failed again only in a session where the learner answered again', () => {
    const relaunch = rules({ registration: { completed: true, passed: false, failed: true } });
    play(relaunch, [['initialized']]);
    expect(relaunch.refusal('failed', 0.5)).toBe('failed-without-new-attempt');
    relaunch.recordAttempt();
    expect(play(relaunch, [['failed', 0.6]])).toEqual(['failed']);
    const first = rules();
    play(first, [['initialized'], ['failed', 0.5]]);
    expect(first.registration.failed).toBe(true);
  });

  it('records what the next session must know', () => {
    const engine = rules();
    play(engine, [['initialized'], ['completed'], ['passed', 0.9]]);
    expect(engine.registration).toMatchObject({ completed: true, passed: true });
    expect(engine.session).toEqual(['initialized', 'completed', 'passed']);
  });
});

describe('cmi5 rules: launch modes', () => {
  it.each(['Browse', 'Review'] as const)('%s: only initialized and terminated', (mode) => {
    const engine = rules({ mode });
    const sent = play(engine, [['initialized'], ['completed'], ['passed', 1], ['failed', 0], ['terminated']]);
    expect(sent).toEqual(['initialized', 'terminated']);
  });

  it.each(['Browse', 'Review'] as const)('%s: no answers or video statements either', (mode) => {
    const engine = rules({ mode });
    play(engine, [['initialized']]);
    expect(engine.refusalOfOther()).toBe('no-credit-mode');
  });
});

describe('cmi5 rules: masteryScore', () => {
  it('sends passed only at or above the mastery score, failed only below it', () => {
    const engine = rules({ masteryScore: 0.75 });
    play(engine, [['initialized']]);
    expect(engine.refusal('passed', 0.74)).toBe('below-mastery');
    expect(engine.refusal('passed', 0.75)).toBeNull();
    expect(engine.refusal('failed', 0.75)).toBe('not-below-mastery');
    expect(engine.refusal('failed', 0.7499)).toBeNull();
  });

  it('follows the LMS override, whatever the course said', () => {
    // The course asks 80 %; LMS.LaunchData says 0.5: a 60 % score passes.
    const engine = rules({ masteryScore: 0.5 });
    expect(play(engine, [['initialized'], ['passed', 0.6]])).toEqual(['initialized', 'passed']);
  });

  it('compares at the spec’s 4-decimal precision, without float noise', () => {
    // 0.07 * 100 is 7.000000000000001 in binary floating point.
    const engine = rules({ masteryScore: 0.07 });
    play(engine, [['initialized']]);
    expect(engine.refusal('passed', 0.07)).toBeNull();
    expect(engine.refusal('failed', 0.0699)).toBeNull();
  });
});
