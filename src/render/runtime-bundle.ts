import path from 'node:path';
import type { Language } from '../model/course.js';
import { packageRoot } from './package-root.js';

const bundles = new Map<string, Promise<string>>();

/**
 * The browser runtime for one entry (src/runtime/entries/<entry>) and interface language,
 * bundled once per process: watch mode re-renders often, the runtime does not change
 * between builds. Only the language's string table is kept (see src/runtime/i18n.ts).
 */
export function bundleRuntime(entry: string, language: Language): Promise<string> {
  const key = `${entry}\0${language}`;
  let bundle = bundles.get(key);
  if (!bundle) {
    bundle = buildRuntimeBundle(entry, language);
    bundles.set(key, bundle);
    bundle.catch(() => bundles.delete(key));
  }
  return bundle;
}

/** Bundles without the cache (bundleRuntime caches its result). */
export async function buildRuntimeBundle(entry: string, language: Language): Promise<string> {
  // esbuild's native binary loads only when a build actually needs it (validate does not).
  const esbuild = await import('esbuild');
  const root = packageRoot();
  const file = /\.[cm]?[jt]s$/.test(entry) ? entry : `${entry}.ts`;
  const result = await esbuild.build({
    entryPoints: [path.resolve(root, 'src', 'runtime', 'entries', file)],
    absWorkingDir: root,
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    // Optional chaining and `??` stay native (every browser since 2020), which keeps the runtime small.
    target: ['es2020'],
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    define: { PARCOURS_UI_LANGUAGE: JSON.stringify(language) },
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
