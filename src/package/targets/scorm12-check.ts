/**
 * What a SCORM 1.2 LMS would reject in this course, checked before packaging.
 * The loader already checks each id the author wrote; this guards the values the SCORM
 * target composes from them (interaction ids, objective ids, the bookmark, the manifest).
 */
import type { Course, SourceLocation } from '../../model/course.js';
import { createDiagnostic, type DiagnosticCode, type DiagnosticParams } from '../../diagnostics/catalogue.js';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { BuildOptions } from '../target.js';

/**
 * CMIIdentifier as Moodle checks it (mod/scorm/datamodels/scorm_12.js):
 * printable ASCII, no spaces, at most 255 characters.
 */
export const CMI_IDENTIFIER = /^[\u0021-\u007E]{1,255}$/;
/** imscp titleType: xsd:string, maxLength 200. */
export const MAX_TITLE_LENGTH = 200;
/** imscp attr.version: maxLength 20. */
export const MAX_VERSION_LENGTH = 20;
/** `cmi.core.lesson_location` is CMIString255. */
export const MAX_LOCATION_LENGTH = 255;

/** Checks the SCORM 1.2 rules; codes and texts are in src/diagnostics/catalogue.ts. */
export function checkScorm12(
  course: Course,
  diagnostics: DiagnosticBag,
  options?: Pick<BuildOptions, 'masteryScore' | 'reportStatusAs' | 'reportStatusAsFrom' | 'lms'>,
): void {
  const report = (code: DiagnosticCode, loc: SourceLocation | undefined, params: DiagnosticParams): void =>
    diagnostics.add(createDiagnostic(code, loc, params));
  const at = (field: string): SourceLocation => course.fieldLocs?.[field] ?? course.loc;
  const identifier = (value: string, what: string, loc: SourceLocation): void => {
    if (!CMI_IDENTIFIER.test(value)) report('SCORM12_INVALID_IDENTIFIER', loc, { what, value, problem: identifierProblem(value) });
  };

  identifier(course.id, 'course identifier', at('id'));
  for (const step of course.steps) {
    identifier(step.id, 'objective id (the step id)', step.loc);
    for (const activity of step.activities) {
      const location = `${step.id}/${activity.id}`;
      if (location.length > MAX_LOCATION_LENGTH) {
        report('SCORM12_LOCATION_TOO_LONG', activity.loc, { location, length: location.length, max: MAX_LOCATION_LENGTH });
      }
      if (activity.kind !== 'quiz') continue;
      for (const question of activity.questions) {
        identifier(`${activity.id}.${question.id}`, 'interaction id (quiz id.question id)', question.loc);
      }
    }
  }

  if ((options?.masteryScore ?? true) && !(Number.isInteger(course.passingScore) && course.passingScore >= 0 && course.passingScore <= 100)) {
    report('SCORM12_MASTERY_SCORE', at('passingScore'), { value: course.passingScore });
  }

  // SCORM 1.2 RTE, cmi.core.lesson_status: with a mastery score, the LMS may turn the status
  // into passed/failed from score.raw (Moodle does by default): only passed/failed agrees.
  const statusAs = options?.reportStatusAs ?? course.reportStatusAs;
  const graded = course.steps.some((s) => s.activities.some((a) => a.kind === 'quiz'));
  if ((options?.masteryScore ?? true) && graded && statusAs && statusAs !== 'passed/failed') {
    // Point at what chose the pair: course.yaml's line, or, for a flag or a preset, no line of the course.
    const from = options?.reportStatusAsFrom ?? (course.fieldLocs?.reportStatusAs ? 'course' : 'default');
    const source = from === 'given' ? ' (from `--report-status-as`)' : from === 'preset' ? ` (the \`--lms ${options?.lms ?? ''}\` preset's choice)` : '';
    report('SCORM12_MASTERY_OVERRIDES_STATUS', from === 'course' ? at('reportStatusAs') : from === 'default' ? course.loc : undefined, { statusAs, source });
  }

  if (course.version.length > MAX_VERSION_LENGTH) {
    report('SCORM12_VERSION_TOO_LONG', at('version'), { version: course.version, length: course.version.length, max: MAX_VERSION_LENGTH });
  }

  const titleLength = [...course.title].length;
  if (titleLength > MAX_TITLE_LENGTH) report('SCORM12_TITLE_TOO_LONG', at('title'), { length: titleLength, max: MAX_TITLE_LENGTH });
}

function identifierProblem(value: string): string {
  if (value.length === 0) return 'it is empty';
  if (value.length > 255) return `it has ${value.length} characters (at most 255)`;
  if (/\s/.test(value)) return 'it contains a space';
  return 'it contains characters outside printable ASCII (accents, symbols)';
}
