// Preloaded with `node --import` by the start-up tests (test/cli/loaded-modules.ts): records the URL of
// every ES module (and CommonJS package imported from ESM) the process resolves, into
// $PARCOURS_IMPORT_TRACE, and at exit the public built-in modules it loaded (`node:child_process`),
// which a bundle's `require('node:…')` calls would not show to the resolve hook.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

register(new URL('./trace-imports-hooks.mjs', import.meta.url));

process.on('exit', () => {
  const trace = process.env.PARCOURS_IMPORT_TRACE;
  if (!trace) return;
  const builtins = process.moduleLoadList.flatMap((entry) => /^NativeModule (?!internal\/)(\S+)$/.exec(entry)?.[1] ?? []);
  appendFileSync(trace, builtins.map((name) => `node:${name}\n`).join(''));
});
