/**
 * `parcours preview [dir]`: its flags and help. What it does (src/cli/preview-command.ts) loads
 * only when it runs, so `--help` stays fast.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { AnswerFormat, ReportStatusAs } from '../shared/course-data.js';
import { DEFAULT_COURSE_DIR } from '../options.js';
import { DEFAULT_PREVIEW_PORT } from '../preview/defaults.js';
import { DEFAULT_PREVIEW_MODE, isPreviewMode, PREVIEW_MODES, type PreviewMode } from '../preview/lms/modes.js';
import { implementation, runCommand } from './implementation.js';

export interface PreviewCommandOptions {
  port: number;
  open?: boolean;
  as: PreviewMode;
  /** `build`'s flags (program.ts's rule options), passed to the package build in LMS modes. */
  lms?: string;
  reportStatusAs?: ReportStatusAs;
  masteryScore?: boolean;
  runningScore?: boolean;
  answers?: AnswerFormat;
  cmi5AuPerStep?: boolean;
}

/** `addBuildFlags` declares `build`'s flags that change the package (--lms, --answers, --report-status-as…). */
export function registerPreviewCommand(program: Command, addBuildFlags: (command: Command) => Command): void {
  const command = program
    .command('preview')
    .description('serve the course on 127.0.0.1 and rebuild it on every save (the page reloads itself); writes nothing')
    .argument('[dir]', 'course folder (the one holding course.yaml)', DEFAULT_COURSE_DIR)
    .option('-p, --port <number>', 'port to listen on; 0 picks a free one', parsePort, DEFAULT_PREVIEW_PORT)
    .option('--open', 'open the preview in the default browser')
    .option(
      '--as <standard>',
      'scorm12: the package `build` writes, inside a local LMS with a panel showing what it records (SCORM calls, ' +
        'status, score, saved progress, what Moodle would refuse); xapi, cmi5: the package for that target with an LRS ' +
        '(and for cmi5 an LMS) in the preview, the panel showing each statement and what an LRS or LMS would refuse; ' +
        'standalone: the course alone, progress in the browser',
      parseAs,
      DEFAULT_PREVIEW_MODE,
    );
  addBuildFlags(command)
    .addHelpText('after', '\nThe build flags (--lms, --report-status-as, --mastery-score, --running-score, --answers, --cmi5-au-per-step) apply to the package of --as scorm12, xapi and cmi5, as with `parcours build`.')
    .action(async (dir: string, options: PreviewCommandOptions, command: Command) =>
      runCommand(command, async () => (await implementation<typeof import('./preview-command.js')>('preview-command')).previewCommand(dir, options)),
    );
}

function parseAs(value: string): PreviewMode {
  if (isPreviewMode(value)) return value;
  throw new InvalidArgumentError(`choose one of ${PREVIEW_MODES.join(', ')}.`);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  return port;
}

