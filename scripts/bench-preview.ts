/**
 * Preview benchmark (on demand): `npx tsx scripts/bench-preview.ts [course] [as]`.
 *
 * Starts the preview of the sample course (or the folder given) on a free port, as `parcours
 * preview --as <as>` does (scorm12 by default; `standalone` is the course alone, as the preview was
 * before its LMS), and prints the time until the server listens (first build included), and three rebuilds after a step file is saved (a title changed, then back). The
 * course is copied to a temporary folder first: nothing in it is changed.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isPreviewMode } from '../src/preview/lms/modes.js';
import { startPreview, type PreviewBuildReport } from '../src/preview/index.js';

const courseDir = path.resolve(process.argv[2] ?? fileURLToPath(new URL('../course', import.meta.url)));
const as = process.argv[3] ?? 'scorm12';
if (!isPreviewMode(as)) throw new Error(`unknown mode ${as}`);

const work = await mkdtemp(path.join(os.tmpdir(), 'parcours-bench-preview-'));
const dir = path.join(work, 'course');
await cp(courseDir, dir, { recursive: true });
const stepFile = path.join(dir, 'steps', (await readdir(path.join(dir, 'steps'))).filter((n) => n.endsWith('.yaml')).sort()[0]!);
const original = await readFile(stepFile, 'utf8');

let waiting: ((report: PreviewBuildReport) => void) | undefined;
const began = performance.now();
const session = await startPreview({ courseDir: dir, port: 0, onBuild: (report) => waiting?.(report), as });
const listening = performance.now() - began;
const page = await fetch(session.url).then((r) => r.text());
console.log(`preview --as ${as} of ${path.basename(courseDir)}: listening after ${listening.toFixed(0)} ms (page ${page.length} characters)`);

const rebuilds: number[] = [];
for (let i = 0; i < 3; i++) {
  const text = i % 2 === 0 ? original.replace(/^title: (.*)$/m, 'title: $1 (bench)') : original;
  const report = await new Promise<PreviewBuildReport>((resolve) => {
    waiting = resolve;
    void writeFile(stepFile, text);
  });
  rebuilds.push(report.ms);
}
console.log(`rebuilds after a save: ${rebuilds.join(', ')} ms`);
await session.close();
await rm(work, { recursive: true, force: true });
