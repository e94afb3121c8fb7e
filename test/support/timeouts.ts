/**
 * Every wait in the tests comes from here: poll limits, browser waits, test and hook timeouts.
 *
 * Waits poll for a condition and stop as soon as it holds, so generous limits cost nothing when the
 * machine is quiet and keep a loaded CI machine (2 shared cores) from failing on time alone. On a
 * machine slower still, scale them all: `PARCOURS_TEST_SLOWDOWN=3 npm test`.
 *
 * Usage:
 *   await vi.waitFor(() => expect(x).toBe(1), POLL);
 *   await expect.poll(() => x, POLL).toBe(1);
 *   await waitUntil(() => queue.pending().length === 0, 'the queue to empty');
 *   await locator.waitFor({ timeout: BROWSER_WAIT_MS });
 *   it('…', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => …);
 */

function slowdownFromEnv(): number {
  const raw = process.env.PARCOURS_TEST_SLOWDOWN;
  if (raw === undefined || raw === '') return 1;
  const factor = Number(raw);
  if (!Number.isFinite(factor) || factor < 1) {
    throw new Error(`PARCOURS_TEST_SLOWDOWN must be a number ≥ 1 (it is "${raw}")`);
  }
  return factor;
}

/** How much slower than a loaded 2-core machine this one is assumed to be (≥ 1). */
export const SLOWDOWN = slowdownFromEnv();

const scaled = (ms: number): number => Math.round(ms * SLOWDOWN);

/** How long a poll waits for its condition before failing. */
export const POLL_TIMEOUT_MS = scaled(30_000);
/** How often a poll checks its condition: short, the checks are cheap. */
export const POLL_INTERVAL_MS = 50;
/** Options for `vi.waitFor` and `expect.poll`. */
export const POLL = Object.freeze({ timeout: POLL_TIMEOUT_MS, interval: POLL_INTERVAL_MS });

/** Playwright's waits (locator.waitFor, waitForURL, waitForEvent…): set as the page's default. */
export const BROWSER_WAIT_MS = scaled(30_000);
/** A video playing to its end in headless Chromium (a few seconds of media, decoded on a busy CPU). */
export const VIDEO_WAIT_MS = scaled(60_000);
/** A spawned server (LRS, preview) printing that it listens. */
export const SERVER_START_MS = scaled(60_000);
/** One run of the CLI that must end (a test of something that once hung): a limit, not a duration. */
export const CLI_RUN_MS = scaled(60_000);

/**
 * Default per-test timeout (vitest.config.ts): browser tests walk whole courses, which took
 * over 120 s on the 2-core machine loaded by other jobs. A limit, not a duration: it costs
 * only when a test hangs.
 */
export const TEST_TIMEOUT_MS = scaled(240_000);
/** Tests that walk a course several times (relaunches, every question type, every attempt). */
export const SLOW_TEST_TIMEOUT_MS = scaled(480_000);
/** beforeAll/afterAll: builds, Chromium, the LRS. */
export const HOOK_TIMEOUT_MS = scaled(240_000);

/**
 * Polls `condition` until it returns a truthy value (which is returned), and fails after
 * POLL_TIMEOUT_MS with `what` it waited for and the last error the condition threw, if any.
 */
export async function waitUntil<T>(
  condition: () => T | Promise<T>,
  what: string,
  { timeout = POLL_TIMEOUT_MS, interval = POLL_INTERVAL_MS }: { timeout?: number; interval?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`waited ${timeout / 1000} s for ${what}${cause}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
