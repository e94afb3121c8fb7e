/**
 * Loads a one-question course written to a temp folder: the question as YAML (indented for a
 * quiz's `questions:` list), the course in `language`. Returns the model's question and every
 * diagnostic with its place.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCourse } from '../../src/load/index.js';
import type { Question, QuizActivity } from '../../src/model/course.js';

export interface LoadedQuestion<Q extends Question> {
  question: Q | undefined;
  diagnostics: { code: string; line: number | undefined; message: string }[];
  /** Error codes only. */
  errors: string[];
}

/** Line of the question's first line (`- id: …`) in steps/01.yaml. */
export const QUESTION_LINE = 9;

export async function loadQuestion<Q extends Question>(questionYaml: string, language: 'fr' | 'en' = 'en'): Promise<LoadedQuestion<Q>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parcours-question-'));
  try {
    writeFileSync(path.join(dir, 'course.yaml'), `id: c\ntitle: C\nlanguage: ${language}\ndescription: D\nsteps:\n  - steps/01.yaml\n`);
    mkdirSync(path.join(dir, 'steps'));
    const body = questionYaml
      .trim()
      .split('\n')
      .map((line, i) => (i === 0 ? `      - ${line}` : `        ${line}`))
      .join('\n');
    writeFileSync(
      path.join(dir, 'steps', '01.yaml'),
      `id: s\ntitle: S\nduration: 5 min\nactivities:\n  - kind: quiz\n    id: q\n    title: Q\n    questions:\n${body}\n`,
    );
    const { course, diagnostics } = await loadCourse(dir);
    const quiz = course?.steps[0]?.activities[0] as QuizActivity | undefined;
    return {
      question: quiz?.questions[0] as Q | undefined,
      diagnostics: diagnostics.map((d) => ({ code: d.code, line: d.loc?.line, message: d.message })),
      errors: diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `count` YAML list lines `prefix<n>` (n from 1). */
export function yamlList(count: number, line: (n: number) => string): string {
  return Array.from({ length: count }, (_, i) => line(i + 1)).join('\n');
}
