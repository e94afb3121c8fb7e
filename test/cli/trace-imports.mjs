// Preloaded with `node --import` by the start-up tests (test/cli/loaded-modules.ts): records, into
// $PARCOURS_IMPORT_TRACE, the URL of every ES module the process resolves; the bundles the CLI runs
// through node:vm (a command's implementation with V8's code cache, src/cli/command-bundle.ts), by the
// file name given to vm.Script; and at exit the CommonJS files it required (the command's front,
// lib/cli.cjs, and packages required from node_modules) and the public built-in modules it loaded
// (`node:child_process`), which a bundle's `require('node:…')` calls would not show to the resolve hook.
import { appendFileSync } from 'node:fs';
import { createRequire, register, syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

register(new URL('./trace-imports-hooks.mjs', import.meta.url));

const trace = (line) => {
  if (process.env.PARCOURS_IMPORT_TRACE) appendFileSync(process.env.PARCOURS_IMPORT_TRACE, `${line}\n`);
};

const { Script } = vm;
vm.Script = class TracedScript extends Script {
  constructor(code, options) {
    super(code, options);
    const filename = typeof options === 'string' ? options : options?.filename;
    if (filename) trace(pathToFileURL(filename).href);
  }
};
syncBuiltinESMExports(); // `import { Script } from 'node:vm'` sees the traced one too

process.on('exit', () => {
  for (const file of Object.keys(createRequire(import.meta.url).cache)) trace(pathToFileURL(file).href);
  const builtins = process.moduleLoadList.flatMap((entry) => /^NativeModule (?!internal\/)(\S+)$/.exec(entry)?.[1] ?? []);
  trace(builtins.map((name) => `node:${name}`).join('\n'));
});
