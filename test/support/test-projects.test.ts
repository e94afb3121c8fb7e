/**
 * vitest.config.ts's split (test-projects.ts): a browser test sharing its worker's modules would
 * lose chromium.ts's page-error check after the first file, and a mock would leak to the next
 * file; so those must land in the isolated project, and plain unit files in the shared one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { needsIsolation, splitTestFiles } from './test-projects.js';

const testRoot = fileURLToPath(new URL('..', import.meta.url));
const { isolated, shared } = splitTestFiles(testRoot);
const relative = (files: string[]) => files.map((f) => path.relative(testRoot, f));

describe('the isolated and shared-modules test projects', () => {
  it('puts every file that opens Chromium, directly or through a support module, in the isolated project', () => {
    const self = path.relative(testRoot, fileURLToPath(import.meta.url));
    const browserFiles = [...relative(isolated), ...relative(shared)].filter(
      (f) => f !== self && /launchChromium|scorm12-e2e|recording-site|cmi5-launcher/.test(fs.readFileSync(path.join(testRoot, f), 'utf8')),
    );
    expect(browserFiles.length).toBeGreaterThan(10);
    expect(relative(shared).filter((f) => browserFiles.includes(f))).toEqual([]);
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
