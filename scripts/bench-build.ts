/**
 * Build benchmark (on demand, never in tests): `npm run bench`. The aims of issue 13, each
 * measured with the real CLI in a child process (Node start-up included) beside a yardstick
 * run in the same rounds, so that a busy machine slows both alike: every round runs each
 * command of a group once, in turn, and the figures are medians over the rounds (5 by default).
 * Wall time, CPU time (user + system) and peak RSS come from GNU time (/usr/bin/time).
 *
 * Aims (docs/performance.md): sample build ≤ 0.5 s and ≤ 5× `node -e 0`, ≤ 120 MiB; validate ≤ 0.3 s
 * and ≤ 3×; the sample with 400 MB of video ≤ 1.2× `zip -0 -r` of the same files, peak memory
 * flat in media size; the 1,000-question / 100-step course ≤ 1 s; `--help` ≤ 1.3× `node -e 0`;
 * 50 copies of the sample × `--target all` ≤ 15 s.
 *
 * The disk cache (src/render/disk-cache.ts) lives in the temp folder and is warmed by one
 * build first, as it is for an author after the first build of the day; the cold build is
 * printed apart. Options: BENCH_RUNS (rounds, 5), BENCH_MEDIA_MB (the media sizes, "200 400"),
 * BENCH_COURSES (50), BENCH_ONLY (names of the aims to run, e.g. "build validate"), BENCH_KEEP=1
 * (keep temp files).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeLargeCourse } from './make-large-course.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(repoRoot, 'bin', 'parcours.cjs');
const node = process.execPath;
const GNU_TIME = '/usr/bin/time';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_ONLY?.split(/[\s,]+/).filter(Boolean);

interface Sample {
  wall: number;
  cpu: number;
  /** Peak RSS in MiB. */
  rss: number;
}

interface Command {
  label: string;
  argv: string[];
  cwd?: string;
  /** Run before each timed run, untimed (e.g. removing the previous output). */
  before?: () => Promise<void>;
}

function timeOnce(command: Command, env: NodeJS.ProcessEnv): Sample {
  spawnSync('sync'); // a run does not pay for the previous one's writes
  const [program, ...args] = command.argv;
  // Wall time to the microsecond (GNU time's %e is in hundredths: 0.06 s against 0.08 s is no ratio).
  // It includes starting GNU time itself (about a millisecond), on both sides of every ratio.
  const started = process.hrtime.bigint();
  const run = spawnSync(GNU_TIME, ['-f', '@@%e %U %S %M', program!, ...args], {
    cwd: command.cwd ?? repoRoot,
    encoding: 'utf8',
    env,
    maxBuffer: 256 << 20,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const figures = /@@([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !figures) throw new Error(`${command.argv.join(' ')} failed (${run.status}):\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
  return { wall, cpu: Number(figures[2]) + Number(figures[3]), rss: Number(figures[4]) / 1024 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1]!;

/** Each command of the group once per round, in turn; the median of each figure per command. */
async function sideBySide(commands: Command[], env: NodeJS.ProcessEnv, runs = RUNS): Promise<Sample[]> {
  const samples = commands.map((): Sample[] => []);
  for (let round = 0; round < runs; round++) {
    for (const [i, command] of commands.entries()) {
      await command.before?.();
      samples[i]!.push(timeOnce(command, env));
    }
  }
  return samples.map((s) => ({ wall: median(s.map((x) => x.wall)), cpu: median(s.map((x) => x.cpu)), rss: median(s.map((x) => x.rss)) }));
}

interface Row {
  aim: string;
  measured: string;
  yardstick: string;
  ratio: string;
  target: string;
  met: boolean;
}

const rows: Row[] = [];
const s = (x: number) => `${x.toFixed(x < 1 ? 3 : 2)} s`;
const fig = (x: Sample) => `${s(x.wall)} (cpu ${s(x.cpu)}, ${x.rss.toFixed(0)} MiB)`;

function row(aim: string, measured: Sample, yardLabel: string, yard: Sample, target: string, met: boolean, ratio = measured.wall / yard.wall): void {
  const r = { aim, measured: fig(measured), yardstick: `${yardLabel}: ${fig(yard)}`, ratio: `${ratio.toFixed(2)}×`, target, met };
  rows.push(r);
  console.log(`  ${r.aim}: ${r.measured} vs ${r.yardstick} → ${r.ratio} (aim ${r.target}: ${met ? 'met' : 'NOT met'})`);
}

function printTable(): void {
  const header = ['aim', 'measured (median wall)', 'yardstick, same rounds', 'ratio', 'aim', 'met'];
  const cells = rows.map((r) => [r.aim, r.measured, r.yardstick, r.ratio, r.target, r.met ? 'yes' : 'NO']);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of cells) console.log(line(r));
}

async function treeBytes(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}

/** Appends a `free` box of `bytes` incompressible bytes to an MP4 file: still a valid MP4, MP4 readers skip it. */
async function padMp4(file: string, bytes: number): Promise<void> {
  const block = randomBytes(1 << 20);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(bytes + 8);
  header.write('free', 4, 'latin1');
  const out = createWriteStream(file, { flags: 'a' });
  out.write(header);
  for (let left = bytes; left > 0; left -= block.length) {
    if (!out.write(left >= block.length ? block : block.subarray(0, left))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

const wanted = (name: string) => !ONLY || ONLY.includes(name);

async function main(): Promise<void> {
  if (!existsSync(path.join(repoRoot, 'lib', 'cli.cjs'))) throw new Error('lib/ is missing: run `npm run build` first (npm run bench does).');
  if (!existsSync(GNU_TIME)) throw new Error('GNU time (/usr/bin/time) is needed: apt-get install -y time');
  const work = await mkdtemp(path.join(os.tmpdir(), 'parcours-bench-'));
  const env = { ...process.env, PARCOURS_CACHE_DIR: path.join(work, 'cache'), NO_COLOR: '1' };
  const sample = path.join(repoRoot, 'course');
  const nodeZero: Command = { label: 'node -e 0', argv: [node, '-e', '0'] };
  const out = path.join(work, 'out');
  const clean = () => rm(out, { recursive: true, force: true });
  const build = (dir: string, target: string, label: string, extra: string[] = []): Command => ({
    label,
    argv: [node, bin, 'build', dir, '--target', target, '--out', out, ...extra],
    before: clean,
  });
  console.log(`# parcours build benchmark: node ${process.version}, ${os.availableParallelism()} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${RUNS} rounds, temp ${work}`);

  try {
    // Cold: the first build with an empty disk cache (bundles the runtime, compiles the templates).
    const cold = timeOnce(build(sample, 'scorm12', 'cold'), env);
    console.log(`\nsample build with an empty cache (once): ${fig(cold)}`);

    if (wanted('help')) {
      console.log('\n## --help');
      const [help, zero] = await sideBySide([{ label: 'help', argv: [node, bin, '--help'] }, nodeZero], env);
      row('parcours --help', help!, 'node -e 0', zero!, '≤ 1.3×', help!.wall <= 1.3 * zero!.wall);
    }

    if (wanted('build') || wanted('validate')) {
      console.log('\n## sample course');
      const [built, valid, zero] = await sideBySide([build(sample, 'scorm12', 'build'), { label: 'validate', argv: [node, bin, 'validate', sample] }, nodeZero], env);
      if (wanted('build')) {
        row('sample build (scorm12)', built!, 'node -e 0', zero!, '≤ 0.5 s, ≤ 5×', built!.wall <= 0.5 && built!.wall <= 5 * zero!.wall);
        rows.push({ aim: 'sample build peak memory', measured: `${built!.rss.toFixed(0)} MiB`, yardstick: `node -e 0: ${zero!.rss.toFixed(0)} MiB`, ratio: `${(built!.rss / zero!.rss).toFixed(2)}×`, target: '≤ 120 MiB', met: built!.rss <= 120 });
        console.log(`  sample build peak RSS ${built!.rss.toFixed(0)} MiB (aim ≤ 120 MiB)`);
      }
      if (wanted('validate')) row('validate (every target)', valid!, 'node -e 0', zero!, '≤ 0.3 s, ≤ 3×', valid!.wall <= 0.3 && valid!.wall <= 3 * zero!.wall);
    }

    if (wanted('media')) {
      // Two media sizes or more: "flat in media size" is the peak not growing from one to the next.
      const sizes = (process.env.BENCH_MEDIA_MB ?? '200 400').split(/[\s,]+/).filter(Boolean).map(Number).sort((a, b) => a - b);
      const largest = sizes.at(-1)!;
      console.log(`\n## the sample with ${sizes.join(', ')} MB of video`);
      const heavy = (mb: number) => path.join(work, `heavy-${mb}`);
      for (const mb of sizes) {
        await cp(sample, heavy(mb), { recursive: true });
        const videos = (await readdir(path.join(heavy(mb), 'media'))).filter((f) => f.endsWith('.mp4'));
        for (const video of videos) await padMp4(path.join(heavy(mb), 'media', video), Math.floor((mb * 1e6) / videos.length));
      }
      // The yardstick zips the very files of the largest package: the package, unzipped.
      timeOnce(build(heavy(largest), 'scorm12', 'heavy'), env);
      const zipFile = (await readdir(out)).find((f) => f.endsWith('.zip'))!;
      const unzipped = path.join(work, 'heavy-unzipped');
      const unzip = spawnSync('unzip', ['-q', '-o', path.join(out, zipFile), '-d', unzipped]);
      if (unzip.status !== 0) throw new Error('unzip failed (apt-get install -y unzip)');
      const zip0 = path.join(work, 'zip0.zip');
      const [zip, light, ...builds] = await sideBySide(
        [
          { label: 'zip -0', argv: ['zip', '-0', '-r', '-q', zip0, '.'], cwd: unzipped, before: () => rm(zip0, { force: true }) },
          build(sample, 'scorm12', 'sample'),
          ...sizes.map((mb) => build(heavy(mb), 'scorm12', `heavy ${mb}`)),
        ],
        env,
      );
      const parcours = builds.at(-1)!;
      console.log(`  ${(await treeBytes(unzipped) / 1e6).toFixed(0)} MB in the package`);
      row(`media build (+${largest} MB video)`, parcours, 'zip -0 -r', zip!, '≤ 1.2×', parcours.wall <= 1.2 * zip!.wall);
      // Flat: the peak at the largest size against the next smaller one (≤ 1.1×), within the build's
      // memory aim (≤ 120 MiB); the sample without media is printed beside it, as the fixed part.
      const peaks = builds.map((b, i) => `${sizes[i]} MB: ${b.rss.toFixed(0)} MiB`).join(', ');
      const growth = sizes.length > 1 ? parcours.rss / builds.at(-2)!.rss : parcours.rss / light!.rss;
      const against = sizes.length > 1 ? `${sizes.at(-2)} MB` : 'no media';
      rows.push({
        aim: 'media build peak memory',
        measured: peaks,
        yardstick: `sample build: ${light!.rss.toFixed(0)} MiB (${(parcours.rss / light!.rss).toFixed(2)}×)`,
        ratio: `${growth.toFixed(2)}× (${largest} MB vs ${against})`,
        target: 'flat (≤ 1.1×), ≤ 120 MiB',
        met: growth <= 1.1 && parcours.rss <= 120,
      });
      console.log(`  peak RSS ${peaks}; ${growth.toFixed(2)}× from ${against} to ${largest} MB; the sample without video ${light!.rss.toFixed(0)} MiB`);
      for (const mb of sizes) await rm(heavy(mb), { recursive: true, force: true });
      await rm(unzipped, { recursive: true, force: true });
    }

    if (wanted('large')) {
      console.log('\n## 1,000 questions in 100 steps');
      const large = path.join(work, 'large');
      await makeLargeCourse(large, { steps: 100, questionsPerStep: 10, mediaBytes: 10e6 });
      // xapi: 1,000 questions need more learner state than SCORM 1.2's 4,096 characters.
      timeOnce(build(large, 'xapi', 'large'), env);
      const [built, zero] = await sideBySide([build(large, 'xapi', 'large'), nodeZero], env);
      row('large course build (xapi)', built!, 'node -e 0', zero!, '≤ 1 s', built!.wall <= 1);
    }

    if (wanted('catalogue')) {
      const count = Number(process.env.BENCH_COURSES ?? 50);
      console.log(`\n## ${count} copies of the sample, --target all`);
      const catalogue = path.join(work, 'catalogue');
      for (let i = 1; i <= count; i++) await cp(sample, path.join(catalogue, `c${String(i).padStart(3, '0')}`), { recursive: true });
      const one: Command = { label: 'one course', argv: [node, bin, 'build', sample, '--target', 'all', '--out', out], before: clean };
      const all: Command = { label: 'catalogue', argv: [node, bin, 'build', catalogue, '--target', 'all', '--out', out], before: clean };
      const [many, single] = await sideBySide([all, one], env, Math.min(RUNS, Number(process.env.BENCH_CATALOGUE_RUNS ?? RUNS)));
      // The yardstick: the same course built alone, in its own process; ratio: the catalogue against that × count.
      row(`${count} courses × --target all`, many!, `1 course alone (× ${count} = ${s(single!.wall * count)})`, single!, '≤ 15 s', many!.wall <= 15, many!.wall / (single!.wall * count));
      await rm(catalogue, { recursive: true, force: true });
    }

    printTable();
    console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (the ratios hold better than the absolute figures on a busy machine)`);
  } finally {
    if (!process.env.BENCH_KEEP) await rm(work, { recursive: true, force: true });
  }
}

await main();
