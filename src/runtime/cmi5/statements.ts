/**
 * The cmi5 defined statements the AU sends (§9), as drafts for XapiSession, and the context
 * template merge every statement goes through.
 *
 *   auInitialized(au) / auCompleted(au, ms) / auJudged(au, 'passed' | 'failed', scorePercent, ms, extra)
 *   auTerminated(au, ms, progress?)
 *   applyContextTemplate(statement, template) → the statement with the LMS's context merged in
 *
 * Object: the AU, with the activityId the LMS launched (§9.4): the one place the id the LMS
 * assigned at import appears (everything else is named under the course's own IRI). Category
 * cmi5 on all of them, moveon on those whose result has completion or success (§9.6.2). Score only on passed/failed,
 * raw an integer between min and max (§9.5.1). Duration on all but initialized (§9.5.4).
 */
import type { Activity, Context, Result, Statement } from '@xapi/xapi';
import { toIsoDuration } from '../../shared/time.js';
import { clamp01, langMap, round } from '../xapi/interaction.js';
import { buildContext, type StatementDraft, type StatementScope } from '../xapi/statements.js';
import { VERBS } from '../xapi/vocabulary.js';
import { CMI5_CATEGORY, CMI5_EXTENSIONS, MOVEON_CATEGORY } from './vocabulary.js';

export interface AuScope extends StatementScope {
  /** The AU the LMS launched: its activityId (assigned at import, §8.1), name and activity type. */
  au: { id: string; name: string; type: string };
}

const category = (id: string): Activity => ({ objectType: 'Activity', id });

function auActivity(au: AuScope): Activity {
  return { objectType: 'Activity', id: au.au.id, definition: { type: au.au.type, name: langMap(au.language, au.au.name) } };
}

function defined(
  au: AuScope,
  verb: keyof typeof VERBS,
  moveOn: boolean,
  result?: Result,
  extensions?: Record<string, unknown>,
): StatementDraft {
  const categories = moveOn ? [category(CMI5_CATEGORY), category(MOVEON_CATEGORY)] : [category(CMI5_CATEGORY)];
  const draft: StatementDraft = { verb: VERBS[verb], object: auActivity(au), context: buildContext(au, { category: categories }, extensions) };
  if (result) draft.result = result;
  return draft;
}

/** Percent 0–1 → the progress extension: an integer 0–100 (§9.5.5.1). */
export function progressExtension(progress: number | undefined): Record<string, number> | undefined {
  if (progress === undefined || !Number.isFinite(progress)) return undefined;
  return { [CMI5_EXTENSIONS.progress]: Math.round(clamp01(progress) * 100) };
}

export function auInitialized(au: AuScope): StatementDraft {
  return defined(au, 'initialized', false);
}

export function auCompleted(au: AuScope, durationMs: number): StatementDraft {
  return defined(au, 'completed', true, { completion: true, duration: toIsoDuration(durationMs) });
}

/** A score on 0–100 as cmi5 wants it: scaled 0–1, raw an integer within min/max. */
export function cmi5Score(scorePercent: number): { scaled: number; raw: number; min: number; max: number } {
  const scaled = round(clamp01(scorePercent / 100), 4);
  return { scaled, raw: Math.round(scaled * 100), min: 0, max: 100 };
}

export interface JudgedExtras {
  /** The LMS's masteryScore (LMS.LaunchData), when it gave one (§9.6.3.2). */
  masteryScore?: number;
  /** 0–1 share of the AU done; left out once completed was reported (§9.5.5.1). */
  progress?: number;
}

export function auJudged(
  au: AuScope,
  verb: 'passed' | 'failed',
  scorePercent: number,
  durationMs: number,
  extras: JudgedExtras = {},
): StatementDraft {
  const result: Result = { score: cmi5Score(scorePercent), success: verb === 'passed', duration: toIsoDuration(durationMs) };
  const progress = progressExtension(extras.progress);
  if (progress) result.extensions = progress;
  const extensions = extras.masteryScore === undefined ? undefined : { [CMI5_EXTENSIONS.masteryScore]: round(extras.masteryScore, 4) };
  return defined(au, verb, true, result, extensions);
}

export function auTerminated(au: AuScope, durationMs: number, progress?: number): StatementDraft {
  const result: Result = { duration: toIsoDuration(durationMs) };
  const extensions = progressExtension(progress);
  if (extensions) result.extensions = extensions;
  return defined(au, 'terminated', false, result);
}

type ActivityLists = NonNullable<Context['contextActivities']>;
const LIST_KEYS = ['parent', 'grouping', 'category', 'other'] as const;

/**
 * The AU must use the context template for every statement and may add to it, never
 * overwrite it (§10): template values win, activity lists are joined (template first, no id
 * twice), extensions merged.
 */
export function applyContextTemplate(statement: Statement, template: Context): Statement {
  const own: Context = statement.context ?? {};
  const merged: Context = { ...own, ...template };
  const lists: ActivityLists = {};
  for (const key of LIST_KEYS) {
    const fromTemplate = asList(template.contextActivities?.[key]);
    const ids = new Set(fromTemplate.map((a) => a.id));
    const joined = [...fromTemplate, ...asList(own.contextActivities?.[key]).filter((a) => !ids.has(a.id))];
    if (joined.length) lists[key] = joined;
  }
  if (Object.keys(lists).length) merged.contextActivities = lists;
  else delete merged.contextActivities;
  if (own.extensions || template.extensions) merged.extensions = { ...own.extensions, ...template.extensions };
  return { ...statement, context: merged };
}

/** xAPI allows a single activity where a list is expected (an LMS's template may use it). */
function asList(value: Activity | Activity[] | undefined): Activity[] {
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}
