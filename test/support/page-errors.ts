/**
 * Uncaught errors thrown in the tests' browser pages (chromium.ts records them), checked after each
 * test by page-error-check.ts, a setup file of both vitest projects: it runs before every test
 * file, even in a worker whose modules are shared, so every browser test gets the check.
 */

/** Uncaught page errors seen since the last test ended, and those the running test announced. */
const pageErrors: string[] = [];
const expectedErrors: RegExp[] = [];

/** The running test expects an uncaught page error matching `pattern` (consumed once seen). */
export function expectPageError(pattern: RegExp): void {
  expectedErrors.push(pattern);
}

export function recordPageError(description: string): void {
  pageErrors.push(description);
}

/** Throws if the test that just ended saw a page error it did not announce; starts afresh. */
export function checkPageErrors(): void {
  const unexpected = pageErrors.splice(0).filter((message) => {
    const i = expectedErrors.findIndex((pattern) => pattern.test(message));
    if (i >= 0) expectedErrors.splice(i, 1);
    return i < 0;
  });
  expectedErrors.length = 0;
  if (unexpected.length > 0) {
    throw new Error(`uncaught error${unexpected.length > 1 ? 's' : ''} in the browser page during this test:\n${unexpected.join('\n')}`);
  }
}
