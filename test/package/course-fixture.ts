/** Hand-built Course objects for packaging tests (no loader needed). */
import type { Course, QuizActivity, SheetActivity, Step } from '../../src/model/course.js';

const loc = (file = 'course.yaml', line = 1) => ({ file, line, column: 1 });
const md = (source: string) => ({ source, loc: loc() });

export function quiz(id: string, questionIds: string[]): QuizActivity {
  return {
    kind: 'quiz',
    id,
    title: `Quiz ${id}`,
    passingScore: 80,
    attempts: 0,
    shuffle: false,
    loc: loc('steps/01.yaml', 10),
    questions: questionIds.map((qid, n) => ({
      id: qid,
      type: 'single-choice',
      prompt: md('Question ?'),
      weight: 1,
      loc: loc('steps/01.yaml', 20 + n),
      choices: [
        { id: 'a', text: md('Oui'), correct: true, loc: loc() },
        { id: 'b', text: md('Non'), correct: false, loc: loc() },
      ],
    })),
  };
}

export function sheet(id: string): SheetActivity {
  return { kind: 'sheet', id, title: `Fiche ${id}`, body: md('Texte'), attachments: [], loc: loc('steps/01.yaml', 5) };
}

export function makeCourse(overrides: Partial<Course> = {}): Course {
  const steps: Step[] = [
    {
      id: 'enjeux',
      title: 'Les enjeux',
      duration: '15 min',
      activities: [sheet('enjeux-fiche'), quiz('enjeux-quiz', ['q1', 'q2'])],
      loc: loc('steps/01.yaml', 1),
    },
  ];
  return {
    id: 'valorisez-cooperation',
    title: 'Valorisez vos pratiques de coopération',
    language: 'fr',
    description: 'Un parcours',
    authors: ['Parcours'],
    version: '1.0.0',
    passingScore: 80,
    theme: { color: '#1b5e6b' },
    steps,
    rootDir: '/nonexistent/course',
    sourceFiles: ['course.yaml'],
    loc: loc(),
    ...overrides,
  };
}
