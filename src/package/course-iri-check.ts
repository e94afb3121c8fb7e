/**
 * xAPI and cmi5 name the course and everything in it after its IRI (src/shared/iri.ts). A
 * course without `iri` gets a placeholder from its id: enough to try a package, not to publish
 * one, since an LRS mixes the statements of every course sharing that id.
 */
import { createDiagnostic } from '../diagnostics/catalogue.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Course } from '../model/course.js';
import { courseIri } from '../shared/iri.js';

export function checkCourseIri(course: Course, diagnostics: DiagnosticBag): void {
  if (course.iri !== undefined) return;
  diagnostics.add(createDiagnostic('COURSE_IRI_MISSING', course.loc, { iri: courseIri(course), id: course.id }));
}
