/** Records the core would send, shaped like the sample course's first step. */
export { multipleChoiceAnswer, trueFalseAnswer } from '../../support/answers.js';

/** A clock the test moves by hand. */
export function manualClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}
