/**
 * A large course written to a temporary folder, as an author would write it: `steps` steps,
 * each with a video, a quiz of `questionsPerQuiz` questions (every question type in turn,
 * with author-style ids), a sheet and a tool. For the learner-state budget and benchmarks.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface GeneratedCourseOptions {
  steps: number;
  questionsPerQuiz: number;
  /** Question types used in turn; default: every type. */
  types?: readonly string[];
  /** Characters of the tool's text field. */
  textMaxLength?: number;
}

export const EVERY_QUESTION_TYPE = ['single-choice', 'multiple-choice', 'true-false', 'matching', 'ordering', 'fill-in', 'numeric', 'likert'] as const;

function question(type: string, id: string, n: number): string {
  const head = `      - id: ${id}\n        type: ${type}\n        prompt: Question ${n} sur les partenariats ?\n        explanation: Parce que.\n`;
  switch (type) {
    case 'single-choice':
      return head + '        choices:\n' + ['pratiques', 'cooperation', 'innovation', 'mecenat'].map((c, i) => `          - { id: ${c}, text: Réponse ${c}${i === 1 ? ', correct: true' : ''} }\n`).join('');
    case 'multiple-choice':
      return head + '        choices:\n' + ['economie', 'social', 'environnement', 'gouvernance', 'territoire'].map((c, i) => `          - { id: ${c}, text: Réponse ${c}${i % 2 ? ', correct: true' : ''} }\n`).join('');
    case 'true-false':
      return head + '        answer: true\n';
    case 'matching':
      return head + '        pairs:\n' + ['mairie', 'association', 'entreprise', 'ecole'].map((s) => `          - { id: ${s}, source: Acteur ${s}, target: Rôle ${s} }\n`).join('');
    case 'ordering':
      return head + '        items:\n' + ['diagnostic', 'convention', 'actions', 'suivi', 'bilan'].map((s) => `          - { id: ${s}, text: Étape ${s} }\n`).join('');
    case 'fill-in':
      return head + '        text: Un partenariat se formalise par une [[convention]] entre [[deux|2]] parties.\n';
    case 'numeric':
      return head + '        answer: 40\n        tolerance: 5\n';
    case 'likert':
      return head;
    default:
      throw new Error(`no generator for question type ${type}`);
  }
}

/** Writes the course; returns its folder. */
export async function writeGeneratedCourse(options: GeneratedCourseOptions): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parcours-generated-'));
  const types = options.types ?? EVERY_QUESTION_TYPE;
  const stepIds = Array.from({ length: options.steps }, (_, s) => `etape-${String(s + 1).padStart(2, '0')}`);
  await mkdir(path.join(dir, 'steps'));
  await writeFile(
    path.join(dir, 'course.yaml'),
    `id: parcours-genere\ntitle: Un grand parcours\nlanguage: fr\ndescription: Un parcours généré.\nsteps:\n${stepIds.map((id) => `  - steps/${id}.yaml\n`).join('')}`,
  );
  let n = 0;
  for (const stepId of stepIds) {
    const questions = Array.from({ length: options.questionsPerQuiz }, () => {
      n++;
      return question(types[(n - 1) % types.length]!, `question-${String(n).padStart(3, '0')}`, n);
    });
    const yaml =
      `id: ${stepId}\ntitle: Étape ${stepId}\nduration: 20 min\nactivities:\n` +
      `  - kind: video\n    id: ${stepId}-video\n    title: Vidéo\n    url: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n` +
      `  - kind: quiz\n    id: ${stepId}-quiz\n    title: Quiz\n    attempts: 3\n    questions:\n${questions.join('')}` +
      `  - kind: sheet\n    id: ${stepId}-fiche\n    title: Fiche\n    body: Une fiche.\n` +
      `  - kind: tool\n    id: ${stepId}-outil\n    title: Outil\n    instructions: Remplissez.\n    fields:\n` +
      `      - { id: notes, type: text, label: Notes, maxLength: ${options.textMaxLength ?? 100} }\n` +
      `      - id: apports\n        type: checklist\n        label: Apports\n        items:\n          - { id: economie, label: Économie }\n          - { id: social, label: Social }\n`;
    await writeFile(path.join(dir, 'steps', `${stepId}.yaml`), yaml);
  }
  return dir;
}
