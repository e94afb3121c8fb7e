/**
 * What a SCORM 1.2 LMS would reject in this course, checked before packaging.
 * The loader already checks each id the author wrote; this guards the values the SCORM
 * target composes from them (interaction ids, objective ids, the bookmark, the manifest).
 */
import type { Course, SourceLocation } from '../../model/course.js';
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

/** Codes this target reports (permanent, like the catalogue's). */
export const scorm12Codes = {
  SCORM12_INVALID_IDENTIFIER: 'SCORM12_INVALID_IDENTIFIER',
  SCORM12_LOCATION_TOO_LONG: 'SCORM12_LOCATION_TOO_LONG',
  SCORM12_MASTERY_SCORE: 'SCORM12_MASTERY_SCORE',
  SCORM12_VERSION_TOO_LONG: 'SCORM12_VERSION_TOO_LONG',
  SCORM12_TITLE_TOO_LONG: 'SCORM12_TITLE_TOO_LONG',
  SCORM12_MASTERY_OVERRIDES_STATUS: 'SCORM12_MASTERY_OVERRIDES_STATUS',
} as const;

export function checkScorm12(
  course: Course,
  diagnostics: DiagnosticBag,
  options?: Pick<BuildOptions, 'masteryScore' | 'reportStatusAs'>,
): void {
  const identifier = (value: string, what: string, loc: SourceLocation): void => {
    if (CMI_IDENTIFIER.test(value)) return;
    diagnostics.add({
      code: scorm12Codes.SCORM12_INVALID_IDENTIFIER,
      severity: 'error',
      message: `The SCORM 1.2 ${what} \`${value}\` is not a valid identifier: ${identifierProblem(value)}`,
      hint: 'LMSs such as Moodle accept only printable ASCII without spaces, at most 255 characters. Shorten or rename the ids it is made of (letters, digits, `-`, `_`).',
      loc,
    });
  };

  identifier(course.id, 'course identifier', course.loc);
  for (const step of course.steps) {
    identifier(step.id, 'objective id (the step id)', step.loc);
    for (const activity of step.activities) {
      const location = `${step.id}/${activity.id}`;
      if (location.length > MAX_LOCATION_LENGTH) {
        diagnostics.add({
          code: scorm12Codes.SCORM12_LOCATION_TOO_LONG,
          severity: 'error',
          message: `The bookmark \`${location}\` is ${location.length} characters; SCORM 1.2 keeps at most ${MAX_LOCATION_LENGTH}`,
          hint: 'Shorten the step id or the activity id.',
          loc: activity.loc,
        });
      }
      if (activity.kind !== 'quiz') continue;
      for (const question of activity.questions) {
        identifier(`${activity.id}.${question.id}`, 'interaction id (quiz id.question id)', question.loc);
      }
    }
  }

  if ((options?.masteryScore ?? true) && !(Number.isInteger(course.passingScore) && course.passingScore >= 0 && course.passingScore <= 100)) {
    diagnostics.add({
      code: scorm12Codes.SCORM12_MASTERY_SCORE,
      severity: 'error',
      message: `passingScore ${course.passingScore} cannot be written as the SCORM 1.2 mastery score, a whole number from 0 to 100`,
      hint: 'Use a whole number for `passingScore`, or build with `--no-mastery-score` to leave the mastery score out of the manifest.',
      loc: course.loc,
    });
  }

  // SCORM 1.2 RTE, cmi.core.lesson_status: with a mastery score, the LMS may turn the status
  // into passed/failed from score.raw (Moodle does by default): only passed/failed agrees.
  const statusAs = options?.reportStatusAs ?? course.reportStatusAs;
  const graded = course.steps.some((s) => s.activities.some((a) => a.kind === 'quiz'));
  if ((options?.masteryScore ?? true) && graded && statusAs && statusAs !== 'passed/failed') {
    diagnostics.add({
      code: scorm12Codes.SCORM12_MASTERY_OVERRIDES_STATUS,
      severity: 'warning',
      message: `The course reports ${statusAs}, but the manifest's mastery score lets the LMS set passed/failed from the score instead`,
      hint: 'Build with `--no-mastery-score` (or `--lms moodle`, which leaves it out for this status pair), or report `passed/failed`.',
      loc: course.loc,
    });
  }

  if (course.version.length > MAX_VERSION_LENGTH) {
    diagnostics.add({
      code: scorm12Codes.SCORM12_VERSION_TOO_LONG,
      severity: 'error',
      message: `version \`${course.version}\` is ${course.version.length} characters; the SCORM 1.2 manifest allows ${MAX_VERSION_LENGTH}`,
      hint: 'Use a short version such as `1.2.0`.',
      loc: course.loc,
    });
  }

  const titleLength = [...course.title].length;
  if (titleLength > MAX_TITLE_LENGTH) {
    diagnostics.add({
      code: scorm12Codes.SCORM12_TITLE_TOO_LONG,
      severity: 'warning',
      message: `The title is ${titleLength} characters; the SCORM 1.2 manifest allows ${MAX_TITLE_LENGTH}, so the LMS will show it cut`,
      hint: `Shorten the title to ${MAX_TITLE_LENGTH} characters or fewer; the course page still shows it whole.`,
      loc: course.loc,
    });
  }
}

function identifierProblem(value: string): string {
  if (value.length === 0) return 'it is empty';
  if (value.length > 255) return `it has ${value.length} characters (at most 255)`;
  if (/\s/.test(value)) return 'it contains a space';
  return 'it contains characters outside printable ASCII (accents, symbols)';
}
