/** `parcours build [dir...]`: build one zip per target, or print why not; several courses: build-courses.ts. */
import { constants } from 'node:os';
import path from 'node:path';
import { build, type BuildResult, type BuiltPackage } from '../build.js';
import { resolveBuildOptions } from '../options.js';
import { resolveTargets } from '../package/targets.js';
import { buildCourses, courseFolders, sameNames } from './build-courses.js';
import { diagnosticsToJson, formatDiagnostics } from '../diagnostics/format.js';
import { courseFileReader } from '../load/index.js';
import type { AnswerFormat, ReportStatusAs } from '../shared/course-data.js';
import { courseFileDisplay, displayPath, EXIT_COURSE_ERRORS, formatBytes, printJson, useColor } from './output.js';
import { withThousands } from '../shared/format-number.js';

export interface BuildCommandOptions {
  target: string[];
  out: string;
  /** Undefined when neither --mastery-score nor --no-mastery-score was given. */
  masteryScore?: boolean;
  lms?: string;
  reportStatusAs?: ReportStatusAs;
  /** SCORM 1.2: `--running-score` (no mastery score); undefined when not given. */
  runningScore?: boolean;
  /** SCORM 1.2: `--answers strict|readable`; undefined when not given (the preset decides). */
  answers?: AnswerFormat;
  /** cmi5: one AU per step (`--cmi5-au-per-step`). */
  cmi5AuPerStep?: boolean;
  /** SCORM 2004: one SCO per step (`--scorm2004-sco-per-step`). */
  scorm2004ScoPerStep?: boolean;
  json?: boolean;
  /** Several courses: how many build at once (default: the machine's cores). */
  jobs?: number;
  debug?: boolean;
}

export async function buildCommand(dirs: string | string[], options: BuildCommandOptions): Promise<void> {
  const buildOptions = {
    outDir: options.out,
    masteryScore: options.masteryScore,
    lms: options.lms,
    reportStatusAs: options.reportStatusAs,
    runningScore: options.runningScore,
    answerFormat: options.answers,
    cmi5AuPerStep: options.cmi5AuPerStep,
    scorm2004ScoPerStep: options.scorm2004ScoPerStep,
  };
  const { courses, single } = courseFolders(typeof dirs === 'string' ? [dirs] : dirs);
  if (!single) {
    // Usage mistakes (an unknown target or preset) are said once, before any worker starts.
    resolveTargets(options.target);
    resolveBuildOptions(buildOptions);
    const clash = sameNames(courses);
    if (clash) {
      process.stderr.write(`parcours: ${clash}: build them with separate commands (or --out folders), or rename one folder.\n`);
      process.exitCode = EXIT_COURSE_ERRORS;
      return;
    }
    const run = { targets: options.target, out: options.out, options: buildOptions, json: Boolean(options.json), jobs: options.jobs, debug: options.debug };
    return buildCourses(courses, run);
  }
  const dir = courses[0]!.dir;
  const result = await interruptible(Boolean(options.json), (signal) =>
    build({ courseDir: dir, targets: options.target, options: buildOptions, signal }),
  );
  if (!result) return;
  if (!result.ok) process.exitCode = EXIT_COURSE_ERRORS;

  if (options.json) {
    printJson({
      ...diagnosticsToJson(result.diagnostics, path.resolve(dir)),
      packages: result.packages.map((p) => ({
        target: p.target,
        path: path.resolve(p.zipPath),
        bytes: p.bytes,
        files: p.files,
        state: p.state,
      })),
    });
    return;
  }

  if (result.diagnostics.length > 0) {
    const courseDir = path.resolve(dir);
    process.stdout.write(
      formatDiagnostics(result.diagnostics, { color: useColor(), readFile: courseFileReader(courseDir), displayFile: courseFileDisplay(courseDir) }),
    );
  }
  if (!result.ok) {
    process.stdout.write('No package written.\n');
    return;
  }
  for (const p of result.packages) process.stdout.write(packageLine(p) + '\n');
}

/** `dist/x-1.0.0-scorm12.zip  24.1 MB  57 files  learner state ≤ 1,234 of 4,096 characters (30 %)` */
function packageLine(p: BuiltPackage): string {
  const share = Math.ceil((100 * p.state.worstCase) / p.state.limit);
  return [
    displayPath(p.zipPath),
    formatBytes(p.bytes),
    `${p.files} files`,
    `learner state ≤ ${withThousands(p.state.worstCase)} of ${withThousands(p.state.limit)} characters (${share} %)`,
  ].join('  ');
}

class Interrupted extends Error {
  constructor(readonly signal: 'SIGINT' | 'SIGTERM') {
    super(`interrupted by ${signal}`);
  }
}

/**
 * Runs the build so that Ctrl-C or SIGTERM stops it cleanly: the build removes its temp zips,
 * then the command exits 130 or 143 (128 + the signal's number, as shells report a signal).
 * A second signal exits at once. Undefined when interrupted (with --json, the failure is printed as JSON).
 */
async function interruptible(json: boolean, run: (signal: AbortSignal) => Promise<BuildResult>): Promise<BuildResult | undefined> {
  const controller = new AbortController();
  const exitCode = (signal: Interrupted['signal']) => 128 + constants.signals[signal];
  const onSignal = (signal: Interrupted['signal']) => {
    if (controller.signal.aborted) process.exit(exitCode(signal));
    controller.abort(new Interrupted(signal));
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    return await run(controller.signal);
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error;
    if (json) printJson({ ok: false, failure: error.message });
    process.stderr.write(`parcours: ${error.message}; no package written.\n`);
    process.exitCode = exitCode(error.signal);
    return undefined;
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
