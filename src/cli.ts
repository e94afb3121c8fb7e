/** Entry point of the `parcours` command (bin/parcours.js imports the compiled lib/cli.js). */
import { createProgram } from './cli/program.js';

await createProgram().parseAsync(process.argv);
