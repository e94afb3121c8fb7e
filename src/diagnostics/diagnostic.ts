import type { SourceLocation } from '../model/course.js';

export type Severity = 'error' | 'warning';

/**
 * One problem found in a course, as data: a permanent code (see catalogue.ts),
 * what is wrong, how to fix it, and where. Stages collect these instead of throwing,
 * so an author sees every problem of a run at once.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
  loc?: SourceLocation;
}

/** Collects diagnostics across stages. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'warning');
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** Sorted by file, line, column, so output is stable. */
  sorted(): Diagnostic[] {
    return [...this.items].sort((a, b) => {
      const fa = a.loc?.file ?? '';
      const fb = b.loc?.file ?? '';
      if (fa !== fb) return fa < fb ? -1 : 1;
      return (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || (a.loc?.column ?? 0) - (b.loc?.column ?? 0);
    });
  }
}

/** Thrown at the edge of a stage when the diagnostics it collected stop the run. */
export class CourseError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.filter((d) => d.severity === 'error').length} error(s) in the course`);
    this.name = 'CourseError';
  }
}
