/**
 * The resume document of the TinCan and cmi5 adapters: one State API document
 * (`parcours-state`, JSON) holding the core's LearnerState string (as SCORM's suspend_data),
 * the location, and which outcomes this registration already reported, so a relaunch does not
 * report them again.
 *
 *   const doc = await loadResumeDocument(session.state, 'LRS')   read with retries; blank if unreadable
 *   session.state.set(JSON.stringify(doc))
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
  /** Step id → last step outcome sent (`completed`, `passed:80`, ...). */
  steps?: Record<string, string>;
}

export function emptyResumeDocument(): ResumeDocument {
  return { state: null, location: '', reported: {} };
}

/** Whatever the LRS holds: a missing, foreign or corrupt document reads as an empty one. */
export function parseResumeDocument(text: string | null): ResumeDocument {
  if (!text) return emptyResumeDocument();
  try {
    const value = JSON.parse(text) as Partial<ResumeDocument>;
    return {
      state: typeof value.state === 'string' ? value.state : null,
      location: typeof value.location === 'string' ? value.location : '',
      reported: value.reported && typeof value.reported === 'object' ? value.reported : {},
    };
  } catch {
    return emptyResumeDocument();
  }
}

/**
 * A few tries before giving up: starting blank would later overwrite the learner's saved
 * progress. `peer` names who holds the state in the warning (TinCan: the LRS; cmi5: the LMS).
 */
export async function loadResumeDocument(store: Pick<StateDocument, 'load'>, peer: 'LRS' | 'LMS'): Promise<ResumeDocument> {
  for (let attempt = 0; ; attempt++) {
    try {
      return parseResumeDocument(await store.load());
    } catch (error) {
      if (attempt >= 2) {
        console.warn(`[parcours] could not read the saved state from the ${peer}; starting from the beginning`, error);
        return emptyResumeDocument();
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
    }
  }
}
