/**
 * What bin/parcours.cjs runs: the command's front (lib/cli.cjs: Commander and every command's flags)
 * compiled with V8's code cache, as each command's implementation is (command-bundle.ts): compiling
 * the front was a tenth of `--help`.
 */
import { loadCommandBundle } from './command-bundle.js';

loadCommandBundle('cli');
