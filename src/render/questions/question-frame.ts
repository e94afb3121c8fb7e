import type { Question } from '../../model/course.js';
import type { RuntimeQuestion } from '../../shared/course-data.js';
import { markdownToPlainText } from '../markdown.js';
import type { RenderContext } from '../render-context.js';
import type { QuestionPlace } from './question-renderer.js';

/**
 * What templates/question-frame.hbs draws around a question's own controls: the fieldset
 * with its number, prompt and hint. Shared by the types that use that frame.
 */
export interface QuestionFrameView {
  id: string;
  type: string;
  /** Prefix of the question's element ids. */
  domId: string;
  number: string;
  /** A one-paragraph prompt goes in the legend itself, so it names the group… */
  promptInline: string;
  /** …a longer one is described beside a shorter legend. */
  promptBlock: string;
  hint: string;
}

export function questionFrameView(q: Question, ctx: RenderContext, place: QuestionPlace, hint: string): QuestionFrameView {
  const prompt = ctx.markdown(q.prompt, { headingBase: 3 });
  const single = /^<p>((?:(?!<\/?p>)[\s\S])*)<\/p>\s*$/.exec(prompt);
  return {
    id: q.id,
    type: q.type,
    domId: `q.${place.quizId}.${q.id}`,
    number: ctx.t('questionNumber', { n: place.number, total: place.total }),
    promptInline: single ? single[1]! : '',
    promptBlock: single ? '' : prompt,
    hint,
  };
}

/** A number as the course language writes it (`12,5` in French). */
export function formatNumber(n: number, language: string): string {
  return n.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 10 });
}

/** The runtime data every question type starts from; a type adds its own fields (and its choices, if any). */
export function questionRuntimeBase(q: Question, weight = q.weight): RuntimeQuestion {
  return { id: q.id, type: q.type, weight, promptText: markdownToPlainText(q.prompt), choices: [] };
}
