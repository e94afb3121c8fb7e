/** Vitest setup file (both projects, re-run before each test file): fails a test that saw an uncaught page error (page-errors.ts). */
import { afterEach } from 'vitest';
import { checkPageErrors } from './page-errors.js';

afterEach(checkPageErrors);
