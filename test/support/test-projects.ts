/**
 * Which test files need a fresh module graph of their own (vitest's `isolate`), read from their
 * sources, for vitest.config.ts's two projects:
 *
 * - `isolated`: a file that mocks modules (`vi.mock`, …), or that imports, directly or through
 *   other test modules, a support module registering hooks when it is first imported (in a shared
 *   module graph only the first file importing it would get them: hooks every file needs belong in
 *   a setup file, as the page-error check, page-error-check.ts). The mocking tests.
 * - `shared-modules`: every other file, the browser and LRS tests included. They run in workers
 *   that keep the modules already imported (`isolate: false`): src/, playwright, yaml, ajv,
 *   handlebars, esbuild… are imported once per worker instead of once per file, which was most of
 *   the suite's "import" time.
 *
 * The reading is textual and errs towards isolation: a new file is classified by what it does.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A test file that mocks or stubs module-wide state. */
const MOCKS = /\bvi\.(mock|doMock|unmock|resetModules|stubGlobal|stubEnv)\(/;
/** A module that registers test hooks as it is imported (a hook call at the start of a line). */
const TOP_LEVEL_HOOK = /^(afterEach|beforeEach|afterAll|beforeAll)\(/m;
/** Relative imports, static or dynamic. */
const RELATIVE_IMPORT = /(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * Whether `file` needs its own module graph. Only test/ modules are followed: src/ registers no
 * test hooks, and its module-level caches (compiled templates, validators) are meant to be shared.
 */
export function needsIsolation(file: string, testRoot: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const source = fs.readFileSync(file, 'utf8');
  if (MOCKS.test(source)) return true;
  if (!file.endsWith('.test.ts') && TOP_LEVEL_HOOK.test(source)) return true;
  for (const [, specifier] of source.matchAll(RELATIVE_IMPORT)) {
    const target = resolveImport(file, specifier!);
    if (target && !path.relative(testRoot, target).startsWith('..') && needsIsolation(target, testRoot, seen)) return true;
  }
  return false;
}

/** Every test file under `testRoot` (outside node_modules), split by whether it needs isolation. */
export function splitTestFiles(testRoot: string): { isolated: string[]; shared: string[] } {
  const isolated: string[] = [];
  const shared: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.isFile() && entry.name.endsWith('.test.ts')) (needsIsolation(full, testRoot) ? isolated : shared).push(full);
    }
  };
  walk(testRoot);
  return { isolated, shared };
}
