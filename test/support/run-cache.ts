/**
 * Vitest global setup: a folder shared by the test files of one run, removed at its end.
 * sample-package.ts keeps there the zips it built, so several test files that need the same
 * package (the sample course for SCORM 1.2, say) build it once per run, not once per file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dir = await mkdtemp(path.join(tmpdir(), 'parcours-run-cache-'));
  project.provide('runCacheDir', dir);
}

export async function teardown(): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this run's shared build products (run-cache.ts). */
    runCacheDir: string | undefined;
  }
}
