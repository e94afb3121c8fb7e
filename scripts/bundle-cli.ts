/**
 * Bundles the command and the library into lib/ (`npm run build`, after the validators are generated):
 * ES modules with their node_modules dependencies inlined and tree-shaken, so that starting `parcours`
 * reads a handful of files instead of ~670 (docs/performance.md). Entry points:
 * - lib/cli.js: the command (bin/parcours.js imports it). Each command's implementation is imported
 *   with `import()` when it runs, and esbuild's code splitting puts it in a chunk of its own, so
 *   `--help` loads commander and the command definitions only;
 * - lib/build-worker.js: the worker thread of a several-course build, started by path
 *   (src/cli/build-courses.ts: `new URL('./build-worker.js', import.meta.url)`), hence an entry;
 * - lib/index.js: the library (package.json `main`).
 * Every output file sits in lib/ itself: code that finds files from its own URL (packageRoot, the
 * worker) sees the same folder whatever chunk it lands in.
 *
 * Left out of the bundle (loaded from node_modules when used): esbuild (a native binary), and what the
 * code loads with createRequire: a file read by path (UglifyJS reads its own sources, scorm-again's
 * browser build is served as a file, xmllint-wasm reads its .wasm), or a rarely used fallback (ajv
 * compiling the schemas, the Handlebars compiler when the disk cache is cold).
 * lib/meta.json is esbuild's metafile (what each output holds), which test/cli/startup.test.ts reads
 * to tell which packages a command loaded; package.json's `files` leaves it out of the package.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const LIB = path.join(repoRoot, 'lib');
export const BUNDLE_META = path.join(LIB, 'meta.json');

/** Packages never inlined: native, or reading their own files from disk by path. */
const EXTERNAL = ['esbuild', 'uglify-js', 'xmllint-wasm', 'scorm-again'];

/**
 * Inlined CommonJS packages call `require('fs')` & co.: in an ES module output, esbuild's `require`
 * shim needs a real `require` in scope.
 */
const BANNER = "import { createRequire as __parcoursCreateRequire } from 'node:module';\nconst require = __parcoursCreateRequire(import.meta.url);";

/**
 * Commander requires node:child_process (with node:net and more, ~7 ms of a 0.15 s `--help`) at load,
 * for stand-alone executable subcommands, which Parcours has none of: it is required when first used.
 * Should Commander's line change, the bundle still works, and test/cli/startup.test.ts notices that
 * `--help` loads node:child_process again.
 */
const lazyChildProcessInCommander: Plugin = {
  name: 'lazy-child-process-in-commander',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(
        "const childProcess = require('node:child_process');",
        "const childProcess = { spawn: (...spawnArgs) => require('node:child_process').spawn(...spawnArgs) };",
      ),
      loader: 'js',
    }));
  },
};

/** What every bundle of lib/ shares. */
const COMMON = {
  absWorkingDir: repoRoot,
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // Whitespace and syntax only: names stay, so `--debug` stacks and error names read as in the source.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [lazyChildProcessInCommander],
  // Code that keeps what it computed under the digest of its own bundle file (src/load/parse-cache.ts) does so only bundled.
  define: { PARCOURS_BUNDLED: 'true' },
} satisfies BuildOptions;

/** About a second. test/support/build-lib.ts runs this script in a child process (the tests need it synchronously). */
export async function bundleCli(): Promise<Metafile> {
  // A fresh folder: no chunk of an earlier bundle lingers (nor the per-file tsc output lib/ held before).
  rmSync(LIB, { recursive: true, force: true });
  const result = await build({
    ...COMMON,
    entryPoints: { cli: 'src/cli.ts', 'build-worker': 'src/cli/build-worker.ts', index: 'src/index.ts' },
    outdir: LIB,
    splitting: true,
    format: 'esm',
    chunkNames: '[name]-[hash]',
    banner: { js: BANNER },
    // src/cli/program.ts then runs `validate` and `build` from their bundles below.
    define: { ...COMMON.define, PARCOURS_COMMAND_BUNDLES: 'true' },
  });
  // The implementations of `validate` and `build`, each a CommonJS bundle of its own that
  // src/cli/command-bundle.ts runs with V8's code cache (which Node 20 keeps for CommonJS only).
  // Everything they import is inlined; an `import()` becomes a `require` evaluated when reached,
  // so what a command does not use is not run (its code is in the file, but never compiled).
  const commands = await build({
    ...COMMON,
    entryPoints: { 'validate-command': 'src/cli/validate-command.ts', 'build-command': 'src/cli/build-command.ts' },
    outdir: LIB,
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    supported: { 'dynamic-import': false },
    // The sources find files from their own URL (packageRoot, the build worker): the bundle's.
    define: { ...COMMON.define, 'import.meta.url': '__parcoursBundleUrl' },
    banner: { js: "const __parcoursBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const metafile: Metafile = {
    inputs: { ...result.metafile.inputs, ...commands.metafile.inputs },
    outputs: { ...result.metafile.outputs, ...commands.metafile.outputs },
  };
  writeFileSync(BUNDLE_META, JSON.stringify(metafile));
  return metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const metafile = await bundleCli();
  const outputs = Object.entries(metafile.outputs).filter(([file]) => /\.c?js$/.test(file));
  const bytes = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
  console.log(`lib/: ${outputs.length} files, ${(bytes / 1024).toFixed(0)} kB`);
}
