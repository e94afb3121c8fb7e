/**
 * vitest.config.ts's split (test-projects.ts): a mock would leak to the next file of a worker
 * sharing its modules, so a mocking file lands in the isolated project, and plain unit files and
 * browser tests in the shared one; the page-error check reaches every browser test all the same,
 * as a setup file of both projects (a hook registered by chromium.ts on import would reach only
 * the first file of a shared worker).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../vitest.config.js';
import { checkPageErrors, expectPageError, recordPageError } from './page-errors.js';
import { needsIsolation, splitTestFiles } from './test-projects.js';

const testRoot = fileURLToPath(new URL('..', import.meta.url));
const { isolated, shared } = splitTestFiles(testRoot);
const relative = (files: string[]) => files.map((f) => path.relative(testRoot, f));

describe('the isolated and shared-modules test projects', () => {
  it('gives every browser test the page-error check: a setup file of both projects, no hook registered on import', () => {
    const projects = (config.test?.projects ?? []) as { test: { name: string; setupFiles?: string[] } }[];
    expect(projects.map((p) => p.test.name).sort()).toEqual(['isolated', 'shared-modules']);
    for (const project of projects) expect(project.test.setupFiles, project.test.name).toContain('./test/support/page-error-check.ts');
    for (const support of ['chromium.ts', 'page-errors.ts']) {
      expect(fs.readFileSync(path.join(testRoot, 'support', support), 'utf8'), support).not.toMatch(/^(afterEach|beforeEach|afterAll|beforeAll)\(/m);
    }
    const browserFiles = relative(shared).filter((f) => /launchChromium|scorm12-e2e|recording-site|cmi5-launcher/.test(fs.readFileSync(path.join(testRoot, f), 'utf8')));
    expect(browserFiles.length).toBeGreaterThan(10);
  });

  it('fails a test on an uncaught page error, unless the test announced it', () => {
    recordPageError('TypeError: boom (in http://127.0.0.1/)');
    expect(() => checkPageErrors()).toThrow(/uncaught error in the browser page during this test:\nTypeError: boom/);
    expectPageError(/boom/);
    recordPageError('TypeError: boom (in http://127.0.0.1/)');
    expect(() => checkPageErrors()).not.toThrow();
    // An announcement lasts one test.
    recordPageError('TypeError: boom (in http://127.0.0.1/)');
    expect(() => checkPageErrors()).toThrow();
  });

  it('isolates a file that mocks a module, and shares a plain unit file', () => {
    expect(relative(isolated)).toContain('build.test.ts');
    expect(relative(shared)).toContain(path.join('shared', 'state-codec.test.ts'));
    expect(isolated.length + shared.length).toBe(new Set([...isolated, ...shared]).size);
  });

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-projects-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('follows imports through test modules to one registering a hook on import', () => {
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(work, name), text);
      return path.join(work, name);
    };
    write('hooks.ts', "import { afterEach } from 'vitest';\nafterEach(() => {});\n");
    write('helper.ts', "export { x } from './hooks.js';\n");
    const viaHelper = write('a.test.ts', "import { x } from './helper.js';\n");
    const plain = write('b.test.ts', "import { y } from './plain.js';\n");
    write('plain.ts', 'export const y = 1;\n');
    expect(needsIsolation(viaHelper, work)).toBe(true);
    expect(needsIsolation(plain, work)).toBe(false);
  });
});
