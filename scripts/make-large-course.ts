/**
 * Writes a large synthetic course for benchmarks: N steps, each with a video (incompressible
 * bytes in an .mp4-named file), captions, a poster, a quiz of Q true/false questions and a sheet.
 * The media are not playable: the build only copies them, which is what is measured.
 *
 * Run: npx tsx scripts/make-large-course.ts <dir> [megabytes-of-media=500] [steps=100] [questions-per-step=10]
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LargeCourseOptions {
  steps: number;
  questionsPerStep: number;
  /** Total bytes of video files, spread evenly over the steps. */
  mediaBytes: number;
}

const pad = (n: number) => String(n).padStart(3, '0');

/** One random MiB, written again and again: deflate's 32 KiB window cannot find the repeats. */
const BLOCK = randomBytes(1 << 20);

async function writeIncompressible(file: string, bytes: number): Promise<void> {
  const out = createWriteStream(file);
  for (let left = bytes; left > 0; left -= BLOCK.length) {
    const chunk = left >= BLOCK.length ? BLOCK : BLOCK.subarray(0, left);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

function stepYaml(n: number, questions: number): string {
  const s = pad(n);
  const lines = [
    `id: s${s}`,
    `title: Étape ${n}`,
    'duration: 15 min',
    'activities:',
    '  - kind: video',
    `    id: v${s}`,
    `    title: Vidéo ${n}`,
    `    src: media/v${s}.mp4`,
    `    poster: media/v${s}.jpg`,
    '    captions:',
    '      - lang: fr',
    `        src: media/v${s}.fr.vtt`,
    '  - kind: quiz',
    `    id: q${s}`,
    `    title: Quiz ${n}`,
    '    attempts: 1',
    '    questions:',
  ];
  for (let q = 1; q <= questions; q++) {
    lines.push(
      `      - id: q${q}`,
      '        type: true-false',
      `        prompt: "Affirmation ${q} de l’étape ${n} : la coopération se construit dans la durée."`,
      `        answer: ${q % 2 === 0}`,
      '        explanation: Parce que les partenaires apprennent à se connaître.',
    );
  }
  lines.push(
    '  - kind: sheet',
    `    id: f${s}`,
    `    title: Fiche ${n}`,
    `    body: "## Fiche ${n}\\n\\nLes **points clés** de l’étape ${n}, en quelques lignes."`,
  );
  return lines.join('\n') + '\n';
}

export async function makeLargeCourse(dir: string, options: LargeCourseOptions): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'steps'), { recursive: true });
  await mkdir(path.join(dir, 'media'), { recursive: true });
  const perVideo = Math.floor(options.mediaBytes / options.steps);
  const course = [
    'id: grand-parcours',
    'title: Un grand parcours de test',
    'language: fr',
    'version: 1.0.0',
    'description: Parcours synthétique pour mesurer la construction des paquets.',
    'authors: [Parcours]',
    'passingScore: 80',
    'steps:',
    ...Array.from({ length: options.steps }, (_, i) => `  - steps/${pad(i + 1)}.yaml`),
  ];
  await writeFile(path.join(dir, 'course.yaml'), course.join('\n') + '\n');
  for (let n = 1; n <= options.steps; n++) {
    const s = pad(n);
    await writeFile(path.join(dir, 'steps', `${s}.yaml`), stepYaml(n, options.questionsPerStep));
    await writeIncompressible(path.join(dir, 'media', `v${s}.mp4`), perVideo);
    await writeFile(path.join(dir, 'media', `v${s}.jpg`), BLOCK.subarray(0, 30_000));
    await writeFile(path.join(dir, 'media', `v${s}.fr.vtt`), `WEBVTT\n\n00:00.000 --> 00:04.000\nÉtape ${n}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, megabytes = '500', steps = '100', questions = '10'] = process.argv.slice(2);
  if (!dir) {
    console.error('Usage: tsx scripts/make-large-course.ts <dir> [megabytes-of-media=500] [steps=100] [questions-per-step=10]');
    process.exitCode = 1;
  } else {
    await makeLargeCourse(dir, { mediaBytes: Number(megabytes) * 1e6, steps: Number(steps), questionsPerStep: Number(questions) });
    console.log(`Wrote ${dir}`);
  }
}
