/** `parcours build [dir]`: build one zip per target, or print why not. */
import path from 'node:path';
import { build, type BuiltPackage } from '../build.js';
import { diagnosticsToJson, formatDiagnostics } from '../diagnostics/format.js';
import { courseFileReader } from '../load/index.js';
import type { ReportStatusAs } from '../shared/course-data.js';
import { displayPath, EXIT_COURSE_ERRORS, formatBytes, printJson, useColor } from './output.js';

export interface BuildCommandOptions {
  target: string[];
  out: string;
  /** Undefined when neither --mastery-score nor --no-mastery-score was given. */
  masteryScore?: boolean;
  lms?: string;
  reportStatusAs?: ReportStatusAs;
  /** cmi5: one AU per step (`--cmi5-au-per-step`). */
  cmi5AuPerStep?: boolean;
  json?: boolean;
}

export async function buildCommand(dir: string, options: BuildCommandOptions): Promise<void> {
  const result = await build({
    courseDir: dir,
    targets: options.target,
    options: {
      outDir: options.out,
      masteryScore: options.masteryScore,
      lms: options.lms,
      reportStatusAs: options.reportStatusAs,
      cmi5AuPerStep: options.cmi5AuPerStep,
    },
  });
  if (!result.ok) process.exitCode = EXIT_COURSE_ERRORS;

  if (options.json) {
    printJson({
      ...diagnosticsToJson(result.diagnostics),
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
    process.stdout.write(formatDiagnostics(result.diagnostics, { color: useColor(), readFile: courseFileReader(path.resolve(dir)) }));
  }
  if (!result.ok) {
    process.stdout.write('No package written.\n');
    return;
  }
  for (const p of result.packages) process.stdout.write(packageLine(p) + '\n');
}

/** `dist/x-1.0.0-scorm12.zip  24.1 MB  57 files  learner state ≤ 1,234 of 4,096 characters (30 %)` */
function packageLine(p: BuiltPackage): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const share = Math.ceil((100 * p.state.worstCase) / p.state.limit);
  return [
    displayPath(p.zipPath),
    formatBytes(p.bytes),
    `${p.files} files`,
    `learner state ≤ ${n(p.state.worstCase)} of ${n(p.state.limit)} characters (${share} %)`,
  ].join('  ');
}
