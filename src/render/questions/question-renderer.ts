import type { Question } from '../../model/course.js';
import type { RuntimeQuestion } from '../../shared/course-data.js';
import type { RenderContext } from '../render-context.js';

export interface QuestionPlace {
  quizId: string;
  /** 1-based position in the quiz. */
  number: number;
  total: number;
}

/**
 * How one question type becomes markup (templates/partials/<partial>.hbs) and runtime
 * data. One module per type, listed in ./index.ts.
 */
export interface QuestionRenderer {
  type: string;
  partial: string;
  /**
   * Style sheets the type needs beyond parcours.css (templates/styles/<name>.css), added to the
   * page's stylesheet only in courses that use the type. Shared sheets are added once.
   */
  styles?: readonly string[];
  view(question: Question, ctx: RenderContext, place: QuestionPlace): object;
  runtime(question: Question, ctx: RenderContext): RuntimeQuestion;
}
