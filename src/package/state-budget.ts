/**
 * Will the learner state of this course always fit in what the LMS keeps? Builds the
 * largest state the runtime can save for the course and encodes it with the real codec,
 * so the figure is exact for this build, not an estimate.
 */
import type { Course, QuizActivity, SourceLocation, TextField } from '../model/course.js';
import { createDiagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { emptyLearnerState, type LearnerState } from '../shared/learner-state.js';
import type { RuntimeCourse, RuntimeQuiz } from '../shared/course-data.js';
import { encodeState, MAX_QUIZ_ATTEMPTS, MAX_VIDEO_SECONDS, MAX_VIDEO_SEGMENTS } from '../shared/state-codec.js';
import { COSTLIEST_TEXT_CHARACTER, toStoredText } from '../shared/state-escape.js';
import { encodeAnswer } from '../shared/state-refs.js';
import { findQuestionType } from '../questions/index.js';
import { AssetCollector } from '../render/assets.js';
import { buildRuntimeCourse } from '../render/page-view.js';
import { RenderContext } from '../render/render-context.js';
import type { Target } from './target.js';
import { withThousands } from '../shared/format-number.js';

export interface StateBudget {
  /** Characters of the largest saved state (what SCORM limits count). */
  characters: number;
  /** UTF-8 bytes of the largest saved state, for LMSs that count bytes. */
  utf8Bytes: number;
  /** Characters the tool text fields take at worst, largest first. */
  textFields: { id: string; characters: number; loc: SourceLocation }[];
}

/**
 * The largest state for `course`: every activity visited, every video with the most
 * segments the codec keeps and the longest times, every quiz at its most attempts with the
 * costliest response of each question type saved for every question it shows (a pool: the
 * `draw` costliest ones) and a question order saved, every tool field filled
 * to `maxLength` with the costliest character, every tool with a done button finished, the longest bookmark.
 */
export function worstCaseState(course: Course, runtime: RuntimeCourse = runtimeCourseOf(course)): LearnerState {
  const quizzes = new Map(runtime.steps.flatMap((s) => s.activities).flatMap((a) => (a.kind === 'quiz' ? [[a.id, a] as const] : [])));
  const state: LearnerState = emptyLearnerState();
  for (const step of course.steps) {
    if (step.id.length > state.location.length) state.location = step.id;
    for (const activity of step.activities) {
      const location = `${step.id}/${activity.id}`;
      if (location.length > state.location.length) state.location = location;
      state.visited.push(activity.id);
      if (activity.kind === 'video') {
        state.videos[activity.id] = { segments: longestSegments(), position: MAX_VIDEO_SECONDS, watched: true };
      } else if (activity.kind === 'quiz') {
        state.quizzes[activity.id] = {
          attempts: activity.attempts > 0 ? Math.min(activity.attempts, MAX_QUIZ_ATTEMPTS) : MAX_QUIZ_ATTEMPTS,
          score: 99.99,
          best: 99.99,
          passed: true,
          answers: Object.fromEntries(costliestAnswers(activity, quizzes.get(activity.id)!)),
          submitted: true,
          order: costliestAnswers(activity, quizzes.get(activity.id)!).map(([id]) => id),
        };
      } else if (activity.kind === 'tool') {
        if (activity.completeWhen === 'done-button') (state.finished ??= []).push(activity.id);
        state.tools[activity.id] = Object.fromEntries(
          activity.fields.map((f) => [f.id, f.type === 'text' ? COSTLIEST_TEXT_CHARACTER.repeat(f.maxLength) : f.items.map((i) => i.id)]),
        );
      }
    }
  }
  return state;
}

/** The saved responses that cost the most: every question's, or the `draw` costliest of a pool. */
function costliestAnswers(quiz: QuizActivity, runtime: RuntimeQuiz): [string, string[]][] {
  const answers = quiz.questions.map((q): [string, string[]] => [q.id, findQuestionType(q.type)?.worstCaseResponse(q as never) ?? []]);
  if (quiz.draw === undefined || quiz.draw >= answers.length) return answers;
  const questions = new Map(runtime.questions.map((q) => [q.id, q]));
  // Every reference of a quiz has one length: the answers alone make the difference.
  const cost = ([id, values]: [string, string[]]) => {
    const texts: string[] = [];
    return encodeAnswer(questions.get(id)!, values, texts).length + texts.join('').length;
  };
  return [...answers].sort((a, b) => cost(b) - cost(a)).slice(0, quiz.draw);
}

/** The course as the runtime reads it (what the codec names questions and options by). */
export function runtimeCourseOf(course: Course): RuntimeCourse {
  return buildRuntimeCourse(course, new RenderContext(course, new AssetCollector(course.rootDir), {}));
}

/** Disjoint segments whose bounds all take the most base-36 digits. */
function longestSegments(): [number, number][] {
  return Array.from({ length: MAX_VIDEO_SEGMENTS }, (_, i): [number, number] => [
    MAX_VIDEO_SECONDS - 3 * (MAX_VIDEO_SEGMENTS - i),
    MAX_VIDEO_SECONDS - 3 * (MAX_VIDEO_SEGMENTS - i) + 1,
  ]);
}

export function measureWorstCaseState(course: Course): StateBudget {
  const runtime = runtimeCourseOf(course);
  const encoded = encodeState(worstCaseState(course, runtime), runtime);
  const characters = encoded.length;
  const utf8Bytes = new TextEncoder().encode(encoded).length;
  const textFields = course.steps
    .flatMap((s) => s.activities)
    .flatMap((a) => (a.kind === 'tool' ? a.fields.filter((f): f is TextField => f.type === 'text').map((f) => ({ tool: a.id, field: f })) : []))
    .map(({ tool, field }) => ({
      id: `${tool}.${field.id}`,
      characters: toStoredText(COSTLIEST_TEXT_CHARACTER.repeat(field.maxLength)).length,
      loc: field.loc,
    }))
    .sort((a, b) => b.characters - a.characters);
  return { characters, utf8Bytes, textFields };
}

/** An error when the largest state of `course` exceeds what `target` keeps. */
/** `budget`: the course's measure when the caller has it (a build checks every target with one measure). */
export function checkStateBudget(course: Course, target: Pick<Target, 'name' | 'maxStateLength'>, budget = measureWorstCaseState(course)): Diagnostic[] {
  if (budget.characters <= target.maxStateLength) return [];
  const textTotal = budget.textFields.reduce((sum, f) => sum + f.characters, 0);
  const excess = budget.characters - target.maxStateLength;
  const largest = budget.textFields[0];
  const hint =
    textTotal >= excess && largest
      ? `Lower \`maxLength\` on tool text fields: they take ${withThousands(textTotal)} characters when full, ` +
        `the largest being ${largest.id} (${withThousands(largest.characters)}). Removing ${withThousands(excess)} characters is enough.`
      : `Shorten activity and step ids, or split the course: ${withThousands(excess)} characters too many. ` +
        `Tool text fields take ${withThousands(textTotal)} characters of it at worst.`;
  const loc = textTotal >= excess && largest ? largest.loc : course.loc;
  return [
    createDiagnostic('STATE_TOO_LARGE', loc, {
      characters: withThousands(budget.characters),
      target: target.name,
      limit: withThousands(target.maxStateLength),
      help: hint,
    }),
  ];
}
