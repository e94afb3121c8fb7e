/**
 * `parcours preview [dir]`: serve the course on 127.0.0.1, rebuild it on every save and
 * print what each rebuild found, until Ctrl-C. Its flags: src/cli/preview-definition.ts.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PreviewBuildReport } from '../preview/index.js';
import { printable } from '../diagnostics/printable.js';
import { courseFileDisplay, describeFailure, displayPath, EXIT_COURSE_ERRORS, useColor } from './output.js';
import type { PreviewCommandOptions } from './preview-definition.js';

export async function previewCommand(dir: string, options: PreviewCommandOptions): Promise<void> {
  const [{ startPreview, openBrowser, PortInUseError }, { formatDiagnostics }, { courseFileReader }, { CourseError }] = await Promise.all([
    import('../preview/index.js'),
    import('../diagnostics/format.js'),
    import('../load/index.js'),
    import('../diagnostics/diagnostic.js'),
  ]);
  const rootDir = path.resolve(dir);
  const printDiagnostics = (diagnostics: readonly Diagnostic[]) => {
    // A fresh reader each time: the code frames must show the file as it is now.
    if (diagnostics.length > 0) {
      write(formatDiagnostics(diagnostics, { color: useColor(), readFile: courseFileReader(rootDir), displayFile: courseFileDisplay(rootDir) }));
    }
  };

  let session;
  try {
    session = await startPreview({
      courseDir: rootDir,
      port: options.port,
      as: options.as,
      build: {
        lms: options.lms,
        reportStatusAs: options.reportStatusAs,
        masteryScore: options.masteryScore,
        runningScore: options.runningScore,
        answerFormat: options.answers,
        cmi5AuPerStep: options.cmi5AuPerStep,
      },
      onBuild: (report) => {
        printDiagnostics(report.diagnostics);
        write(`${clock()} ${buildLine(report)}\n`);
      },
      onWatchError: (error) => process.stderr.write(`parcours: ${printable(error.message)}\n`),
    });
  } catch (error) {
    if (error instanceof CourseError) {
      printDiagnostics(error.diagnostics);
      process.exitCode = EXIT_COURSE_ERRORS;
      return;
    }
    if (error instanceof PortInUseError) {
      process.stderr.write(`parcours: ${error.message}\n`);
      process.exitCode = EXIT_COURSE_ERRORS;
      return;
    }
    throw error;
  }

  const inside = options.as === 'standalone' ? '' : ` (${options.as}, in a local LMS)`;
  write(`Preview of ${displayPath(rootDir)}${inside}: ${session.url}\nWatching for changes; press Ctrl-C to stop.\n`);
  if (options.open && !(await openBrowser(session.url))) write(`Could not open a browser; open ${session.url} yourself.\n`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void session.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  write('Preview stopped.\n');
}

/** `rebuilt in 38 ms (steps/01-basics.yaml)`, and what the page does about it. */
function buildLine(report: PreviewBuildReport): string {
  const what = report.trigger === 'start' ? 'built' : 'rebuilt';
  const files = report.changed.length > 0 ? ` (${abbreviate(report.changed)})` : '';
  if (report.failure) return `${what} in ${report.ms} ms${files}: failed, ${describeFailure(report.failure)}; the page shows the last version`;
  if (report.assetsOnly) return `reloaded${files}: only course files served from disk changed`;
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const outcome = !report.rendered
    ? `; ${errors === 1 ? 'an error' : `${errors} errors`}, shown over the last version that rendered`
    : errors > 0
      ? `; ${errors === 1 ? 'an error' : `${errors} errors`} to fix before building, shown over the page`
      : report.trigger === 'change' && !report.reloaded
        ? '; nothing the page shows changed'
        : '';
  return `${what} in ${report.ms} ms${files}${outcome}`;
}

function abbreviate(names: readonly string[]): string {
  // File names come from the course folder: printed as names, never as terminal commands.
  const files = names.map(printable);
  return files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

function write(text: string): void {
  process.stdout.write(text);
}
