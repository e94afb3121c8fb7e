/**
 * Runs a command's implementation from its own bundle (lib/<name>.cjs, made by
 * scripts/bundle-cli.ts) with V8's code cache: the bytecode of every function the command ran, kept
 * in the disk cache (src/render/disk-cache.ts), so the next run skips parsing and compiling them
 * (about a third of a `validate`, docs/performance.md). Node 20 has no code cache for ES modules
 * (module.enableCompileCache came in 22.1), hence CommonJS bundles run through node:vm.
 *
 * The cache is made once per bundle and Node (its name holds the digest of the bundle's source,
 * Node's version and the architecture), at the end of the first run that succeeds, so that it holds
 * the functions of a whole command, not of one stopped by a mistake in the course. V8 checks its own
 * version and flags and rejects a cache that does not fit (`cachedDataRejected`): the command then
 * compiles as usual and the cache is made again. The entry's digest (disk-cache.ts) catches a
 * truncated or altered file; PARCOURS_CACHE=off runs without it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { readCachedBytes, sha256, writeCachedBytes } from '../render/disk-cache.js';

/** Each command's implementation, src/cli/<name>.ts, bundled as lib/<name>.cjs (scripts/bundle-cli.ts). */
export const COMMAND_IMPLEMENTATIONS = ['validate-command', 'build-command', 'preview-command', 'verify-command', 'init-command'] as const;
export type CommandImplementation = (typeof COMMAND_IMPLEMENTATIONS)[number];
/** Those and the command's front (src/cli.ts, lib/cli.cjs). */
export type CommandBundleName = 'cli' | CommandImplementation;

/** The disk cache entry of a bundle's code cache, for this Node. */
export function codeCacheEntry(name: CommandBundleName, source: string): string {
  return `code-${name}-${sha256(process.version, process.arch, source).slice(0, 32)}.bin`;
}

/** The bundle in CommonJS's wrapper (as `require` puts it), compiled with `cachedData` if given. */
export function compileBundle(file: string, source: string, cachedData?: Buffer): Script {
  return new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename: file, cachedData });
}

/** The exports of lib/<name>.cjs, which sits beside this module's bundle in lib/. */
export function loadCommandBundle<Exports = unknown>(name: CommandBundleName): Exports {
  const file = fileURLToPath(new URL(`./${name}.cjs`, import.meta.url));
  const source = readFileSync(file, 'utf8');
  const entry = codeCacheEntry(name, source);
  const cachedData = readCachedBytes(entry);
  const script = compileBundle(file, source, cachedData);
  if (!cachedData || script.cachedDataRejected) {
    // At exit, the cache holds every function the command compiled, not only the top level.
    process.once('exit', (code) => {
      if (code === 0) writeCachedBytes(entry, script.createCachedData());
    });
  }
  const module = { exports: {} as Exports };
  const run = script.runInThisContext() as (exports: Exports, require: NodeJS.Require, module: { exports: Exports }, filename: string, dirname: string) => void;
  run(module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}
