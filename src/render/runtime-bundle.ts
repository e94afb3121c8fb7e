import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import type { Course, Language } from '../model/course.js';
import { cached, fileDigest, sha256 } from './disk-cache.js';
import { packageRoot } from './package-root.js';

const bundles = new Map<string, Promise<string>>();

/**
 * The browser runtime for one entry (src/runtime/entries/<entry>), interface language and set
 * of question types, bundled once per process: watch mode re-renders often, the runtime does
 * not change between builds. Only the language's string table is kept (see
 * src/runtime/i18n.ts), and only the runtime modules of `questionTypes` (every type when
 * omitted; see `usedQuestionTypes`). Across processes the bundle is kept in the disk cache
 * (src/render/disk-cache.ts) under the digest of everything it is made from (`bundleInputs`):
 * bundling and renaming cost about 0.2 s of every build.
 */
export function bundleRuntime(entry: string, language: Language, questionTypes?: readonly string[]): Promise<string> {
  const types = questionTypes && [...new Set(questionTypes)].sort();
  const key = `${entry}\0${language}\0${types?.join(',') ?? '*'}`;
  let bundle = bundles.get(key);
  if (!bundle) {
    bundle = cached(`runtime-${sha256(bundleInputs(), key)}.js`, () => buildRuntimeBundle(entry, language, types));
    bundles.set(key, bundle);
    bundle.catch(() => bundles.delete(key));
  }
  return bundle;
}

let inputsDigest: string | undefined;

/**
 * The digest of what every bundle is made from, besides its entry, language and types: the
 * runtime's sources (src/runtime, src/shared), this module (the bundler's options), and the
 * versions of esbuild and UglifyJS. Read once per process, like the bundles themselves.
 */
function bundleInputs(): string {
  if (inputsDigest) return inputsDigest;
  const root = packageRoot();
  const parts: string[] = [];
  for (const dir of ['src/runtime', 'src/shared']) {
    const files = readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).sort();
    for (const file of files) {
      const full = path.join(root, dir, file);
      if (/\.[cm]?[jt]s$/.test(file)) parts.push(`${dir}/${file}`, readFileSync(full, 'utf8'));
    }
  }
  const require = createRequire(import.meta.url);
  for (const name of ['esbuild', 'uglify-js']) parts.push(name, (require(`${name}/package.json`) as { version: string }).version);
  parts.push(fileDigest(fileURLToPath(import.meta.url)));
  inputsDigest = sha256(...parts);
  return inputsDigest;
}

/** The question types a course's quizzes use, sorted: what its runtime needs. */
export function usedQuestionTypes(course: Course): string[] {
  const types = course.steps.flatMap((s) => s.activities).flatMap((a) => (a.kind === 'quiz' ? a.questions.map((q) => q.type) : []));
  return [...new Set(types)].sort();
}

/** Bundles without the cache (bundleRuntime caches its result). */
export async function buildRuntimeBundle(entry: string, language: Language, questionTypes?: readonly string[]): Promise<string> {
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
    plugins: questionTypes ? [questionTypeRegistry(root, questionTypes)] : [],
  });
  return renameForGzip(result.outputFiles[0]!.text);
}

interface UglifyJs {
  minify(code: string, options: object): { code?: string; error?: Error };
}

/**
 * Renames the bundle's variables with UglifyJS's mangler, and changes nothing else: esbuild
 * gives every nested variable a name of its own, while UglifyJS gives the same few letters to
 * every scope that does not see the outer ones, which gzip compresses far better (the SCORM
 * runtime of the sample course: about 600 B less, 5 %). `module: false`: the bundle runs as a
 * classic script.
 */
function renameForGzip(code: string): string {
  const uglify = createRequire(import.meta.url)('uglify-js') as UglifyJs;
  const result = uglify.minify(code, { compress: false, mangle: true, module: false });
  if (result.error || result.code === undefined) throw new Error(`Renaming the runtime's variables failed: ${result.error?.message ?? 'no output'}`);
  return result.code;
}

/**
 * Replaces the runtime's list of question types (src/runtime/activities/questions/registry.ts)
 * with one naming only `types`, so the bundle leaves the other types' modules out.
 */
function questionTypeRegistry(root: string, types: readonly string[]): Plugin {
  const dir = path.resolve(root, 'src', 'runtime', 'activities', 'questions');
  const registry = path.join(dir, 'registry.ts');
  const names = types.map((type) => {
    if (!/^[a-z][a-z0-9-]*$/.test(type) || !existsSync(path.join(dir, `${type}.ts`))) {
      throw new Error(`No runtime module for question type "${type}" (expected src/runtime/activities/questions/${type}.ts)`);
    }
    return { type, name: type.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()) };
  });
  const contents = [
    ...names.map(({ type, name }) => `import { ${name} } from './${type}.js';`),
    `export const questionTypes = [${names.map((n) => n.name).join(', ')}];`,
  ].join('\n');
  return {
    name: 'parcours-question-types',
    setup(build) {
      build.onLoad({ filter: /[\\/]questions[\\/]registry\.ts$/ }, (args) =>
        path.resolve(args.path) === registry ? { contents, loader: 'ts', resolveDir: dir } : undefined,
      );
    },
  };
}
