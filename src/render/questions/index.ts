import { multipleChoiceRenderer } from './multiple-choice.js';
import type { QuestionRenderer } from './question-renderer.js';
import { singleChoiceRenderer } from './single-choice.js';
import { trueFalseRenderer } from './true-false.js';
import { matchingRenderer } from './matching.js';
import { orderingRenderer } from './ordering.js';
import { fillInRenderer } from './fill-in.js';
import { numericRenderer } from './numeric.js';
import { likertRenderer } from './likert.js';

/** Every question type the renderer knows. Adding a type means adding its module here. */
export const questionRenderers: QuestionRenderer[] = [
  singleChoiceRenderer,
  multipleChoiceRenderer,
  trueFalseRenderer,
  matchingRenderer,
  orderingRenderer,
  fillInRenderer,
  numericRenderer,
  likertRenderer,
];

export function questionRendererFor(type: string): QuestionRenderer {
  const renderer = questionRenderers.find((r) => r.type === type);
  if (!renderer) throw new Error(`No renderer for question type "${type}"`);
  return renderer;
}

/** The style sheets (templates/styles/<name>.css) the question types of a course need, in order, once each. */
export function questionStyles(types: readonly string[]): string[] {
  return [...new Set(questionRenderers.filter((r) => types.includes(r.type)).flatMap((r) => r.styles ?? []))];
}
