/**
 * `dependencies` is exactly what the installed command runs: every package the shipped code
 * imports (lib/, bin/, and the browser runtime that esbuild bundles from src/runtime and
 * src/shared at build time), and nothing else. lib/ is a bundle (scripts/bundle-cli.ts): the packages
 * it inlined are read from its metafile, those it loads from node_modules from its code. A package used for its types only, or by the
 * tests only, is a devDependency: a user who installs Parcours does not download it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot } from './cli/run-cli.js';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(extension))
    .map((f) => path.join(repoRoot, dir, f));
}

const IMPORTS = [
  /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm, // import x from 'p', export { x } from 'p'
  /^\s*import\s*['"]([^'"]+)['"]/gm, // import 'p'
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('p')
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // require('p')
  /\bcreateRequire\d*\([^)]*\)\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // createRequire(url)('p') (createRequire2 in the bundle)
  /\brequire\d*\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // require2('p'): the bundle renames a module's own `require`
  /\brequire\d*\.resolve\s*\(\s*['"]([^'"]+)['"]/g, // require.resolve('p/file'): a file served from the package (scorm-again's browser build)
];
const PACKAGE = /^(?:@[a-z0-9-~][\w.~-]*\/)?[a-z0-9-~][\w.~-]*(?:\/|$)/;

/** Package names imported by `code` (type-only imports left out: they vanish when compiled). */
function importedPackages(code: string): string[] {
  const withoutTypes = code.replace(/^\s*(?:import|export) type\b[^;]*;/gm, '');
  return IMPORTS.flatMap((pattern) => [...withoutTypes.matchAll(pattern)].map((m) => m[1]!))
    .filter((s) => PACKAGE.test(s) && !s.startsWith('node:') && !builtinModules.includes(s.split('/')[0]!))
    .map((s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/'));
}

describe('package.json dependencies', () => {
  let shipped: Set<string>;
  beforeAll(() => {
    ensureBuilt();
    const files = [...filesUnder('lib', '.js'), ...filesUnder('lib', '.cjs'), ...filesUnder('bin', '.js'), ...filesUnder('src/runtime', '.ts'), ...filesUnder('src/shared', '.ts')];
    // What src/ imports from node_modules, inlined (their own dependencies come with them).
    const meta = JSON.parse(readFileSync(path.join(repoRoot, 'lib', 'meta.json'), 'utf8')) as { inputs: Record<string, { imports: { path: string }[] }> };
    const inlined = Object.entries(meta.inputs)
      .filter(([input]) => input.startsWith('src/'))
      .flatMap(([, { imports }]) => imports.flatMap((i) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(i.path)?.[1] ?? []));
    shipped = new Set([...inlined, ...files.flatMap((f) => importedPackages(readFileSync(f, 'utf8')))]);
  });

  it('lists every package the shipped code imports', () => {
    expect([...shipped].filter((name) => !Object.hasOwn(manifest.dependencies, name)).sort()).toEqual([]);
  });

  it('lists nothing the shipped code does not import (types and test tools are devDependencies)', () => {
    expect(Object.keys(manifest.dependencies).filter((name) => !shipped.has(name)).sort()).toEqual([]);
    expect(manifest.devDependencies).toHaveProperty('@xapi/xapi'); // xAPI types for src/runtime, checked by tsc
  });

  it('bundles the xAPI and cmi5 runtimes without @xapi/xapi, whose types only they use', async () => {
    for (const entry of ['xapi', 'cmi5']) {
      const result = await build({
        entryPoints: [path.join(repoRoot, 'src', 'runtime', 'entries', `${entry}.ts`)],
        bundle: true,
        write: false,
        logLevel: 'silent',
        plugins: [
          {
            name: 'no-xapi-package',
            setup(b) {
              b.onResolve({ filter: /^@xapi\// }, (args) => ({ errors: [{ text: `${args.importer} imports ${args.path} at run time` }] }));
            },
          },
        ],
      });
      expect(result.errors).toEqual([]);
      expect(result.outputFiles[0]!.text.length).toBeGreaterThan(1000);
    }
  });
});
