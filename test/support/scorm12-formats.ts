/**
 * SCORM 1.2 data formats as the strictest LMS checks them (Moodle's mod/scorm
 * datamodels/scorm_12.js; see shared/STANDARDS.md), and readers that regroup what a SCO
 * wrote into interactions and objectives.
 */

/** CMITimespan, Moodle's check: 2–4 hour digits, optional 1–2 decimals. */
export const CMI_TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
/** CMITime: a time of day. */
export const CMI_TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
/** CMIIdentifier, Moodle's check: printable ASCII without spaces. */
export const CMI_IDENTIFIER = /^[\u0021-\u007e]{1,255}$/;
/** CMIDecimal, Moodle's check. */
export const CMI_DECIMAL = /^-?\d{0,3}(\.\d*)?$/;
/** A `choice` response or pattern: single characters 0–9, a–z, comma-separated. */
export const CHOICE_RESPONSE = /^[0-9a-z](,[0-9a-z])*$/;
/** A `true-false` response or pattern. */
export const TRUE_FALSE_RESPONSE = /^[01tf]$/;
export const INTERACTION_TYPES = ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'];

export interface WrittenInteraction {
  index: number;
  fields: Record<string, string>;
}

/** Values a SCO set under `cmi.interactions.n.*` (the last value per field), by n. */
export function interactionsWritten(sets: { element: string; value: string }[]): WrittenInteraction[] {
  return groupByIndex(sets, /^cmi\.interactions\.(\d+)\.(.+)$/);
}

/** Values a SCO set under `cmi.objectives.n.*`, by n. */
export function objectivesWritten(sets: { element: string; value: string }[]): WrittenInteraction[] {
  return groupByIndex(sets, /^cmi\.objectives\.(\d+)\.(.+)$/);
}

/** Objectives as committed (flattened body), keyed by objective id. */
export function committedObjectives(body: Record<string, string>): Map<string, Record<string, string>> {
  const byIndex = groupByIndex(
    Object.entries(body).map(([element, value]) => ({ element, value: String(value) })),
    /^cmi\.objectives\.(\d+)\.(.+)$/,
  );
  return new Map(byIndex.map((o) => [o.fields.id ?? '', o.fields]));
}

/** How many interactions a commit body holds. */
export function committedInteractionCount(body: Record<string, string>): number {
  const indexes = Object.keys(body)
    .map((key) => /^cmi\.interactions\.(\d+)\.id$/.exec(key)?.[1])
    .filter((n): n is string => n !== undefined);
  return new Set(indexes).size;
}

function groupByIndex(sets: { element: string; value: string }[], pattern: RegExp): WrittenInteraction[] {
  const byIndex = new Map<number, Record<string, string>>();
  for (const { element, value } of sets) {
    const match = pattern.exec(element);
    if (!match) continue;
    const index = Number(match[1]);
    const fields = byIndex.get(index) ?? {};
    fields[match[2]!] = value;
    byIndex.set(index, fields);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([index, fields]) => ({ index, fields }));
}
