/**
 * The registry of packaging targets. Adding a standard = one module under targets/ and
 * one line in `targets` below.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { Target } from './target.js';
import { cmi5 } from './targets/cmi5.js';
import { scorm12 } from './targets/scorm12.js';
import { scorm2004 } from './targets/scorm2004.js';
import { xapi } from './targets/xapi.js';

export const targets: readonly Target[] = [scorm12, scorm2004, xapi, cmi5];

/** The name that selects every target. */
export const ALL_TARGETS = 'all';

/** A target name nobody registered: a usage mistake, reported without a stack. */
export class UnknownTargetError extends Error {
  constructor(readonly targetName: string) {
    const known = targets.map((t) => t.name);
    const guess = closest(targetName, known);
    const close = guess !== undefined && distance(targetName.toLowerCase(), guess) <= Math.max(2, guess.length / 3);
    const suggestion = close ? ` Did you mean "${guess}"?` : '';
    super(`Unknown target "${targetName}".${suggestion} Known targets: ${[...known, ALL_TARGETS].join(', ')}.`);
    this.name = 'UnknownTargetError';
  }
}

/** Targets by name, in registry order, without duplicates; `all` selects every target. */
export function resolveTargets(names: readonly string[]): Target[] {
  const wanted = new Set<string>();
  for (const name of names) {
    if (name === ALL_TARGETS) {
      targets.forEach((t) => wanted.add(t.name));
    } else if (targets.some((t) => t.name === name)) {
      wanted.add(name);
    } else {
      throw new UnknownTargetError(name);
    }
  }
  return targets.filter((t) => wanted.has(t.name));
}
