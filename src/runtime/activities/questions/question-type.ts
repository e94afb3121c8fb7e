import type { RuntimeQuestion } from '../../../shared/course-data.js';
import type { InteractionRecord } from '../../adapters/lms-adapter.js';
import type { Translate } from '../../i18n.js';

/**
 * One question type in the browser: reading the learner's response from its markup,
 * scoring it, showing feedback. One module per type, listed in ./index.ts; adding a type
 * touches no other module. `root` is the question's fieldset, rendered by the build.
 */
export interface QuestionType {
  type: string;
  interactionType: InteractionRecord['interactionType'];
  /** The response as ids (choice ids, or values), [] when unanswered. */
  read(root: HTMLElement): string[];
  /** Puts a saved response back. */
  write(root: HTMLElement, response: readonly string[]): void;
  /** 0–1 share of the question's points (pure). */
  score(question: RuntimeQuestion, response: readonly string[]): number;
  /** The correct response, as ids (pure). */
  correct(question: RuntimeQuestion): string[];
  /** Shows feedback for a submitted response; `reveal` also shows the expected answer. Locks the inputs. */
  review(root: HTMLElement, question: RuntimeQuestion, response: readonly string[], reveal: boolean, t: Translate): void;
  /** Clears feedback and unlocks the inputs for a new attempt; `seed` orders shuffled choices. */
  reset(root: HTMLElement, question: RuntimeQuestion, seed: string | null): void;
}
