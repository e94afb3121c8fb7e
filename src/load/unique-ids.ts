import type { SourceLocation } from '../model/course.js';
import type { LoadContext } from './context.js';

export interface IdUse {
  id: string;
  loc: SourceLocation;
  /** What carries the id, for the message ("step", "choice"...). */
  what: string;
}

/** Reports every id used a second time in one scope ("in this quiz"), pointing at the first use. */
export function reportDuplicateIds(uses: readonly IdUse[], scope: string, ctx: Pick<LoadContext, 'report'>): void {
  const first = new Map<string, IdUse>();
  for (const use of uses) {
    const earlier = first.get(use.id);
    if (!earlier) {
      first.set(use.id, use);
      continue;
    }
    ctx.report('DUPLICATE_ID', use.loc, {
      id: use.id,
      scope,
      other: earlier.what,
      otherLoc: formatLoc(earlier.loc, use.loc.file),
    });
  }
}

/** `line 12:5` in the same file, `steps/01.yaml:12:5` in another. */
function formatLoc(loc: SourceLocation, fromFile: string): string {
  return loc.file === fromFile ? `line ${loc.line}:${loc.column}` : `${loc.file}:${loc.line}:${loc.column}`;
}
