/**
 * Statement builders for a course, shared by the TinCan and cmi5 adapters. Each returns a
 * draft (no actor or registration, usually no id or timestamp: the session adds those), so one builder
 * serves any launch.
 *
 *   const scope: StatementScope = { root, courseName, language }
 *   courseInitialized(scope) / courseCompleted(scope, ms) / courseTerminated(scope, ms)
 *   courseResult(scope, 'passed' | 'failed', scorePercent, ms)
 *   stepCompleted(scope, step) / stepResult(scope, step, 'passed' | 'failed', scorePercent)
 *   questionAnswered(scope, record, quiz, step)
 *
 * Context: the course is the parent of a step; a question's parent is its quiz, grouped
 * under the step and the course, so an LRS can roll answers up either way.
 *
 * Ids: steps, activities and questions are named under the course's own IRI (`root`), never
 * under an id an LMS assigned at import (a cmi5 AU id changes at every import, so reports could
 * not join two imports of the same course); the course activity itself may be what the LMS
 * launched (`course`: TinCan's activity_id), which the LMS files the course's records under.
 */
import type { Activity, Context, Statement, Verb } from '@xapi/xapi';
import type { InteractionRecord } from '../adapters/lms-adapter.js';
import { activityIri, questionIri, stepIri } from '../../shared/iri.js';
import { toIsoDuration } from '../../shared/time.js';
import { clamp01, interactionDefinition, interactionResult, langMap, round } from './interaction.js';
import { ACTIVITY_TYPES, VERBS } from './vocabulary.js';

export interface StatementScope {
  /** The course's own IRI (course.yaml `iri`, src/shared/iri.ts): steps, activities, questions under it. */
  root: string;
  /** The course activity's id when it is not `root`: the activity a TinCan LMS launched. */
  course?: string;
  courseName: string;
  /** Course language (RFC 5646), used for names and context.language. */
  language: string;
  /** Launch `activity_platform`, if any. */
  platform?: string;
  /** Extra grouping activities from the launch (TinCan `grouping`). */
  grouping?: Activity[];
}

/** A statement before the session stamps it (actor, registration; id and timestamp if absent). */
export type StatementDraft = Omit<Statement, 'actor'>;

export interface NamedRef {
  id: string;
  title: string;
}

export function courseActivity(scope: StatementScope): Activity {
  return {
    objectType: 'Activity',
    id: scope.course ?? scope.root,
    definition: { type: ACTIVITY_TYPES.course, name: langMap(scope.language, scope.courseName) },
  };
}

export function stepActivity(scope: StatementScope, step: NamedRef): Activity {
  return {
    objectType: 'Activity',
    id: stepIri(scope.root, step.id),
    definition: { type: ACTIVITY_TYPES.module, name: langMap(scope.language, step.title) },
  };
}

export function quizActivity(scope: StatementScope, quiz: NamedRef): Activity {
  return {
    objectType: 'Activity',
    id: activityIri(scope.root, quiz.id),
    definition: { type: ACTIVITY_TYPES.assessment, name: langMap(scope.language, quiz.title) },
  };
}

export function buildContext(
  scope: StatementScope,
  activities: { parent?: Activity[]; grouping?: Activity[]; category?: Activity[] } = {},
  extensions?: Record<string, unknown>,
): Context {
  const context: Context = { language: scope.language as Context['language'] };
  if (scope.platform) context.platform = scope.platform;
  const grouping = [...(activities.grouping ?? []), ...(scope.grouping ?? [])];
  const contextActivities: NonNullable<Context['contextActivities']> = {};
  if (activities.parent?.length) contextActivities.parent = activities.parent;
  if (grouping.length) contextActivities.grouping = grouping;
  if (activities.category?.length) contextActivities.category = activities.category;
  if (Object.keys(contextActivities).length) context.contextActivities = contextActivities;
  if (extensions) context.extensions = extensions;
  return context;
}

function draft(verb: Verb, object: Activity, context: Context, result?: Statement['result']): StatementDraft {
  const statement: StatementDraft = { verb, object, context };
  if (result) statement.result = result;
  return statement;
}

export function courseInitialized(scope: StatementScope): StatementDraft {
  return draft(VERBS.initialized, courseActivity(scope), buildContext(scope));
}

export function courseCompleted(scope: StatementScope, durationMs: number): StatementDraft {
  return draft(VERBS.completed, courseActivity(scope), buildContext(scope), {
    completion: true,
    duration: toIsoDuration(durationMs),
  });
}

/** Score as xAPI wants it: scaled 0–1 and raw on 0–100. */
export function percentScore(scorePercent: number): { scaled: number; raw: number; min: number; max: number } {
  const scaled = round(clamp01(scorePercent / 100), 4);
  return { scaled, raw: round(scaled * 100, 2), min: 0, max: 100 };
}

export function courseResult(
  scope: StatementScope,
  success: 'passed' | 'failed',
  scorePercent: number,
  durationMs: number,
): StatementDraft {
  return draft(VERBS[success], courseActivity(scope), buildContext(scope), {
    score: percentScore(scorePercent),
    success: success === 'passed',
    duration: toIsoDuration(durationMs),
  });
}

export function courseTerminated(scope: StatementScope, durationMs: number): StatementDraft {
  return draft(VERBS.terminated, courseActivity(scope), buildContext(scope), { duration: toIsoDuration(durationMs) });
}

export function stepCompleted(scope: StatementScope, step: NamedRef): StatementDraft {
  return draft(VERBS.completed, stepActivity(scope, step), buildContext(scope, { parent: [courseActivity(scope)] }), {
    completion: true,
  });
}

export function stepResult(
  scope: StatementScope,
  step: NamedRef,
  success: 'passed' | 'failed',
  scorePercent: number | undefined,
): StatementDraft {
  const result: NonNullable<Statement['result']> = { success: success === 'passed' };
  if (scorePercent !== undefined) result.score = percentScore(scorePercent);
  return draft(VERBS[success], stepActivity(scope, step), buildContext(scope, { parent: [courseActivity(scope)] }), result);
}

export function questionAnswered(
  scope: StatementScope,
  record: InteractionRecord,
  quiz: NamedRef,
  step: NamedRef | undefined,
  questionName: string,
): StatementDraft {
  const object: Activity = {
    objectType: 'Activity',
    id: questionIri(scope.root, record.quizId, record.questionId),
    definition: interactionDefinition(record, questionName, scope.language),
  };
  const grouping = [...(step ? [stepActivity(scope, step)] : []), courseActivity(scope)];
  const statement = draft(
    VERBS.answered,
    object,
    buildContext(scope, { parent: [quizActivity(scope, quiz)], grouping }),
    interactionResult(record),
  );
  statement.timestamp = record.timestamp.toISOString();
  return statement;
}
