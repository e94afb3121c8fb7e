import { defineConfig } from 'vitest/config';
import { HOOK_TIMEOUT_MS, TEST_TIMEOUT_MS } from './test/support/timeouts.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser and LRS end-to-end tests start real processes: limits come from
    // test/support/timeouts.ts (scaled by PARCOURS_TEST_SLOWDOWN). Two workers: CI has two cores.
    testTimeout: TEST_TIMEOUT_MS,
    hookTimeout: HOOK_TIMEOUT_MS,
    maxWorkers: 2,
    // The CLI tests run lib/: rebuilt first when src/ is newer. The xAPI/cmi5 tests' LRS is
    // installed in test/e2e/lrs/ when missing.
    // One Chromium server (chromium-server.ts) and one folder of built packages (run-cache.ts)
    // shared by the run's test files.
    globalSetup: [
      './test/support/build-lib.ts',
      './test/support/lrs-install.ts',
      './test/support/chromium-server.ts',
      './test/support/run-cache.ts',
    ],
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
