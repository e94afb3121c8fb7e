import type { ChoiceQuestion } from '../../model/course.js';
import { markdownToPlainText } from '../markdown.js';
import type { RenderContext } from '../render-context.js';
import { questionRuntimeBase } from './question-frame.js';
import type { QuestionPlace, QuestionRenderer } from './question-renderer.js';

/**
 * Renderer shared by the question types whose answer is a set of choices (single-choice,
 * multiple-choice, true-false); each type only names its partial and its hint.
 */
export function choiceQuestionRenderer(type: ChoiceQuestion['type'], hintKey: string): QuestionRenderer {
  return {
    type,
    partial: `question-${type}`,
    view(question, ctx, place) {
      return choiceQuestionView(question as ChoiceQuestion, ctx, place, hintKey);
    },
    runtime(question) {
      const q = question as ChoiceQuestion;
      return {
        ...questionRuntimeBase(q),
        choices: q.choices.map((c) => ({ id: c.id, correct: c.correct, text: markdownToPlainText(c.text) })),
        ...(q.partialCredit && { partialCredit: true }),
      };
    },
  };
}

function choiceQuestionView(q: ChoiceQuestion, ctx: RenderContext, place: QuestionPlace, hintKey: string): object {
  const domId = `q.${place.quizId}.${q.id}`;
  const prompt = ctx.markdown(q.prompt, { headingBase: 3 });
  // A one-paragraph prompt goes in the legend itself, so it names the group of choices;
  // a longer one is described beside a shorter legend.
  const single = /^<p>((?:(?!<\/?p>)[\s\S])*)<\/p>\s*$/.exec(prompt);
  return {
    id: q.id,
    type: q.type,
    domId,
    name: `${place.quizId}.${q.id}`,
    number: ctx.t('questionNumber', { n: place.number, total: place.total }),
    promptInline: single ? single[1] : '',
    promptBlock: single ? '' : prompt,
    hint: ctx.t(hintKey),
    choices: q.choices.map((c) => ({
      id: c.id,
      domId: `${domId}.${c.id}`,
      textHtml: ctx.markdown(c.text, { inline: true }),
      feedbackHtml: ctx.markdown(c.feedback, { headingBase: 4 }),
    })),
  };
}
