/**
 * The command line: parses flags, calls the library, prints, sets the exit code.
 * Commands load their implementation (and with it archiver, esbuild, ajv, handlebars...)
 * only when they run, so `parcours --help` and `--version` start fast.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_COURSE_DIR, DEFAULT_OUT_DIR, DEFAULT_TARGETS, DEFAULT_VALIDATE_TARGETS } from '../options.js';
import { ALL_TARGETS, resolveTargets, targets, UnknownTargetError } from '../package/targets.js';
import { DEFAULT_LMS, lmsPresets } from '../presets.js';
import { packageRoot } from '../render/package-root.js';
import { REPORT_STATUS_PAIRS, type AnswerFormat, type ReportStatusAs } from '../shared/course-data.js';
import type { GlobalOptions } from './output.js';
import { implementation, runCommand } from './implementation.js';
import { registerInitCommand } from './init-definition.js';
import { registerPreviewCommand } from './preview-definition.js';
import { registerVerifyCommand } from './verify-definition.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  success (warnings allowed)
  1  the course has errors (nothing written), or the command line is wrong
  2  unexpected failure (rerun with --debug to see the stack)`;

const MASTERY_SCORE_HELP =
  'leave adlcp:masteryscore (the course passingScore) out of imsmanifest.xml. With it, Moodle ' +
  '("mastery score overrides status", on by default) sets passed/failed from the score when the ' +
  'course closes, whatever status the course reported; without it the course alone decides. ' +
  'Default: written, except with --lms moodle and a status pair other than passed/failed';

const CMI5_AU_PER_STEP_HELP =
  'cmi5: one AU per step in cmi5.xml, each opening its step, so the LMS lists and tracks steps apart ' +
  '(default: one AU for the whole course)';

const SCORM2004_SCO_PER_STEP_HELP =
  'SCORM 2004: one SCO per step under simple sequencing (choice and flow, the course passed and completed from its steps), ' +
  "so the LMS lists and tracks steps apart (default: one SCO for the whole course)";

const REPORT_STATUS_HELP = 'the two statuses a SCORM 1.2 LMS records, success/failure (overrides course.yaml)';

const RUNNING_SCORE_HELP =
  'SCORM 1.2: send the course score from the first quiz on, so the LMS shows learners in progress with ' +
  'their score (Moodle shows 0 until the course decides otherwise); leaves the mastery score out of the ' +
  'manifest, since an LMS with one would fail a learner on a partial score. Default: only without a mastery score';

const ANSWERS_HELP =
  "SCORM 1.2: how answers read in the LMS's reports: strict (the standard's single characters, t/f) or " +
  'readable (the choice ids and true/false, which Moodle keeps). Default: strict, readable with --lms moodle';

function readVersion(): string {
  // From src/cli/ (tests) or the bundle in lib/: packageRoot() finds package.json either way.
  const manifest = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * `--target a b`, `--target a,b` and repeated `--target` all add up, replacing the default
 * (`defaults`, compared by identity); names are checked here.
 */
function targetParser(defaults: string[]): (value: string, previous: string[]) => string[] {
  return (value, previous) => {
    const names = value.split(',').map((s) => s.trim()).filter(Boolean);
    try {
      resolveTargets(names);
    } catch (error) {
      if (!(error instanceof UnknownTargetError)) throw error;
      const folderHint = existsSync(value) ? ` ("${value}" is a folder: put the course folder before --target.)` : '';
      throw new InvalidArgumentError(error.message + folderHint);
    }
    return previous === defaults ? names : [...previous, ...names];
  };
}

function positiveInteger(value: string): number {
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new InvalidArgumentError('a whole number from 1 to 9999.');
  return Number(value);
}

/** Flags that choose course rules for the LMS; undefined when not given (the preset decides). */
interface RuleFlags {
  lms: string;
  reportStatusAs?: ReportStatusAs;
  masteryScore?: boolean;
  runningScore?: boolean;
  answers?: AnswerFormat;
  cmi5AuPerStep?: boolean;
  scorm2004ScoPerStep?: boolean;
}

export function createProgram(): Command {
  const program = new Command('parcours')
    .description('Build e-learning packages (SCORM 1.2, SCORM 2004, xAPI, cmi5) from a course written in YAML and Markdown')
    .version(readVersion(), '-v, --version', 'print the version')
    .option('--debug', 'print the stack of unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);

  const targetList = targets.map((t) => `  ${t.name.padEnd(10)}${t.description}`).join('\n');
  const presetList = lmsPresets.map((p) => `  ${p.name.padEnd(10)}${p.description}`).join('\n');
  // Both forms of --mastery-score are declared, so that "not given" stays undefined and the preset decides.
  const ruleOptions = (command: Command) =>
    command
      .addOption(new Option('--lms <name>', 'LMS preset: options that suit that LMS (below)').choices(lmsPresets.map((p) => p.name)).default(DEFAULT_LMS))
      .addOption(new Option('--report-status-as <pair>', REPORT_STATUS_HELP).choices([...REPORT_STATUS_PAIRS]))
      .option('--mastery-score', 'write the mastery score in the manifest (see --no-mastery-score)')
      .option('--no-mastery-score', MASTERY_SCORE_HELP)
      .addOption(new Option('--running-score', RUNNING_SCORE_HELP).conflicts('masteryScore'))
      .addOption(new Option('--answers <format>', ANSWERS_HELP).choices(['strict', 'readable']))
      .option('--cmi5-au-per-step', CMI5_AU_PER_STEP_HELP)
      .option('--scorm2004-sco-per-step', SCORM2004_SCO_PER_STEP_HELP);
  const targetOption = (defaults: readonly string[]) => {
    const given = [...defaults];
    return new Option('-t, --target <name...>', `packaging standard(s): ${[...targets.map((t) => t.name), ALL_TARGETS].join(', ')}`)
      .default(given, defaults.join(' '))
      .argParser(targetParser(given));
  };

  const validate = program
    .command('validate')
    .description("check a course and report every problem, including the rules of every target (or those given with --target); writes nothing")
    .argument('[dir]', 'course folder (the one holding course.yaml)', DEFAULT_COURSE_DIR)
    .addOption(targetOption(DEFAULT_VALIDATE_TARGETS));
  ruleOptions(validate)
    .option('--json', 'print the result as JSON')
    .addHelpText('after', `\nTargets:\n${targetList}\n\nLMS presets:\n${presetList}\n${EXIT_CODES_HELP}`)
    .action(async (dir: string, options: RuleFlags & { target: string[]; json?: boolean }, command: Command) =>
      runCommand(command, async () => (await implementation<typeof import('./validate-command.js')>('validate-command')).validateCommand(dir, options)),
    );

  const buildCommand = program
    .command('build')
    .description('build one zip per target into the output folder')
    .argument(
      '[dir...]',
      'course folder (the one holding course.yaml); several, or a folder of course folders, build each into <out>/<folder name>/',
      [DEFAULT_COURSE_DIR],
    )
    .addOption(targetOption(DEFAULT_TARGETS))
    .option('-o, --out <dir>', 'output folder, created if needed', DEFAULT_OUT_DIR)
    .option('-j, --jobs <n>', 'several courses: how many build at once (default: one per core)', positiveInteger);
  ruleOptions(buildCommand)
    .option('--json', 'print the result as JSON')
    .addHelpText('after', `\nTargets:\n${targetList}\n\nLMS presets:\n${presetList}\n${EXIT_CODES_HELP}`)
    .action(async (dirs: string[], options: RuleFlags & { target: string[]; out: string; json?: boolean; jobs?: number }, command: Command) =>
      runCommand(command, async () =>
        (await implementation<typeof import('./build-command.js')>('build-command')).buildCommand(dirs, { ...options, debug: command.optsWithGlobals<GlobalOptions>().debug }),
      ),
    );

  registerInitCommand(program);
  // The preview builds the package as `build` does: it takes the same flags.
  registerPreviewCommand(program, ruleOptions);
  registerVerifyCommand(program);

  return program;
}
