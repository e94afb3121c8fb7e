import type { RuntimeQuestion } from '../../../shared/course-data.js';
import type { InteractionRecord } from '../../adapters/lms-adapter.js';
import type { Translate } from '../../i18n.js';

/**
 * One question type in the browser: reading the learner's response from its markup,
 * scoring it, marking it. One module per type, listed in ./index.ts; adding a type
 * touches no other module. `root` is the question's fieldset, rendered by the build.
 *
 * The quiz (../quiz.ts), not the type, shows what every type shares after submitting: the
 * question's verdict (right / partly right / wrong, from `score`), the author's result
 * messages and the explanation (templates/question-outcome.hbs, rendered after the fieldset).
 */
export interface QuestionType {
  type: string;
  interactionType: InteractionRecord['interactionType'];
  /**
   * False for a question that is not scored (a survey, a Likert scale): it weighs nothing in the
   * quiz score, is never marked right or wrong, and is reported with result `neutral`. Default true.
   */
  graded?: boolean;
  /** The response as ids (choice ids, or values), [] when unanswered. */
  read(root: HTMLElement): string[];
  /** Puts a saved response back. */
  write(root: HTMLElement, response: readonly string[]): void;
  /**
   * 0–1 share of the question's points (pure): 1 all right, 0 nothing; in between only for
   * types that give partial credit (the quiz then says "partly right"). Never below 0.
   */
  score(question: RuntimeQuestion, response: readonly string[]): number;
  /** The correct response, as ids (pure). */
  correct(question: RuntimeQuestion): string[];
  /**
   * Marks a submitted response (per choice, per blank...) and locks the inputs; `reveal` also
   * shows the expected answer. Also used read-only in review mode.
   */
  review(root: HTMLElement, question: RuntimeQuestion, response: readonly string[], reveal: boolean, t: Translate): void;
  /** Clears the marks and unlocks the inputs for a new attempt; `seed` orders shuffled choices. */
  reset(root: HTMLElement, question: RuntimeQuestion, seed: string | null): void;
}
