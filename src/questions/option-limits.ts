/**
 * What an LMS can record about the options of a question. SCORM 1.2 writes a `choice`,
 * `sequencing`, `matching` or `likert` response as single characters 0–9 then a–z (RTE
 * §3.4.2.7: "a series of single characters … legal characters are 0 to 9 and a to z"), one per
 * option by position: a question with more options than that cannot be recorded.
 */
import type { SourceLocation } from '../model/course.js';
import type { LoadContext } from '../load/context.js';

/** 0–9 then a–z. */
export const MAX_SINGLE_CHARACTER_OPTIONS = 36;

/** SCORM 1.2 CMIString255: `student_response` and `correct_responses.n.pattern`. */
export const MAX_RESPONSE_LENGTH = 255;

/** Reports TOO_MANY_OPTIONS when `count` options cannot each get a single character. */
export function checkOptionCount(
  questionId: string,
  count: number,
  what: string,
  loc: SourceLocation,
  ctx: Pick<LoadContext, 'report'>,
): void {
  if (count > MAX_SINGLE_CHARACTER_OPTIONS) {
    ctx.report('TOO_MANY_OPTIONS', loc, { id: questionId, count, what, max: MAX_SINGLE_CHARACTER_OPTIONS });
  }
}
