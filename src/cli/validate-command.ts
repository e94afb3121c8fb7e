/**
 * `parcours validate [dir]`: load and check a course, including what the chosen targets
 * require (identifiers, learner-state budget), so a course that validates also builds.
 * Every target unless `--target` names some (src/options.ts). Writes nothing.
 */
import path from 'node:path';
import { checkTargets } from '../build.js';
import { diagnosticsToJson, formatDiagnostics } from '../diagnostics/format.js';
import { courseFileReader } from '../load/index.js';
import { applyBuildOptions, resolveBuildOptions } from '../options.js';
import type { AnswerFormat, ReportStatusAs } from '../shared/course-data.js';
import { resolveTargets } from '../package/targets.js';
import { validate } from '../validate.js';
import { keepPlainTextsIn } from '../render/markdown.js';
import { MarkdownMemo } from '../render/markdown-memo.js';
import { courseFileDisplay, displayPath, EXIT_COURSE_ERRORS, printJson, useColor } from './output.js';

export interface ValidateCommandOptions {
  target: string[];
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
}

export async function validateCommand(dir: string, options: ValidateCommandOptions): Promise<void> {
  const targets = resolveTargets(options.target);
  const names = targets.map((t) => t.name);
  const courseDir = path.resolve(dir);
  const result = await validate(dir);
  const diagnostics = [...result.diagnostics];
  // The targets' rules apply to a course that loads; a course with loader errors is not checked against them yet.
  const targetsChecked = result.ok && result.course !== undefined;
  if (result.ok && result.course) {
    const given = {
      masteryScore: options.masteryScore,
      lms: options.lms,
      reportStatusAs: options.reportStatusAs,
      runningScore: options.runningScore,
      answerFormat: options.answers,
      cmi5AuPerStep: options.cmi5AuPerStep,
      scorm2004ScoPerStep: options.scorm2004ScoPerStep,
    };
    const resolved = resolveBuildOptions(given, result.course);
    // The state budget asks for every question's plain text: those the course's last build kept
    // (src/render/markdown-memo.ts) are read, not rendered; the memo is the builds' to update.
    const stopKeeping = keepPlainTextsIn(MarkdownMemo.open(result.course.rootDir));
    try {
      diagnostics.push(...checkTargets(applyBuildOptions(result.course, resolved), targets, resolved));
    } finally {
      stopKeeping();
    }
  }
  const ok = result.ok && !diagnostics.some((d) => d.severity === 'error');
  if (!ok) process.exitCode = EXIT_COURSE_ERRORS;

  if (options.json) {
    printJson({ ...diagnosticsToJson(diagnostics, courseDir), targets: names, targetsChecked });
    return;
  }
  if (diagnostics.length > 0) {
    process.stdout.write(
      formatDiagnostics(diagnostics, { color: useColor(), readFile: courseFileReader(courseDir), displayFile: courseFileDisplay(courseDir) }),
    );
  }
  const list = names.join(', ');
  const what = options.target.includes('all') ? `every target: ${list}` : list;
  if (ok && result.course) {
    const steps = result.course.steps.length;
    process.stdout.write(`${displayPath(dir)}: course "${result.course.id}" (${steps} step${steps === 1 ? '' : 's'}) is valid for ${what}\n`);
  } else if (targetsChecked) {
    process.stdout.write(`${displayPath(dir)}: not valid; checked for ${what}\n`);
  } else if (!diagnostics.every((d) => d.code === 'COURSE_NOT_FOUND')) {
    process.stdout.write(`${displayPath(dir)}: not valid; the rules of ${list} are checked once the errors above are fixed\n`);
  }
}
