/**
 * Bundles the command and the library into lib/ (`npm run build`, after the validators are generated),
 * their node_modules dependencies inlined and tree-shaken, so that starting `parcours` reads a handful
 * of files instead of ~670 (docs/performance.md):
 * - lib/cli.cjs: the command's front: Commander and every command's flags and help, so `--help` reads
 *   this file only; run with V8's code cache by lib/launch.cjs, which bin/parcours.cjs requires;
 * - lib/<command>-command.cjs: what each command does (validate, build, preview, verify, init), run
 *   when the command runs, with V8's code cache (src/cli/implementation.ts, command-bundle.ts);
 * - lib/build-worker.js: the worker thread of a several-course build, started by path
 *   (src/cli/build-courses.ts: `new URL('./build-worker.js', import.meta.url)`), hence an entry;
 * - lib/index.js: the library (package.json `main`), ES modules split in chunks.
 * Every output file sits in lib/ itself: code that finds files from its own URL (packageRoot, the
 * worker) sees the same folder whatever bundle or chunk it lands in.
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
import { COMMAND_IMPLEMENTATIONS } from '../src/cli/command-bundle.js';

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


/** archiver's zip writer checksums with crc-32 (JavaScript): src/write/crc32.ts does it with Node's zlib. */
const nativeCrc32: Plugin = {
  name: 'native-crc32',
  setup(b) {
    b.onResolve({ filter: /^crc-32$/ }, () => ({ path: path.join(repoRoot, 'src', 'write', 'crc32.ts') }));
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
  plugins: [lazyChildProcessInCommander, nativeCrc32],
  // Code that keeps what it computed under the digest of its own bundle file (src/load/parse-cache.ts) does so only bundled.
  define: { PARCOURS_BUNDLED: 'true' },
} satisfies BuildOptions;

/** About a second. test/support/build-lib.ts runs this script in a child process (the tests need it synchronously). */
export async function bundleCli(): Promise<Metafile> {
  // A fresh folder: no chunk of an earlier bundle lingers (nor the per-file tsc output lib/ held before).
  rmSync(LIB, { recursive: true, force: true });
  // The library and the worker of a several-course build (started by path): ES modules, split.
  const library = await build({
    ...COMMON,
    entryPoints: { 'build-worker': 'src/cli/build-worker.ts', index: 'src/index.ts' },
    outdir: LIB,
    splitting: true,
    format: 'esm',
    chunkNames: '[name]-[hash]',
    banner: { js: BANNER },
  });
  // The command, in CommonJS: Node starts a CommonJS entry ~10 ms sooner than an ES module one
  // (no ES module loader to set up), a tenth of `--help`. The front (lib/cli.cjs) holds Commander
  // and the commands' flags; each command's implementation is a bundle of its own, which
  // src/cli/command-bundle.ts runs with V8's code cache (Node 20 keeps none for ES modules).
  // Everything a bundle imports is inlined; an `import()` becomes a `require` evaluated when
  // reached, so what a command does not use is not run (its code is in the file, never compiled).
  const command = await build({
    ...COMMON,
    entryPoints: {
      // launch.cjs (what bin/parcours.cjs requires) runs cli.cjs, the front, with the code cache;
      // src/cli/implementation.ts loads each command's bundle.
      launch: 'src/cli/launch.ts',
      cli: 'src/cli.ts',
      ...Object.fromEntries(COMMAND_IMPLEMENTATIONS.map((name) => [name, `src/cli/${name}.ts`])),
    },
    outdir: LIB,
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    supported: { 'dynamic-import': false },
    // The sources find files from their own URL (packageRoot, the build worker): the bundle's.
    define: { ...COMMON.define, 'import.meta.url': '__parcoursBundleUrl' },
    banner: { js: "const __parcoursBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const parts = [library, command].map((r) => r.metafile);
  const metafile: Metafile = {
    inputs: Object.assign({}, ...parts.map((m) => m.inputs)),
    outputs: Object.assign({}, ...parts.map((m) => m.outputs)),
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
