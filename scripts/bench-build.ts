/**
 * Build benchmark (on demand, not in tests): `npm run bench`.
 *
 * Builds the sample course (course/) and a generated large course (100 steps, 1,000 questions)
 * at two media sizes with the real CLI in a child process, and prints wall time, peak memory
 * (RSS, from GNU time), zip size and file count, the runtime JS and CSS sizes, and the same
 * files zipped by `zip -0` and `zip -6` as a yardstick. Each timing is the best of two runs,
 * each after `sync`. Parcours' time includes Node start-up, loading the course, bundling the
 * runtime (esbuild) and rendering: about a second of fixed cost before the media stream.
 *
 * The large course is built for the xapi target: its 1,000 questions need a larger learner
 * state than SCORM 1.2's 4,096 characters. The zip writer is the same for every target.
 *
 * Options: BENCH_MEDIA_MB="100 500" (media sizes of the large course), BENCH_KEEP=1 (keep temp files).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { makeLargeCourse } from './make-large-course.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(repoRoot, 'bin', 'parcours.js');
const GNU_TIME = '/usr/bin/time';

interface Measured {
  seconds: number;
  /** Peak resident set size in kB (GNU time %M), or NaN without GNU time. */
  peakKb: number;
  stdout: string;
}

/** Runs a command under GNU time; the best wall time of `runs`, with the peak RSS of that run. */
function measure(command: string, args: string[], cwd: string, runs = 2): Measured {
  let best: Measured | undefined;
  for (let i = 0; i < runs; i++) {
    const hasTime = existsSync(GNU_TIME);
    // Flush dirty pages first, so a run does not pay for the previous run's writes.
    spawnSync('sync');
    const started = process.hrtime.bigint();
    const run = hasTime
      ? spawnSync(GNU_TIME, ['-f', '@@%e %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 })
      : spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    const peak = /@@[\d.]+ (\d+)/.exec(run.stderr)?.[1];
    const result = { seconds, peakKb: peak ? Number(peak) : NaN, stdout: run.stdout };
    if (!best || result.seconds < best.seconds) best = result;
  }
  return best!;
}

async function treeStats(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} kB`;
const secs = (s: number) => `${s.toFixed(2)} s`;
const rss = (k: number) => (Number.isNaN(k) ? 'n/a' : `${(k / 1024).toFixed(0)} MiB`);

async function bench(label: string, courseDir: string, target: string, work: string): Promise<void> {
  const out = path.join(work, `out-${label}`);
  const build = measure(process.execPath, [bin, 'build', courseDir, '--target', target, '--out', out, '--json'], repoRoot);
  const result = JSON.parse(build.stdout) as { packages: { path: string; bytes: number; files: number }[] };
  const pkg = result.packages[0]!;

  const unzipped = path.join(work, `unzipped-${label}`);
  const unzip = spawnSync('unzip', ['-q', '-o', pkg.path, '-d', unzipped], { encoding: 'utf8' });
  if (unzip.status !== 0) throw new Error(`unzip failed: ${unzip.stderr}`);
  const tree = await treeStats(unzipped);
  const zip0 = measure('zip', ['-0', '-r', '-q', path.join(work, `${label}-zip0.zip`), '.'], unzipped);
  const zip6 = measure('zip', ['-6', '-r', '-q', path.join(work, `${label}-zip6.zip`), '.'], unzipped);
  const zip0Bytes = statSync(path.join(work, `${label}-zip0.zip`)).size;
  const zip6Bytes = statSync(path.join(work, `${label}-zip6.zip`)).size;
  const js = readFileSync(path.join(unzipped, 'parcours.js'));
  const css = readFileSync(path.join(unzipped, 'parcours.css'));

  console.log(`\n## ${label}  (${target}; ${tree.files} files, ${mb(tree.bytes)} unzipped)`);
  console.log(`parcours build   ${secs(build.seconds).padStart(8)}  peak RSS ${rss(build.peakKb).padStart(8)}  zip ${mb(pkg.bytes)}  (${pkg.files} files)`);
  console.log(`zip -0 -r -q     ${secs(zip0.seconds).padStart(8)}  peak RSS ${rss(zip0.peakKb).padStart(8)}  zip ${mb(zip0Bytes)}`);
  console.log(`zip -6 -r -q     ${secs(zip6.seconds).padStart(8)}  peak RSS ${rss(zip6.peakKb).padStart(8)}  zip ${mb(zip6Bytes)}`);
  console.log(
    `ratio parcours / zip -0: time ${(build.seconds / zip0.seconds).toFixed(2)}x, size ${(pkg.bytes / zip0Bytes).toFixed(3)}x;` +
      `  parcours / zip -6: time ${(build.seconds / zip6.seconds).toFixed(2)}x, size ${(pkg.bytes / zip6Bytes).toFixed(3)}x`,
  );
  console.log(
    `runtime parcours.js ${kb(js.length)} minified, ${kb(gzipSync(js, { level: 9 }).length)} gzipped;` +
      `  parcours.css ${kb(css.length)}, ${kb(gzipSync(css, { level: 9 }).length)} gzipped`,
  );
}

async function main(): Promise<void> {
  if (!existsSync(path.join(repoRoot, 'lib', 'cli.js'))) throw new Error('lib/ is missing: run `npm run build` first (npm run bench does).');
  const work = await mkdtemp(path.join(os.tmpdir(), 'parcours-bench-'));
  console.log(`# parcours build benchmark  (node ${process.version}, ${os.cpus().length} CPUs, temp ${work})`);
  try {
    await bench('sample course', path.join(repoRoot, 'course'), 'scorm12', work);
    const sizes = (process.env.BENCH_MEDIA_MB ?? '100 500').split(/\s+/).filter(Boolean).map(Number);
    for (const size of sizes) {
      const dir = path.join(work, `large-${size}`);
      const started = Date.now();
      await makeLargeCourse(dir, { steps: 100, questionsPerStep: 10, mediaBytes: size * 1e6 });
      console.log(`\n(generated large course with ${size} MB of media in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      await bench(`large course, ${size} MB media`, dir, 'xapi', work);
      await rm(dir, { recursive: true, force: true });
      await rm(path.join(work, `unzipped-large course, ${size} MB media`), { recursive: true, force: true });
    }
  } finally {
    if (!process.env.BENCH_KEEP) await rm(work, { recursive: true, force: true });
  }
}

await main();
