/**
 * `parcours init [dir]`: its flags and help. What it does (src/cli/init-command.ts, the scaffold
 * of src/init) loads only when it runs.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { implementation, runCommand } from './implementation.js';

/** Kept here rather than imported from src/init, so that `--help` loads nothing more. */
const LANGUAGES = ['en', 'fr'] as const;

export interface InitCommandOptions {
  lang: (typeof LANGUAGES)[number];
  title?: string;
  force?: boolean;
}

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('create a new course (one step with a video, a quiz, a sheet and a tool) that validates and builds at once')
    .argument('[dir]', 'folder to create the course in (created if needed; must be empty unless --force)', '.')
    .addOption(new Option('--lang <language>', "the course's language, for learners' interface and the sample text").choices([...LANGUAGES]).default('en'))
    .option('--title <text>', 'course title (default: "My first course", or its French)', parseTitle)
    .option('--force', 'use a folder that is not empty: add the files that are missing, never change one that exists')
    .action(async (dir: string, options: InitCommandOptions, command: Command) =>
      runCommand(command, async () => (await implementation<typeof import('./init-command.js')>('init-command')).initCommand(dir, options)),
    );
}

function parseTitle(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('the title cannot be empty.');
  if (/[\r\n]/.test(value)) throw new InvalidArgumentError('the title is one line.');
  return value.trim();
}

