/**
 * Progress and status decisions: which activities are done, each step's objective, the
 * course's completion and success. Pure code over RuntimeCourse + LearnerState, tested
 * without a DOM; the per-kind "done" rule comes from the activity modules.
 */
import { DEFAULT_COMPLETION, type CompletionCriterion, type RuntimeActivity, type RuntimeCourse, type RuntimeQuiz, type RuntimeTool } from '../../shared/course-data.js';
import type { LearnerState, QuizProgress } from '../../shared/learner-state.js';
import { own, record } from '../../shared/records.js';
import type { ObjectiveRecord, ProgressRecord } from '../adapters/lms-adapter.js';

export type DoneRule = (activity: RuntimeActivity, state: LearnerState) => boolean;
export type ActivityStatus = 'todo' | 'started' | 'done';

export interface StepEvaluation {
  id: string;
  done: number;
  total: number;
  status: ActivityStatus;
  objective: ObjectiveRecord;
}

export interface CourseEvaluation {
  /** By activity id; no prototype (records.ts). */
  activities: Record<string, ActivityStatus>;
  steps: StepEvaluation[];
  progress: ProgressRecord;
}

/** A quiz is settled once passed or out of attempts (0 attempts = unlimited, never out). */
export function quizSettled(quiz: RuntimeQuiz, progress: QuizProgress | undefined): boolean {
  return !!progress && (progress.passed || (quiz.attempts > 0 && progress.attempts >= quiz.attempts));
}

/**
 * A tool is completed as its `completeWhen` says: opened; every required field answered (text
 * not blank, a box ticked; opened, when none is required); or declared finished by the learner.
 */
export function toolCompleted(tool: RuntimeTool, state: LearnerState): boolean {
  const values = own(state.tools, tool.id) ?? {};
  return tool.completeWhen === 'done-button'
    ? !!state.finished?.includes(tool.id)
    : state.visited.includes(tool.id) &&
        // A text or the ticked items joined by commas: answered when not blank.
        (tool.completeWhen === 'opened' || tool.fields.every((f) => f.optional || String(own(values, f.id) ?? '').trim()));
}

/**
 * Weighted mean of the quizzes' best scores (weights: the course's `scoring.weights`, else
 * the sum of question weights); a quiz never submitted counts 0. Undefined before any
 * submission, or when every weight is 0.
 */
export function quizzesScore(quizzes: readonly RuntimeQuiz[], state: LearnerState): number | undefined {
  // A quiz that weighs nothing (a survey) starts no score when submitted.
  if (!quizzes.some((q) => q.weight !== 0 && own(state.quizzes, q.id)?.best != null)) return undefined;
  let total = 0;
  let got = 0;
  for (const quiz of quizzes) {
    const weight = quiz.weight ?? (quiz.questions.reduce((sum, q) => sum + q.weight, 0) || 1);
    total += weight;
    got += weight * (own(state.quizzes, quiz.id)?.best ?? 0);
  }
  return total > 0 ? Math.round(got / total) : undefined;
}

/**
 * Whether an activity meets the completion criteria that concern it; undefined when none
 * does (it then does not count toward completion).
 */
export function meetsCompletion(a: RuntimeActivity, state: LearnerState, criteria: readonly CompletionCriterion[]): boolean | undefined {
  let met: boolean | undefined;
  const need = (criterion: CompletionCriterion, ok: boolean) => {
    if (criteria.includes(criterion)) met = (met ?? true) && ok;
  };
  const opened = state.visited.includes(a.id);
  need('visited', opened);
  if (a.kind === 'video') need('videos-watched', !!own(state.videos, a.id)?.watched);
  if (a.kind === 'sheet') need('sheets-opened', opened);
  if (a.kind === 'tool') need('tools-completed', toolCompleted(a, state));
  if (a.kind === 'quiz') {
    const p = own(state.quizzes, a.id);
    need('quizzes-attempted', !!p && p.attempts > 0);
    need('quizzes-passed', !!p?.passed);
    need('quizzes-finished', quizSettled(a, p));
  }
  return met;
}

/**
 * The one status of standards that have only one (SCORM 1.2 `lesson_status`), in the words the
 * course chose: the positive word once the course is completed and, when graded, passed; the
 * negative word once it failed (`incomplete` for the `…/incomplete` pairs); `incomplete` before.
 */
export function singleStatus(course: RuntimeCourse, progress: ProgressRecord): NonNullable<ProgressRecord['status']> {
  const [positive, negative] = (course.reportStatusAs ?? (course.graded ? 'passed/failed' : 'completed/incomplete')).split('/') as [
    'passed' | 'completed',
    'failed' | 'incomplete',
  ];
  if (progress.completion === 'completed' && (!course.graded || progress.success === 'passed')) return positive;
  return progress.success === 'failed' ? negative : 'incomplete';
}

export function evaluateCourse(course: RuntimeCourse, state: LearnerState, isDone: DoneRule, masteryScore?: number): CourseEvaluation {
  const activities = record<ActivityStatus>();
  const allQuizzes: RuntimeQuiz[] = [];
  const criteria = course.completion ?? DEFAULT_COMPLETION;
  let metCount = 0;
  let requiredCount = 0;
  const steps = course.steps.map((step): StepEvaluation => {
    const statuses = step.activities.map((a) => {
      // Started: opened (the core records every activity page the learner shows).
      const status: ActivityStatus = isDone(a, state) ? 'done' : state.visited.includes(a.id) ? 'started' : 'todo';
      activities[a.id] = status;
      const met = meetsCompletion(a, state, criteria);
      if (met !== undefined) requiredCount++;
      if (met) metCount++;
      return status;
    });
    const done = statuses.filter((s) => s === 'done').length;
    const quizzes = step.activities.filter((a): a is RuntimeQuiz => a.kind === 'quiz');
    allQuizzes.push(...quizzes);
    // A quiz that weighs nothing (a survey, a practice quiz) does not pass or fail its step.
    const graded = quizzes.filter((q) => q.weight !== 0);
    const complete = done === statuses.length;
    const scorePercent = quizzesScore(quizzes, state);
    const objective: ObjectiveRecord = {
      id: step.id,
      status: !complete ? 'incomplete' : graded.length === 0 ? 'completed' : graded.every((q) => own(state.quizzes, q.id)?.passed) ? 'passed' : 'failed',
    };
    if (scorePercent !== undefined) objective.scorePercent = scorePercent;
    const status = complete ? 'done' : statuses.some((s) => s !== 'todo') ? 'started' : 'todo';
    return { id: step.id, done, total: statuses.length, status, objective };
  });

  // Completion and the share done follow the course's completion rule (by default: every activity done).
  const progress: ProgressRecord = {
    completion: metCount === requiredCount ? 'completed' : 'incomplete',
    progress: requiredCount ? metCount / requiredCount : 1,
  };
  const score = quizzesScore(allQuizzes, state);
  if (score !== undefined) {
    progress.scorePercent = score;
    if (score >= (masteryScore ?? course.passingScore)) progress.success = 'passed';
    else if (allQuizzes.every((q) => quizSettled(q, own(state.quizzes, q.id)))) progress.success = 'failed';
  }
  progress.status = singleStatus(course, progress);
  return { activities, steps, progress };
}
