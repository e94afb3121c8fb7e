/**
 * The resume document of the TinCan and cmi5 adapters: one State API document
 * (`parcours-state`, JSON) holding the core's LearnerState string (as SCORM's suspend_data),
 * the location, and which outcomes this registration already reported, so a relaunch does not
 * report them again.
 *
 *   const { doc, unreadable } = await loadResumeDocument(session.state, 'LRS')
 *   session.state.set(JSON.stringify(doc))
 *
 * The whole document is checked on read: a document of any other shape (a `reported.steps`
 * that is a string, a state that is a number…) is unusable as a whole, never half-used: the
 * adapter starts blank and hands its text to the core as the saved state, which tells the
 * learner it cannot be read and writes nothing over it until the learner acts (LaunchInfo).
 */
import type { StateDocument } from './state-store.js';

export interface ResumeDocument {
  /** The core's LearnerState string; null before its first save. */
  state: string | null;
  location: string;
  reported: ReportedOutcomes;
}

/** What was already sent; each adapter writes the fields its standard needs. */
export interface ReportedOutcomes {
  completed?: boolean;
  /** cmi5: `passed` was sent (once per registration). */
  passed?: boolean;
  /** cmi5: `failed` was sent (again only after new answers). */
  failed?: boolean;
  /** TinCan: `passed:85`, the last course outcome sent. */
  outcome?: string;
  /** Step id → last step outcome sent (`completed`, `passed:80`, ...); no prototype (ids are the author's). */
  steps?: Record<string, string>;
}

export interface LoadedResume {
  doc: ResumeDocument;
  /** The LMS's text when it is not a resume document (doc is then empty); else null. */
  unreadable: string | null;
  /** The document could not be read or used: doc is blank, and what it said was reported is unknown. */
  lost?: boolean;
}

export function emptyResumeDocument(): ResumeDocument {
  return { state: null, location: '', reported: {} };
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const field = (object: Json, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);

/** The document the text holds; empty for no text; null when it is not a resume document of this shape. */
export function parseResumeDocument(text: string | null): ResumeDocument | null {
  if (!text) return emptyResumeDocument();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  const state = field(value, 'state') ?? null;
  const location = field(value, 'location') ?? '';
  const reported = readReported(field(value, 'reported') ?? {});
  if ((state !== null && typeof state !== 'string') || typeof location !== 'string' || !reported) return null;
  return { state, location, reported };
}

function readReported(value: unknown): ReportedOutcomes | null {
  if (!isObject(value)) return null;
  const reported: ReportedOutcomes = {};
  for (const key of ['completed', 'passed', 'failed'] as const) {
    const flag = field(value, key);
    if (flag === undefined) continue;
    if (typeof flag !== 'boolean') return null;
    reported[key] = flag;
  }
  const outcome = field(value, 'outcome');
  if (outcome !== undefined) {
    if (typeof outcome !== 'string') return null;
    reported.outcome = outcome;
  }
  const steps = field(value, 'steps');
  if (steps !== undefined) {
    if (!isObject(steps)) return null;
    const read = stepOutcomes();
    for (const [id, sent] of Object.entries(steps)) {
      if (typeof sent !== 'string') return null;
      read[id] = sent;
    }
    reported.steps = read;
  }
  return reported;
}

/** A step id → outcome record with no prototype, so any id (`__proto__`, `constructor`) is a plain key. */
export function stepOutcomes(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

/**
 * A few tries before giving up: starting blank would later overwrite the learner's saved
 * progress. `peer` names who holds the state in the warning (TinCan: the LRS; cmi5: the LMS).
 */
export async function loadResumeDocument(store: Pick<StateDocument, 'load'>, peer: 'LRS' | 'LMS'): Promise<LoadedResume> {
  for (let attempt = 0; ; attempt++) {
    let text: string | null;
    try {
      text = await store.load();
    } catch (error) {
      if (attempt >= 2) {
        console.warn(`[parcours] could not read the saved state from the ${peer}; starting from the beginning`, error);
        return { doc: emptyResumeDocument(), unreadable: null, lost: true };
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
      continue;
    }
    const doc = parseResumeDocument(text);
    if (doc) return { doc, unreadable: null };
    console.warn(`[parcours] the saved state the ${peer} holds is not a resume document; kept as it is until the learner acts`);
    return { doc: emptyResumeDocument(), unreadable: text, lost: true };
  }
}
