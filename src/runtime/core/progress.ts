/**
 * Progress and status decisions: which activities are done, each step's objective, the
 * course's completion and success. Pure code over RuntimeCourse + LearnerState, tested
 * without a DOM; the per-kind "done" rule comes from the activity modules.
 */
import type { RuntimeActivity, RuntimeCourse, RuntimeQuiz } from '../../shared/course-data.js';
import type { LearnerState, QuizProgress } from '../../shared/learner-state.js';
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
  activities: Record<string, ActivityStatus>;
  steps: StepEvaluation[];
  progress: ProgressRecord;
}

/** A quiz is settled once passed or out of attempts (0 attempts = unlimited, never out). */
export function quizSettled(quiz: RuntimeQuiz, progress: QuizProgress | undefined): boolean {
  return !!progress && (progress.passed || (quiz.attempts > 0 && progress.attempts >= quiz.attempts));
}

/** Weighted mean of the quizzes' best scores; a quiz never submitted counts 0. Undefined before any submission. */
export function quizzesScore(quizzes: readonly RuntimeQuiz[], state: LearnerState): number | undefined {
  if (!quizzes.some((q) => state.quizzes[q.id]?.best != null)) return undefined;
  let total = 0;
  let got = 0;
  for (const quiz of quizzes) {
    const weight = quiz.questions.reduce((sum, q) => sum + q.weight, 0) || 1;
    total += weight;
    got += weight * (state.quizzes[quiz.id]?.best ?? 0);
  }
  return Math.round(got / total);
}

export function evaluateCourse(course: RuntimeCourse, state: LearnerState, isDone: DoneRule, masteryScore?: number): CourseEvaluation {
  const activities: Record<string, ActivityStatus> = {};
  const allQuizzes: RuntimeQuiz[] = [];
  let doneCount = 0;
  let totalCount = 0;
  const steps = course.steps.map((step): StepEvaluation => {
    let done = 0;
    let started = false;
    for (const a of step.activities) {
      const status: ActivityStatus = isDone(a, state) ? 'done' : isStarted(a, state) ? 'started' : 'todo';
      activities[a.id] = status;
      if (status === 'done') done++;
      if (status !== 'todo') started = true;
    }
    doneCount += done;
    totalCount += step.activities.length;
    const quizzes = step.activities.filter((a): a is RuntimeQuiz => a.kind === 'quiz');
    allQuizzes.push(...quizzes);
    const complete = done === step.activities.length;
    const scorePercent = quizzesScore(quizzes, state);
    const objective: ObjectiveRecord = {
      id: step.id,
      status: !complete ? 'incomplete' : quizzes.length === 0 ? 'completed' : quizzes.every((q) => state.quizzes[q.id]?.passed) ? 'passed' : 'failed',
    };
    if (scorePercent !== undefined) objective.scorePercent = scorePercent;
    return { id: step.id, done, total: step.activities.length, status: complete ? 'done' : started ? 'started' : 'todo', objective };
  });

  const progress: ProgressRecord = {
    completion: doneCount === totalCount ? 'completed' : 'incomplete',
    progress: totalCount ? doneCount / totalCount : 1,
  };
  const score = quizzesScore(allQuizzes, state);
  if (score !== undefined) {
    progress.scorePercent = score;
    if (score >= (masteryScore ?? course.passingScore)) progress.success = 'passed';
    else if (allQuizzes.every((q) => quizSettled(q, state.quizzes[q.id]))) progress.success = 'failed';
  }
  return { activities, steps, progress };
}

/** Opened: the core records every activity page the learner shows (LearnerState.visited). */
function isStarted(a: RuntimeActivity, state: LearnerState): boolean {
  return state.visited.includes(a.id);
}
