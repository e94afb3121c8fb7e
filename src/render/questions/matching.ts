import type { MatchingQuestion } from '../../model/course.js';
import { markdownToPlainText } from '../markdown.js';
import { questionFrameView, questionRuntimeBase } from './question-frame.js';
import type { QuestionRenderer } from './question-renderer.js';

/** One list per source, offering every target in alphabetical order (authored order would give pairs away). */
export const matchingRenderer: QuestionRenderer = {
  type: 'matching',
  partial: 'question-matching',
  styles: ['question-parts', 'question-matching'],
  view(question, ctx, place) {
    const q = question as MatchingQuestion;
    const frame = questionFrameView(q, ctx, place, ctx.t('hintMatching'));
    const targets = sortedTargets(q, ctx.course.language);
    return {
      ...frame,
      placeholder: ctx.t('matchingPlaceholder'),
      targets,
      sources: q.sources.map((s) => ({
        id: s.id,
        domId: `${frame.domId}.${s.id}`,
        textHtml: ctx.markdown(s.text, { inline: true }),
        expected: ctx.t('expectedAnswer', { answer: q.targets.find((t) => t.id === s.target)?.text ?? '' }),
      })),
    };
  },
  runtime(question, ctx) {
    const q = question as MatchingQuestion;
    return {
      ...questionRuntimeBase(q),
      sources: q.sources.map((s) => ({ id: s.id, text: markdownToPlainText(s.text), match: s.target })),
      targets: sortedTargets(q, ctx.course.language),
    };
  },
};

/** The same order in the page and in the runtime data (SCORM responses number targets by it). */
function sortedTargets(q: MatchingQuestion, language: string): { id: string; text: string }[] {
  return q.targets
    .map(({ id, text }) => ({ id, text }))
    .sort((a, b) => a.text.localeCompare(b.text, language) || (a.id < b.id ? -1 : 1));
}
