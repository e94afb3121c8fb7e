/**
 * `parcours build a b c` or `parcours build catalogue/`: several courses in one command. Each
 * course builds in a worker thread (as many as the machine has cores, or --jobs), each worker
 * keeping its caches warm from one course to the next; every course is all or nothing on its
 * own (one with errors, or one that fails, leaves no zip and does not stop the others). The
 * packages of course folder `x` go to `<out>/x/`, so that two courses of the same id never
 * write the same zip. One summary table at the end; while building, a progress line on a
 * terminal, or one plain line per course finished (CI logs); `--json` gives every course and
 * package. The exit code is the worst course's.
 */
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BuildRequest, BuiltPackage } from '../build.js';
import type { DiagnosticsJson } from '../diagnostics/format.js';
import { printable } from '../diagnostics/printable.js';
import { displayPath, EXIT_COURSE_ERRORS, EXIT_FAILURE, formatBytes, printJson, useColor } from './output.js';

export interface CourseJob {
  index: number;
  dir: string;
  targets: string[];
  options: BuildRequest['options'];
  color: boolean;
}

export interface CourseOutcome {
  index: number;
  status: 'ok' | 'errors' | 'failed' | 'interrupted';
  seconds: number;
  packages: BuiltPackage[];
  diagnosticsJson?: DiagnosticsJson;
  diagnosticsText?: string;
  failure?: string;
  stack?: string | undefined;
}

export type ToWorker = { type: 'build'; job: CourseJob } | { type: 'abort' };

/** What the command was given: course folders, each named for its output subfolder. */
export interface CourseFolder {
  dir: string;
  name: string;
}

const isFile = (p: string) => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;

/**
 * The courses the folders name: a folder holding course.yaml is a course; a folder without one
 * whose subfolders hold course.yaml is a catalogue of those (hidden folders left out); any other
 * folder stays as given, for the loader to say what is missing. `single` when the user named
 * exactly one course folder: the one-course command, output and all.
 */
export function courseFolders(dirs: readonly string[]): { courses: CourseFolder[]; single: boolean } {
  const courses: CourseFolder[] = [];
  let catalogue = false;
  for (const dir of dirs) {
    if (!isFile(path.join(dir, 'course.yaml'))) {
      const entries = statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(dir, { withFileTypes: true }) : [];
      const inner = entries
        .filter((e) => e.isDirectory() && !e.name.startsWith('.') && isFile(path.join(dir, e.name, 'course.yaml')))
        .map((e) => e.name)
        .sort();
      if (inner.length > 0) {
        catalogue = true;
        courses.push(...inner.map((name) => ({ dir: path.join(dir, name), name })));
        continue;
      }
    }
    courses.push({ dir, name: path.basename(path.resolve(dir)) });
  }
  return { courses, single: courses.length === 1 && !catalogue };
}

/** Two course folders of the same name would share an output folder: said before anything is built. */
export function sameNames(courses: readonly CourseFolder[]): string | undefined {
  const seen = new Map<string, string>();
  for (const course of courses) {
    const other = seen.get(course.name);
    if (other !== undefined) return `${displayPath(other)} and ${displayPath(course.dir)} would both write to the output folder "${printable(course.name)}"`;
    seen.set(course.name, course.dir);
  }
  return undefined;
}

/**
 * Courses a worker builds at once: while one waits on the disk (reading its files, writing its
 * zips), the worker loads and renders the other, so that its core is not left idle.
 */
const COURSES_PER_WORKER = 2;

const EXIT_BY_STATUS: Record<CourseOutcome['status'], number> = { ok: 0, errors: EXIT_COURSE_ERRORS, failed: EXIT_FAILURE, interrupted: EXIT_FAILURE };

export interface BuildCoursesOptions {
  targets: string[];
  out: string;
  options: BuildRequest['options'];
  json: boolean;
  jobs?: number;
  debug?: boolean;
}

export async function buildCourses(courses: readonly CourseFolder[], run: BuildCoursesOptions): Promise<void> {
  const started = performance.now();
  const color = !run.json && useColor();
  const jobs: CourseJob[] = courses.map((course, index) => ({
    index,
    dir: course.dir,
    targets: run.targets,
    options: { ...run.options, outDir: path.join(run.out, course.name) },
    color,
  }));
  const outcomes: CourseOutcome[] = [];
  const progress = new Progress(courses, run.json);

  const workerCount = Math.max(1, Math.min(courses.length, run.jobs ?? os.availableParallelism()));
  const workers: Worker[] = [];
  /** The courses each worker builds, by worker. */
  const building = new Map<Worker, Set<number>>();
  let next = 0;
  let interrupted: 'SIGINT' | 'SIGTERM' | undefined;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (interrupted) process.exit(128 + os.constants.signals[signal]); // a second signal: at once
    interrupted = signal;
    for (const worker of workers) worker.postMessage({ type: 'abort' } satisfies ToWorker);
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.on('SIGINT', onInt).on('SIGTERM', onTerm);
  try {
    await new Promise<void>((resolve) => {
      let running = workerCount;
      const stop = (worker: Worker) => {
        if (!building.delete(worker)) return;
        void worker.terminate();
        if (--running === 0) resolve();
      };
      /** Gives the worker courses until it has COURSES_PER_WORKER; stops it once it has none left to build. */
      const give = (worker: Worker) => {
        const mine = building.get(worker)!;
        while (!interrupted && next < jobs.length && mine.size < COURSES_PER_WORKER) {
          const job = jobs[next++]!;
          mine.add(job.index);
          progress.started(job.index);
          worker.postMessage({ type: 'build', job } satisfies ToWorker);
        }
        if (mine.size === 0) stop(worker);
      };
      const record = (outcome: CourseOutcome) => {
        outcomes[outcome.index] = outcome;
        progress.finished(outcome);
      };
      for (let i = 0; i < workerCount; i++) {
        const worker = new Worker(new URL('./build-worker.js', import.meta.url));
        workers.push(worker);
        building.set(worker, new Set());
        worker.on('message', (outcome: CourseOutcome) => {
          building.get(worker)?.delete(outcome.index);
          record(outcome);
          give(worker);
        });
        // A worker that dies (out of memory, a bug) fails its courses; the others go on.
        worker.on('error', (error) => {
          for (const index of building.get(worker) ?? []) record({ index, status: 'failed', seconds: 0, packages: [], failure: printable(error.message), stack: error.stack });
          stop(worker);
        });
        give(worker);
      }
    });
  } finally {
    process.off('SIGINT', onInt).off('SIGTERM', onTerm);
  }
  progress.done();

  const seconds = (performance.now() - started) / 1000;
  const worst = Math.max(0, ...outcomes.map((o) => EXIT_BY_STATUS[o.status]));
  if (interrupted) process.exitCode = 128 + os.constants.signals[interrupted];
  else if (outcomes.length < courses.length) process.exitCode = EXIT_FAILURE;
  else if (worst > 0) process.exitCode = worst;

  if (run.json) {
    printJson({
      ok: worst === 0 && !interrupted && outcomes.length === courses.length,
      courses: courses.map((course, i) => {
        const o = outcomes[i];
        return {
          dir: path.resolve(course.dir),
          status: o?.status ?? 'not built',
          seconds: o ? Number(o.seconds.toFixed(3)) : null,
          failure: o?.failure ?? null,
          ...(o?.diagnosticsJson ?? { ok: false, errors: 0, warnings: 0, courseDir: path.resolve(course.dir), diagnostics: [] }),
          ok: o?.status === 'ok',
          packages: (o?.packages ?? []).map(packageJson),
        };
      }),
      packages: outcomes.flatMap((o) => o.packages.map(packageJson)),
    });
    return;
  }

  for (const [i, course] of courses.entries()) {
    const o = outcomes[i];
    if (!o || (!o.diagnosticsText && !o.failure)) continue;
    process.stdout.write(`\n── ${displayPath(course.dir)}\n`);
    if (o.diagnosticsText) process.stdout.write(o.diagnosticsText);
    if (o.failure) process.stdout.write(`parcours: ${o.failure}\n${run.debug && o.stack ? `${o.stack.split('\n').map(printable).join('\n')}\n` : ''}`);
  }
  process.stdout.write('\n' + summaryTable(courses, outcomes, seconds));
}

function packageJson(p: BuiltPackage) {
  return { target: p.target, path: path.resolve(p.zipPath), bytes: p.bytes, files: p.files, state: p.state };
}

const STATUS_WORDS: Record<CourseOutcome['status'], string> = { ok: 'built', errors: 'errors, no package', failed: 'failed, no package', interrupted: 'interrupted' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One row per course (folder, result, packages, size, time), then the totals. */
export function summaryTable(courses: readonly CourseFolder[], outcomes: readonly (CourseOutcome | undefined)[], seconds: number): string {
  const rows = courses.map((course, i) => {
    const o = outcomes[i];
    const bytes = o?.packages.reduce((sum, p) => sum + p.bytes, 0) ?? 0;
    return [
      displayPath(course.dir),
      o ? STATUS_WORDS[o.status] : 'not built',
      String(o?.packages.length ?? 0),
      bytes ? formatBytes(bytes) : '-',
      o ? `${o.seconds.toFixed(1)} s` : '-',
    ];
  });
  const header = ['course', 'result', 'packages', 'size', 'time'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd() + '\n';
  const count = (status: CourseOutcome['status']) => outcomes.filter((o) => o?.status === status).length;
  const packages = outcomes.reduce((sum, o) => sum + (o?.packages.length ?? 0), 0);
  const parts = [`${count('ok')} built (${plural(packages, 'package')})`];
  if (count('errors')) parts.push(`${count('errors')} with errors`);
  if (count('failed')) parts.push(`${count('failed')} failed`);
  const unfinished = courses.length - count('ok') - count('errors') - count('failed');
  if (unfinished) parts.push(`${unfinished} not built`);
  return [line(header), ...rows.map(line), `${courses.length} courses: ${parts.join(', ')}, in ${seconds.toFixed(1)} s\n`].join('');
}

/** A progress line on a terminal (stderr, rewritten in place); else a plain line per course finished. */
class Progress {
  private readonly tty: boolean;
  private readonly building = new Set<number>();
  private finishedCount = 0;

  constructor(
    private readonly courses: readonly CourseFolder[],
    private readonly quiet: boolean,
  ) {
    this.tty = Boolean(process.stderr.isTTY) && !quiet;
  }

  started(index: number): void {
    this.building.add(index);
    this.draw();
  }

  finished(outcome: CourseOutcome): void {
    this.building.delete(outcome.index);
    this.finishedCount++;
    if (!this.tty && !this.quiet) {
      const o = outcome;
      const what = o.status === 'ok' ? plural(o.packages.length, 'package') : o.status === 'errors' ? `${o.diagnosticsJson?.errors ?? 0} errors, no package written` : o.status;
      process.stdout.write(`[${this.finishedCount}/${this.courses.length}] ${displayPath(this.courses[o.index]!.dir)}: ${what} (${o.seconds.toFixed(1)} s)\n`);
    }
    this.draw();
  }

  done(): void {
    if (this.tty) process.stderr.write('\r\x1b[K');
  }

  private draw(): void {
    if (!this.tty) return;
    const names = [...this.building].map((i) => this.courses[i]!.name).join(', ');
    const text = `building ${this.finishedCount}/${this.courses.length} courses${names ? `: ${names}` : ''}`;
    const width = process.stderr.columns || 80;
    process.stderr.write(`\r\x1b[K${printable(text).slice(0, width - 1)}`);
  }
}
