/** Records the core would send, shaped like the sample course's first step. */
import type { InteractionRecord } from '../../../src/runtime/adapters/lms-adapter.js';

const RESOURCES = [
  { id: 'video', text: 'Une vidéo de présentation' },
  { id: 'quiz', text: 'Un quiz' },
  { id: 'fiche', text: 'Une fiche pratique' },
  { id: 'examen', text: 'Un examen surveillé' },
];

/** A multiple-choice answer: the learner ticked `quiz` and `fiche`, missing `video`. */
export function multipleChoiceAnswer(overrides: Partial<InteractionRecord> = {}): InteractionRecord {
  return {
    id: 'enjeux-quiz.ressources',
    quizId: 'enjeux-quiz',
    questionId: 'ressources',
    objectiveId: 'enjeux',
    type: 'multiple-choice',
    interactionType: 'choice',
    response: ['quiz', 'fiche'],
    correct: ['video', 'quiz', 'fiche'],
    choices: RESOURCES,
    description: 'Que trouvez-vous à chaque étape du parcours ?',
    result: 'wrong',
    scoreShare: 0,
    weight: 1,
    latencyMs: 12_340,
    timestamp: new Date(2024, 0, 2, 9, 5, 7),
    ...overrides,
  };
}

export function trueFalseAnswer(overrides: Partial<InteractionRecord> = {}): InteractionRecord {
  return {
    id: 'enjeux-quiz.nombre-etapes',
    quizId: 'enjeux-quiz',
    questionId: 'nombre-etapes',
    objectiveId: 'enjeux',
    type: 'true-false',
    interactionType: 'true-false',
    response: ['true'],
    correct: ['true'],
    choices: [
      { id: 'true', text: 'Vrai' },
      { id: 'false', text: 'Faux' },
    ],
    description: 'Le parcours comporte 4 étapes.',
    result: 'correct',
    scoreShare: 1,
    weight: 2,
    latencyMs: 4_000,
    timestamp: new Date(2024, 0, 2, 9, 6, 0),
    ...overrides,
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}
