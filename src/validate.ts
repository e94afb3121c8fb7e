/**
 * `parcours validate`: load and check a course without building anything.
 * `ok` means no error (warnings allowed).
 */
import type { Course } from './model/course.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { loadCourse } from './load/index.js';

export interface ValidateResult {
  ok: boolean;
  course?: Course;
  diagnostics: Diagnostic[];
}

export async function validate(dir: string): Promise<ValidateResult> {
  const { course, diagnostics } = await loadCourse(dir);
  const ok = course !== undefined && !diagnostics.some((d) => d.severity === 'error');
  return course ? { ok, course, diagnostics } : { ok, diagnostics };
}
