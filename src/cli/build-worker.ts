/**
 * A worker thread of `parcours build <several courses>` (src/cli/build-courses.ts): builds the
 * courses it is sent (two at a time), with the caches of its process kept warm from one course
 * to the next (validators, templates, runtime bundles), and sends back what the main thread prints.
 */
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { build } from '../build.js';
import { diagnosticsToJson, formatDiagnostics } from '../diagnostics/format.js';
import { courseFileReader } from '../load/index.js';
import { courseFileDisplay, describeFailure } from './output.js';
import type { CourseJob, CourseOutcome, ToWorker } from './build-courses.js';

/** The builds in progress (the main thread gives a worker two courses at once). */
const building = new Set<AbortController>();

async function buildOne(job: CourseJob): Promise<CourseOutcome> {
  const started = performance.now();
  const current = new AbortController();
  building.add(current);
  try {
    const result = await build({ courseDir: job.dir, targets: job.targets, options: job.options, signal: current.signal });
    const courseDir = path.resolve(job.dir);
    return {
      index: job.index,
      status: result.ok ? 'ok' : 'errors',
      seconds: (performance.now() - started) / 1000,
      packages: result.packages,
      diagnosticsJson: diagnosticsToJson(result.diagnostics, courseDir),
      diagnosticsText:
        result.diagnostics.length > 0
          ? formatDiagnostics(result.diagnostics, { color: job.color, readFile: courseFileReader(courseDir), displayFile: courseFileDisplay(courseDir) })
          : '',
    };
  } catch (error) {
    return {
      index: job.index,
      status: current.signal.aborted ? 'interrupted' : 'failed',
      seconds: (performance.now() - started) / 1000,
      packages: [],
      failure: describeFailure(error),
      stack: error instanceof Error ? error.stack : undefined,
    };
  } finally {
    building.delete(current);
  }
}

parentPort!.on('message', (message: ToWorker) => {
  if (message.type === 'abort') for (const controller of building) controller.abort(new Error('interrupted'));
  else void buildOne(message.job).then((outcome) => parentPort!.postMessage(outcome));
});
