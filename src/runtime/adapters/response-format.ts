/**
 * The response formats xAPI took from SCORM 2004 (RTE 4.2.9, xAPI Data §2.4.4.1): items
 * separated by `[,]`, matching pairs joined by `[.]`, numeric ranges `min[:]max`, true-false as
 * `true`/`false`. Shared by the xAPI statements and the SCORM 2004 adapter. Pure functions.
 */
import type { InteractionRecord } from './lms-adapter.js';

/** True-false questions arrive as choice ids; anything not recognisably true/false stays a choice. */
export function trueFalseValue(id: string): 'true' | 'false' | null {
  const value = id.toLowerCase();
  if (value === 'true' || value === 't' || value === '1') return 'true';
  if (value === 'false' || value === 'f' || value === '0') return 'false';
  return null;
}

export function isTrueFalse(record: InteractionRecord): boolean {
  return (
    record.interactionType === 'true-false' &&
    [...record.response, ...record.correct].every((id) => trueFalseValue(id) !== null)
  );
}

/** Matching pairs arrive as `source.target`; the formats separate them with `[.]`. */
export function formatItems(record: InteractionRecord, items: string[]): string {
  switch (record.interactionType) {
    case 'true-false':
      return items.map((id) => trueFalseValue(id) ?? id).join('[,]');
    case 'matching':
      return items.map((pair) => pair.replace('.', '[.]')).join('[,]');
    case 'numeric':
      return items.join('[:]');
    default:
      return items.join('[,]');
  }
}
