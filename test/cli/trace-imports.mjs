// Preloaded with `node --import` by startup.test.ts: records the URL of every ES module
// (and CommonJS package imported from ESM) the process resolves, into $PARCOURS_IMPORT_TRACE.
import { register } from 'node:module';

register(new URL('./trace-imports-hooks.mjs', import.meta.url));
