/**
 * The sample course's first two steps as runtime data (what the page embeds, src/shared/course-data.ts),
 * for tests of the state codec and the xAPI and cmi5 adapters: one step with a video, a quiz of
 * three questions, a sheet and a tool, then a step with a sheet. A new object each call, so a
 * test may change its copy.
 */
import type { RuntimeCourse } from '../../src/shared/course-data.js';

export function sampleRuntimeCourse(): RuntimeCourse {
  return {
    id: 'valorisez-cooperation',
    title: 'Valorisez vos pratiques de coopération',
    version: '1.0.0',
    language: 'fr',
    passingScore: 80,
    graded: true,
    steps: [
      {
        id: 'enjeux',
        title: 'Enjeux',
        activities: [
          { kind: 'video', id: 'enjeux-video', title: 'Présentation', threshold: 0.9, source: 'file' },
          {
            kind: 'quiz',
            id: 'enjeux-quiz',
            title: 'Quiz',
            passingScore: 80,
            attempts: 3,
            shuffle: true,
            questions: [
              { id: 'alliance', type: 'single-choice', weight: 1, promptText: '', choices: ['a', 'b', 'c', 'd'].map((id) => ({ id, correct: id === 'a', text: id })) },
              { id: 'nombre-etapes', type: 'true-false', weight: 1, promptText: '', choices: ['true', 'false'].map((id) => ({ id, correct: id === 'true', text: id })) },
              { id: 'ressources', type: 'multiple-choice', weight: 1, promptText: '', choices: ['video', 'quiz', 'fiche', 'examen'].map((id) => ({ id, correct: id !== 'examen', text: id })) },
            ],
          },
          { kind: 'sheet', id: 'enjeux-fiche', title: 'Fiche' },
          {
            kind: 'tool',
            id: 'enjeux-outil',
            title: 'Outil',
            fields: [
              { type: 'text', id: 'partenariat', maxLength: 250 },
              { type: 'checklist', id: 'apports', items: ['economie', 'interet-general'] },
            ],
          },
        ],
      },
      { id: 'typologie', title: 'Typologie', activities: [{ kind: 'sheet', id: 'typologie-fiche', title: 'Fiche' }] },
    ],
  };
}
