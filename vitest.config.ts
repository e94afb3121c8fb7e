import { defineConfig } from 'vitest/config';
import { splitTestFiles } from './test/support/test-projects.js';
import { HOOK_TIMEOUT_MS, TEST_TIMEOUT_MS } from './test/support/timeouts.js';

const { isolated, shared } = splitTestFiles(new URL('./test', import.meta.url).pathname);

// Browser and LRS end-to-end tests start real processes: limits come from
// test/support/timeouts.ts (scaled by PARCOURS_TEST_SLOWDOWN).
const limits = { testTimeout: TEST_TIMEOUT_MS, hookTimeout: HOOK_TIMEOUT_MS };
/** Fails a test that saw an uncaught error in a browser page (test/support/page-errors.ts). */
const setupFiles = ['./test/support/page-error-check.ts'];

export default defineConfig({
  test: {
    ...limits,
    // Two workers: CI has two cores.
    maxWorkers: 2,
    // Two projects (test/support/test-projects.ts): the tests that mock modules each get a fresh
    // module graph; the others, browser and LRS tests included, share their worker's modules
    // (playwright, src/, its libraries imported once per worker), and every vi.spyOn is undone
    // after each test so that no file leaves a mock to the next. The page-error check is a setup
    // file: vitest runs it before every test file, shared modules or not.
    projects: [
      { test: { name: 'isolated', include: isolated, isolate: true, setupFiles, ...limits } },
      { test: { name: 'shared-modules', include: shared, isolate: false, restoreMocks: true, setupFiles, ...limits } },
    ],
    // The CLI tests run lib/: rebuilt first when src/ is newer. The xAPI/cmi5 tests' LRS is
    // installed in test/e2e/lrs/ when missing.
    // One Chromium server (chromium-server.ts) and one folder of built packages (run-cache.ts)
    // shared by the run's test files. Global setups run once, for both projects.
    globalSetup: [
      './test/support/build-lib.ts',
      './test/support/lrs-install.ts',
      './test/support/chromium-server.ts',
      './test/support/run-cache.ts',
    ],
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
