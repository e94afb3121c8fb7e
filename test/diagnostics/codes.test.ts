/**
 * Codes are permanent (docs/format.md): authors search for them, scripts and editors match
 * on them. Every code ever published is written out here, so removing or renaming one fails;
 * a new code is added to its list in the same change, and stays from then on.
 */
import { describe, expect, it } from 'vitest';
import { diagnosticCodes } from '../../src/diagnostics/catalogue.js';
import { verifyCatalogue } from '../../src/verify/findings.js';

/** `validate`, `build` and `preview` (src/diagnostics/catalogue.ts). */
const DIAGNOSTIC_CODES = [
  'COURSE_NOT_FOUND',
  'YAML_SYNTAX',
  'YAML_INDENTATION',
  'YAML_TOO_DEEP',
  'YAML_TOO_MANY_ALIASES',
  'UNKNOWN_FIELD',
  'MISSING_FIELD',
  'WRONG_TYPE',
  'INVALID_VALUE',
  'OUT_OF_RANGE',
  'EMPTY_TEXT',
  'TOO_FEW_ITEMS',
  'UNKNOWN_KIND',
  'UNKNOWN_TYPE',
  'INVALID_ID',
  'INVALID_IRI',
  'DUPLICATE_ID',
  'DUPLICATE_STEP_FILE',
  'CONFLICTING_FIELDS',
  'NO_CORRECT_CHOICE',
  'SEVERAL_CORRECT_CHOICES',
  'TOO_MANY_OPTIONS',
  'NO_BLANK',
  'EMPTY_BLANK',
  'BLANK_OUTSIDE_TEXT',
  'RESPONSE_TOO_LONG',
  'INVALID_RANGE',
  'DRAW_TOO_LARGE',
  'UNKNOWN_QUIZ',
  'FILE_NOT_FOUND',
  'PATH_OUTSIDE_COURSE',
  'NOT_A_FILE',
  'UNSUPPORTED_MEDIA_TYPE',
  'ACTIVE_CONTENT',
  'FILE_TOO_LARGE',
  'FILE_UNREADABLE',
  'MARKDOWN_TOO_DEEP',
  'INSECURE_URL',
  'INVALID_URL',
  'VIDEO_WITHOUT_CAPTIONS',
  'EXTERNAL_VIDEO_CAPTIONS',
  'QUESTION_WITHOUT_EXPLANATION',
  'COURSE_IRI_MISSING',
  'STATE_TOO_LARGE',
  'SCORM12_INVALID_IDENTIFIER',
  'SCORM12_LOCATION_TOO_LONG',
  'SCORM12_MASTERY_SCORE',
  'SCORM12_MASTERY_OVERRIDES_STATUS',
  'SCORM12_VERSION_TOO_LONG',
  'SCORM12_TITLE_TOO_LONG',
] as const;

/** `parcours verify` (src/verify/findings.ts). */
const VERIFY_CODES = [
  'PACKAGE_UNREADABLE',
  'ZIP_ENTRY_BACKSLASH',
  'ZIP_ENTRY_UNSAFE_PATH',
  'ZIP_ENTRY_DUPLICATE',
  'ZIP_ENTRY_CASE_CLASH',
  'ZIP_ENTRY_NAME_ENCODING',
  'ZIP_ENTRY_ENCRYPTED',
  'ZIP_ENTRY_METHOD',
  'ZIP_ENTRY_CORRUPT',
  'ZIP_BOMB',
  'PACKAGE_LARGE',
  'FILE_TYPE_BLOCKED',
  'FILE_JUNK',
  'FOLDER_LINK',
  'STANDARD_UNKNOWN',
  'MANIFEST_NOT_AT_ROOT',
  'STANDARDS_SEVERAL',
  'MANIFEST_TOO_LARGE',
  'MANIFEST_MALFORMED',
  'MANIFEST_SCHEMA_INVALID',
  'MANIFEST_SCHEMA_PARTIAL',
  'MANIFEST_SCHEMA_UNAVAILABLE',
  'SCORM_VERSION',
  'MOODLE_PREFIX',
  'ORGANIZATION_MISSING',
  'RESOURCE_MISSING',
  'LAUNCH_MISSING',
  'LAUNCH_NONE',
  'NO_SCO',
  'FILE_MISSING',
  'FILES_UNLISTED',
  'IDENTIFIER_INVALID',
  'TITLE_TOO_LONG',
  'MASTERY_SCORE',
  'MASTERY_SCORE_INVALID',
  'TINCAN_INVALID',
  'CMI5_INVALID',
  'STATE_BUDGET',
  'STATE_OVER_LIMIT',
  'STATE_UNRECORDED',
] as const;

describe.each([
  ['diagnostic', 'src/diagnostics/catalogue.ts', DIAGNOSTIC_CODES, diagnosticCodes],
  ['verify', 'src/verify/findings.ts', VERIFY_CODES, Object.keys(verifyCatalogue)],
] as const)('%s codes', (_, source, published, current) => {
  it.each([...published])(`%s is still in ${source}`, (code) => {
    expect(current as readonly string[]).toContain(code);
  });

  it(`lists every code of ${source} here (add a new code to this test: it is permanent from then on)`, () => {
    expect([...current].filter((code) => !(published as readonly string[]).includes(code))).toEqual([]);
  });
});
