/** Entry point of the `parcours` command (bin/parcours.cjs requires its bundle, lib/cli.cjs). */
import { createProgram } from './cli/program.js';

void createProgram().parseAsync(process.argv);
