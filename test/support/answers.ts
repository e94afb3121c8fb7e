/**
 * Answers as the core reports them to an adapter (InteractionRecord), shaped like the sample
 * course's first quiz (`enjeux-quiz`, objective `enjeux`): a correct answer worth 1, unless
 * `overrides` say otherwise. Shared by the SCORM, xAPI and cmi5 adapter tests.
 */
import type { InteractionRecord } from '../../src/runtime/adapters/lms-adapter.js';

type QuestionFields = Pick<InteractionRecord, 'type' | 'interactionType' | 'response' | 'correct' | 'choices' | 'description' | 'latencyMs' | 'timestamp'>;

function answer(question: string, fields: QuestionFields, overrides: Partial<InteractionRecord>): InteractionRecord {
  return { id: `enjeux-quiz.${question}`, quizId: 'enjeux-quiz', questionId: question, objectiveId: 'enjeux', result: 'correct', scoreShare: 1, weight: 1, ...fields, ...overrides };
}

/** A single-choice answer: `a` (Oui), the right one. */
export function singleChoiceAnswer(overrides: Partial<InteractionRecord> = {}): InteractionRecord {
  return answer(
    'q1',
    {
      type: 'single-choice',
      interactionType: 'choice',
      response: ['a'],
      correct: ['a'],
      choices: [
        { id: 'a', text: 'Oui' },
        { id: 'b', text: 'Non' },
      ],
      description: 'Qu’allient les pratiques partenariales ?',
      latencyMs: 8_000,
      timestamp: new Date(),
    },
    overrides,
  );
}

/** A multiple-choice answer: the learner ticked `quiz` and `fiche`, missing `video`. */
export function multipleChoiceAnswer(overrides: Partial<InteractionRecord> = {}): InteractionRecord {
  return answer(
    'ressources',
    {
      type: 'multiple-choice',
      interactionType: 'choice',
      response: ['quiz', 'fiche'],
      correct: ['video', 'quiz', 'fiche'],
      choices: [
        { id: 'video', text: 'Une vidéo de présentation' },
        { id: 'quiz', text: 'Un quiz' },
        { id: 'fiche', text: 'Une fiche pratique' },
        { id: 'examen', text: 'Un examen surveillé' },
      ],
      description: 'Que trouvez-vous à chaque étape du parcours ?',
      latencyMs: 12_340,
      timestamp: new Date(2024, 0, 2, 9, 5, 7),
    },
    { result: 'wrong', scoreShare: 0, ...overrides },
  );
}

/** A true-false answer worth 2: `true`, the right one. */
export function trueFalseAnswer(overrides: Partial<InteractionRecord> = {}): InteractionRecord {
  return answer(
    'nombre-etapes',
    {
      type: 'true-false',
      interactionType: 'true-false',
      response: ['true'],
      correct: ['true'],
      choices: [
        { id: 'true', text: 'Vrai' },
        { id: 'false', text: 'Faux' },
      ],
      description: 'Le parcours comporte 4 étapes.',
      latencyMs: 4_000,
      timestamp: new Date(2024, 0, 2, 9, 6, 0),
    },
    { weight: 2, ...overrides },
  );
}
