/**
 * Preview benchmark (in `npm run bench`; needs `npm run build`):
 * `npx tsx scripts/bench-preview.ts [course] [mode...]` (modes: standalone scorm12 xapi cmi5, all by default).
 *
 * For each mode, runs `parcours preview <course> --as <mode> --port 0` as a user does (bin/parcours.cjs,
 * the compiled lib/), and measures the time from the process start until it prints its address (first
 * build included), then the rebuilds it reports after a step file is saved (a title changed, then back).
 * Beside each start, the yardstick: `node -e 0` started the same way, so figures from a loaded machine
 * can be compared (the ratio). Three rounds, modes interleaved; medians printed. The course is copied to
 * a temporary folder first: nothing in it is changed.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isPreviewMode, PREVIEW_MODES } from '../src/preview/lms/modes.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const courseDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'course'));
const modes = process.argv.length > 3 ? process.argv.slice(3) : ['standalone', 'scorm12', 'xapi', 'cmi5'];
for (const mode of modes) if (!isPreviewMode(mode)) throw new Error(`unknown mode ${mode} (${PREVIEW_MODES.join(', ')})`);
const ROUNDS = 3;
const REBUILDS = 2;
const WAIT_MS = 180_000;

const work = await mkdtemp(path.join(os.tmpdir(), 'parcours-bench-preview-'));
const dir = path.join(work, 'course');
await cp(courseDir, dir, { recursive: true });
const stepFile = path.join(dir, 'steps', (await readdir(path.join(dir, 'steps'))).filter((n) => n.endsWith('.yaml')).sort()[0]!);
const original = await readFile(stepFile, 'utf8');

/** Milliseconds from spawning `node -e 0` until it exits. */
function yardstick(): Promise<number> {
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(performance.now() - began));
  });
}

/** Start-up (spawn → address printed) and the rebuild times the preview reports. */
async function preview(mode: string): Promise<{ startup: number; rebuilds: number[] }> {
  const began = performance.now();
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'parcours.cjs'), 'preview', dir, '--as', mode, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  let waiter: { test: RegExp; resolve: () => void } | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    if (waiter?.test.test(output)) waiter.resolve();
  });
  const waitFor = (test: RegExp, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (test.test(output)) return resolve();
      const timer = setTimeout(() => reject(new Error(`preview --as ${mode}: no ${what} after ${WAIT_MS} ms:\n${output}`)), WAIT_MS);
      waiter = { test, resolve: () => (clearTimeout(timer), resolve()) };
    });
  try {
    await waitFor(/Preview of .*: http:\/\//, 'address');
    const startup = performance.now() - began;
    const rebuilds: number[] = [];
    for (let i = 0; i < REBUILDS; i++) {
      const seen = (output.match(/rebuilt in \d+ ms/g) ?? []).length;
      await writeFile(stepFile, i % 2 === 0 ? original.replace(/^title: (.*)$/m, 'title: $1 (bench)') : original);
      await waitFor(new RegExp(`(rebuilt in \\d+ ms[\\s\\S]*){${seen + 1}}`), 'rebuild');
      rebuilds.push(Number([...output.matchAll(/rebuilt in (\d+) ms/g)].at(-1)![1]));
    }
    return { startup, rebuilds };
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
    await writeFile(stepFile, original);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const results = new Map(modes.map((m) => [m, { startup: [] as number[], yardstick: [] as number[], rebuilds: [] as number[] }]));
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of modes) {
      const r = results.get(mode)!;
      r.yardstick.push(await yardstick());
      const run = await preview(mode);
      r.startup.push(run.startup);
      r.rebuilds.push(...run.rebuilds);
      console.log(`round ${round + 1} --as ${mode}: ready after ${run.startup.toFixed(0)} ms (node -e 0: ${r.yardstick.at(-1)!.toFixed(0)} ms), rebuilds ${run.rebuilds.join(', ')} ms`);
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

console.log(`\nparcours preview ${path.basename(courseDir)}, medians of ${ROUNDS} starts and ${ROUNDS * REBUILDS} rebuilds (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores):`);
console.log('mode        start-up   node -e 0   ratio   rebuild');
for (const [mode, r] of results) {
  const startup = median(r.startup);
  const stick = median(r.yardstick);
  console.log(`${mode.padEnd(10)} ${`${startup.toFixed(0)} ms`.padStart(9)} ${`${stick.toFixed(0)} ms`.padStart(11)} ${`${(startup / stick).toFixed(1)}×`.padStart(7)} ${`${median(r.rebuilds).toFixed(0)} ms`.padStart(9)}`);
}
