/**
 * How long loading a course takes (it runs on every rebuild in watch mode).
 * Run: npx tsx scripts/bench-load.ts [course-folder]   (default: course/)
 */
import { loadCourse } from '../src/load/index.js';

const dir = process.argv[2] ?? 'course';
const runs = 30;

let start = performance.now();
const first = await loadCourse(dir);
console.log(`first load (compiles the schemas): ${(performance.now() - start).toFixed(1)} ms, ${first.diagnostics.length} diagnostics`);

const times: number[] = [];
for (let i = 0; i < runs; i++) {
  start = performance.now();
  await loadCourse(dir);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(`reload over ${runs} runs: median ${times[runs >> 1]!.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms, max ${times[runs - 1]!.toFixed(1)} ms`);
