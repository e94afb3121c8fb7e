import type { SourceLocation } from '../model/course.js';
import type { Diagnostic, Severity } from './diagnostic.js';

/**
 * Every problem Parcours can report about a course. Codes are permanent: authors search
 * for them and tools match on them, so an entry may be added or reworded, never renamed.
 * `message` and `hint` are templates: `{name}` is replaced by the parameter of that name.
 */
export interface CatalogueEntry {
  severity: Severity;
  /** A few words, for the documentation table. */
  title: string;
  /** What is wrong, with the author's values. */
  message: string;
  /** What to do about it. */
  hint: string;
  /** What to do, for the documentation table, when `hint` depends on parameters. */
  docHint?: string;
  /** Whether the published JSON Schema catches it too (so editors flag it while typing). */
  structural: boolean;
  /**
   * Set for the codes a packaging target's check raises (src/package: `build`, and
   * `validate` with the same `--target`), not the loader: the targets concerned, for the
   * documentation table. Absent: the loader raises it, for every target.
   */
  target?: string;
}

export const catalogue = {
  COURSE_NOT_FOUND: {
    severity: 'error',
    title: 'No course.yaml in the folder',
    message: 'No course found: {reason}',
    hint: 'Pass the course folder, the one that holds `course.yaml` (for example `parcours build course`).',
    structural: false,
  },
  YAML_SYNTAX: {
    severity: 'error',
    title: 'A line YAML cannot read as written',
    message: '{detail}',
    hint: '{help} The rest of this file is checked once it reads as YAML.',
    docHint:
      'The message says what YAML found at that line; most often a value needs quotes (it contains `: `, starts with `*`, `[`, `@` or a quote, holds an apostrophe inside single quotes, or double quotes inside double quotes: put such a text in single quotes, or write `\\"`), a quote or bracket is never closed, or a field is written twice. The rest of the file is checked once it reads as YAML.',
    structural: false,
  },
  YAML_INDENTATION: {
    severity: 'error',
    title: 'A line indented differently from the lines it belongs with',
    message: '{detail}',
    hint: '{help} The rest of this file is checked once it reads as YAML.',
    docHint:
      'Indent the line with spaces like the field or list item it belongs with: the fields of one mapping, and the items of one list, start at the same column; only a field with nothing after its colon (`activities:`) takes more-indented lines under it. The message names the lines to line it up with.',
    structural: false,
  },
  UNKNOWN_FIELD: {
    severity: 'error',
    title: 'A field the format does not define',
    message: 'Unknown field `{field}` in {where}{suggestion}',
    hint: 'Fix its spelling or remove it. Fields allowed here: {allowed}.',
    docHint: 'Fix its spelling or remove it; the hint lists the fields allowed there.',
    structural: true,
  },
  MISSING_FIELD: {
    severity: 'error',
    title: 'A required field is missing',
    message: 'Missing {field} in {where}',
    hint: 'Add {field}. {help}',
    docHint: 'Add the field; the hint says what it holds.',
    structural: true,
  },
  WRONG_TYPE: {
    severity: 'error',
    title: 'A value of the wrong type',
    message: '{field} must be {expected}, not {actual}',
    hint: '{help}',
    docHint: 'Write a value of the expected type; quote text that YAML would read as a number or true/false (`version: "1.0"`).',
    structural: true,
  },
  INVALID_VALUE: {
    severity: 'error',
    title: 'A value the field does not accept',
    message: '{field} cannot be {value}: {rule}{suggestion}',
    hint: '{help}',
    docHint: 'Use an accepted value: the message lists them, or the hint describes the expected form.',
    structural: true,
  },
  OUT_OF_RANGE: {
    severity: 'error',
    title: 'A number outside its allowed range',
    message: '{field} must be {range}, not {value}',
    hint: '{help}',
    docHint: 'Use a number within the range the message gives.',
    structural: true,
  },
  EMPTY_TEXT: {
    severity: 'error',
    title: 'Text that must not be empty is empty',
    message: '{field} is empty',
    hint: 'Write the text, or remove the field if it is optional.',
    structural: true,
  },
  TOO_FEW_ITEMS: {
    severity: 'error',
    title: 'A list with too few entries',
    message: '{field} needs at least {min}, found {count}',
    hint: '{help}',
    docHint: 'Add entries: a course needs a step, a step an activity, a quiz a question, a choice question two choices, a checklist an item.',
    structural: true,
  },
  UNKNOWN_KIND: {
    severity: 'error',
    title: 'An activity kind that does not exist',
    message: 'Unknown activity kind `{value}`{suggestion}',
    hint: 'Use one of: {allowed}.',
    docHint: 'Use one of the kinds the hint lists (`video`, `quiz`, `sheet`, `tool`).',
    structural: true,
  },
  UNKNOWN_TYPE: {
    severity: 'error',
    title: 'A question or field type that does not exist',
    message: 'Unknown {what} type `{value}`{suggestion}',
    hint: 'Use one of: {allowed}.',
    docHint: 'Use one of the types the hint lists (questions: `single-choice`, `multiple-choice`, `true-false`, `matching`, `ordering`, `fill-in`, `numeric`, `likert`; tool fields: `text`, `checklist`).',
    structural: true,
  },
  INVALID_ID: {
    severity: 'error',
    title: 'An id that breaks the id rules',
    message: 'Invalid id `{value}`: {rule}',
    hint: 'Ids start with a letter, then letters, digits, `-` or `_` (no spaces, no accents), at most 64 characters; for example `typologie-quiz`. LMSs store progress and answers under these ids.',
    structural: true,
  },
  INVALID_IRI: {
    severity: 'error',
    title: 'A course IRI that is not an absolute IRI',
    message: 'Invalid course `iri` `{value}`: {rule}',
    hint: 'Write an absolute IRI under a domain or namespace you control, for example `https://formation.example.org/courses/valorisez-cooperation` or `urn:example:courses:valorisez-cooperation`. xAPI and cmi5 name the course, its steps, activities and questions after it.',
    structural: true,
  },
  DUPLICATE_ID: {
    severity: 'error',
    title: 'Two things share one id',
    message: 'Id `{id}` is already used {scope} (by the {other} at {otherLoc})',
    hint: 'Rename one of them. Keep ids stable once the course is published: LMSs store learner progress under them.',
    structural: false,
  },
  DUPLICATE_STEP_FILE: {
    severity: 'error',
    title: 'A step file listed twice',
    message: 'Step file `{path}` is listed twice in `steps` (first at line {firstLine})',
    hint: 'Remove the second entry; each step appears once in the course.',
    structural: false,
  },
  CONFLICTING_FIELDS: {
    severity: 'error',
    title: 'Two fields that exclude each other',
    message: '{where} has both {fields}; it takes only one',
    hint: '{help}',
    docHint: 'Keep only one of the two (a video takes `src` or `url`).',
    structural: false,
  },
  NO_CORRECT_CHOICE: {
    severity: 'error',
    title: 'A question with no correct choice',
    message: 'Question `{id}` has no correct choice',
    hint: 'Mark the right answer with `correct: true`.',
    structural: false,
  },
  SEVERAL_CORRECT_CHOICES: {
    severity: 'error',
    title: 'A single-choice question with several correct choices',
    message: 'Single-choice question `{id}` has {count} correct choices; it needs exactly one',
    hint: 'Keep `correct: true` on one choice only, or make it `type: multiple-choice`.',
    structural: false,
  },
  TOO_MANY_OPTIONS: {
    severity: 'error',
    title: 'More options than an LMS can record',
    message: 'Question `{id}` has {count} {what}; an LMS records at most {max}',
    hint: 'SCORM 1.2 records each choice, item, pair or scale point as one character, 0–9 then a–z, so a question can have 36 at most. Split the question in two.',
    structural: false,
  },
  NO_BLANK: {
    severity: 'error',
    title: 'A fill-in question with no blank',
    message: 'Fill-in question `{id}` has no blank in its text',
    hint: 'Write each blank in the text as `[[answer]]`, or `[[answer|other accepted answer]]` when several answers are right.',
    structural: false,
  },
  EMPTY_BLANK: {
    severity: 'error',
    title: 'A fill-in blank with an empty answer',
    message: 'Blank {n} of fill-in question `{id}` has an empty accepted answer',
    hint: 'Write the answer between the brackets, `[[answer]]`; separate accepted answers with `|` and leave none empty (`[[a||b]]` has an empty one).',
    structural: false,
  },
  RESPONSE_TOO_LONG: {
    severity: 'error',
    title: 'A correct response longer than an LMS keeps',
    message: 'The correct response of question `{id}` takes {length} characters; SCORM 1.2 keeps {max}',
    hint: 'The LMS gets the first accepted answer of every blank, joined by commas. Shorten the first answers (put a longer variant after a `|`) or split the text into several questions.',
    structural: false,
  },
  INVALID_RANGE: {
    severity: 'error',
    title: 'A numeric range whose minimum exceeds its maximum',
    message: 'Numeric question `{id}` has `min` {min} greater than `max` {max}',
    hint: 'Swap the two values: `min` is the smallest right number, `max` the largest (both included).',
    structural: false,
  },
  DRAW_TOO_LARGE: {
    severity: 'error',
    title: 'A pool drawing more questions than it has',
    message: 'Quiz `{id}` draws {draw} questions but has {count}',
    hint: 'Lower `draw` to {count} or less, or add questions to the pool.',
    docHint: 'Lower `draw` to the number of questions or less, or add questions to the pool.',
    structural: false,
  },
  UNKNOWN_QUIZ: {
    severity: 'error',
    title: 'A quiz weight for a quiz that does not exist',
    message: '`scoring.weights` names `{id}`, which is not a quiz of this course{suggestion}',
    hint: 'Use the id of a quiz activity (quizzes of this course: {allowed}).',
    docHint: 'Use the id of a quiz activity of the course, as written in its step file.',
    structural: false,
  },
  FILE_NOT_FOUND: {
    severity: 'error',
    title: 'A referenced file does not exist',
    message: 'File `{path}` not found{suggestion}',
    hint: 'Paths are relative to the course folder (where `course.yaml` is), with `/` separators, and are case-sensitive.',
    structural: false,
  },
  PATH_OUTSIDE_COURSE: {
    severity: 'error',
    title: 'A path that leaves the course folder',
    message: 'Path `{path}` {reason}',
    hint: 'Copy the file itself (not a link to it) into the course folder and refer to it relative to `course.yaml` (for example `media/intro.mp4`): only files inside the folder go into the package or the preview.',
    structural: false,
  },
  NOT_A_FILE: {
    severity: 'error',
    title: 'A path that names a folder or a special file',
    message: 'Path `{path}` is {kind}, not a file',
    hint: 'Point to a regular file inside the course folder. Folders, named pipes, devices and sockets never go into a package.',
    structural: false,
  },
  UNSUPPORTED_MEDIA_TYPE: {
    severity: 'error',
    title: 'A file whose type is not accepted there',
    message: '{what} `{path}` must be {accepted}{why}',
    hint: 'Convert the file (for example with ffmpeg for videos, or a web page to PDF) or point to a file of an accepted type.',
    structural: false,
  },
  ACTIVE_CONTENT: {
    severity: 'error',
    title: 'A file whose content is a web page or XML',
    message: '{what} `{path}` holds HTML or XML markup, which a browser could run as a page',
    hint: 'Packages carry only files that cannot run script in the LMS page, whatever their name. Save the content as PDF or plain text, or publish the page on a web site and link to its https address.',
    structural: false,
  },
  FILE_TOO_LARGE: {
    severity: 'error',
    title: 'A YAML or Markdown file too large to read',
    message: 'File `{path}` is {size}; course texts are read up to {limit}',
    hint: 'Split the text into several files (for example one Markdown file per sheet), or move long content into a download such as a PDF.',
    docHint: 'Split the text into several files, or move long content into a download such as a PDF. Course texts are read up to 1 MB each.',
    structural: false,
  },
  FILE_UNREADABLE: {
    severity: 'error',
    title: 'A file that cannot be read',
    message: 'File `{path}` cannot be read: {reason}',
    hint: '{help}',
    docHint: 'The hint says what to do: usually give your user the right to read the file, or close programs and run the command again.',
    structural: false,
  },
  YAML_TOO_MANY_ALIASES: {
    severity: 'error',
    title: 'More YAML aliases than Parcours expands',
    message: 'Too many YAML aliases in this file: {detail}',
    hint: 'An alias (`*name`) repeats a value anchored earlier (`&name`). Write the repeated values out, or use fewer aliases: Parcours reads at most {max} per file, expanding into at most {copies} copies, so that a small file cannot grow into gigabytes when read.',
    docHint: 'Write the repeated values out, or use fewer aliases (`*name`): Parcours reads at most 100 per file, expanding into at most 1,000 copies, so that a small file cannot grow into gigabytes when read.',
    structural: false,
  },
  YAML_TOO_DEEP: {
    severity: 'error',
    title: 'YAML values nested too deeply',
    message: 'Values are nested more than {max} levels deep here',
    hint: 'A course file needs a few levels (a quiz, its questions, their choices). Look for brackets `[` or `{` that are never closed, or flatten the structure.',
    structural: false,
  },
  MARKDOWN_TOO_DEEP: {
    severity: 'error',
    title: 'Markdown nested too deeply',
    message: 'This Markdown text is nested too deeply: {detail}',
    hint: 'Flatten the quotes (`>`), lists and emphasis written inside each other: Parcours reads at most {max} levels. Indentation counts too (two columns a level): put indented code in a fenced block (```).',
    docHint: 'Flatten the quotes (`>`), lists and emphasis written inside each other: Parcours reads at most 50 levels. Indentation counts too (two columns a level): put indented code in a fenced block (```).',
    structural: false,
  },
  BLANK_OUTSIDE_TEXT: {
    severity: 'error',
    title: 'A fill-in blank inside a link, an image or an HTML tag',
    message: 'Blank {n} of question `{id}` is inside {where}, where no input can go',
    hint: 'Write the blank `[[…]]` in the sentence itself: not in a link (its text, address or title), an image or an HTML tag.',
    structural: false,
  },
  INSECURE_URL: {
    severity: 'error',
    title: 'An external URL that is not https',
    message: 'URL `{url}` must use https',
    hint: 'LMSs serve courses over https and browsers block http media inside them; use the https address.',
    structural: false,
  },
  INVALID_URL: {
    severity: 'error',
    title: 'A video URL Parcours cannot play',
    message: 'Video URL `{url}` {reason}',
    hint: 'Use a YouTube link (watch?v=, youtu.be/ or embed/), a Vimeo link, or an https link to an .mp4 or .webm file.',
    structural: false,
  },
  VIDEO_WITHOUT_CAPTIONS: {
    severity: 'warning',
    title: 'A video with no captions',
    message: 'Video `{id}` has no captions',
    hint: 'Add a WebVTT file under `captions:` so deaf and hard-of-hearing learners can follow (accessibility rules such as RGAA and WCAG 1.2.2 require it). For a YouTube or Vimeo video, upload the captions there and write a `transcript:`.',
    structural: false,
  },
  EXTERNAL_VIDEO_CAPTIONS: {
    severity: 'warning',
    title: 'Captions a YouTube or Vimeo player cannot show',
    message: 'Video `{id}` plays on {service}, whose player cannot take the captions file `{file}`: learners get them as a transcript under the video',
    hint: 'Upload the captions to the video on {service} too (its player then shows them), or use a video file (`src:`) that plays them as a track. Write a `transcript:` to show your own text instead.',
    docHint: 'Upload the captions to the video on YouTube or Vimeo too (its player then shows them), or use a video file (`src:`) that plays them as a track. Write a `transcript:` to show your own text instead.',
    structural: false,
  },
  QUESTION_WITHOUT_EXPLANATION: {
    severity: 'warning',
    title: 'A graded question with no explanation',
    message: 'Question `{id}` has no explanation',
    hint: 'Add `explanation:` so learners understand the answer whatever they chose.',
    structural: false,
  },

  // Raised by the packaging targets' checks (src/package), after loading.
  COURSE_IRI_MISSING: {
    severity: 'warning',
    title: 'An xAPI or cmi5 package without a course IRI',
    message: 'course.yaml gives no `iri`: xAPI and cmi5 statements will name the course `{iri}`, a placeholder',
    hint: 'Add `iri:` to course.yaml, an IRI under a domain or namespace you control (for example `https://formation.example.org/courses/{id}`). An LRS keeps the statements of every course it serves: two courses with the same id, from anyone, would share this placeholder and mix their statements. The placeholder is for trying things out.',
    docHint:
      'Add `iri:` to course.yaml, an IRI under a domain or namespace you control (see [Course IRI](#course-iri-xapi-and-cmi5)). The placeholder made from the course id is for trying things out.',
    structural: false,
    target: '`xapi`, `cmi5`',
  },
  STATE_TOO_LARGE: {
    severity: 'error',
    title: 'Learner state that may not fit in what the LMS keeps',
    message: 'Worst-case learner state is {characters} characters; the {target} target keeps {limit}',
    hint: '{help}',
    docHint:
      'Lower `maxLength` on tool text fields (the hint names the largest and how much to remove), or shorten ids or split the course. SCORM 1.2 keeps 4,096 characters of learner state for the whole course.',
    structural: false,
    target: 'every target',
  },
  SCORM12_INVALID_IDENTIFIER: {
    severity: 'error',
    title: 'An identifier a SCORM 1.2 LMS would reject',
    message: 'The SCORM 1.2 {what} `{value}` is not a valid identifier: {problem}',
    hint: 'LMSs such as Moodle accept only printable ASCII without spaces, at most 255 characters. Shorten or rename the ids it is made of (letters, digits, `-`, `_`).',
    structural: false,
    target: '`scorm12`',
  },
  SCORM12_LOCATION_TOO_LONG: {
    severity: 'error',
    title: 'A bookmark longer than SCORM 1.2 keeps',
    message: 'The bookmark `{location}` is {length} characters; SCORM 1.2 keeps at most {max}',
    hint: 'Shorten the step id or the activity id.',
    structural: false,
    target: '`scorm12`',
  },
  SCORM12_MASTERY_SCORE: {
    severity: 'error',
    title: 'A passing score the SCORM 1.2 manifest cannot carry',
    message: 'passingScore {value} cannot be written as the SCORM 1.2 mastery score, a whole number from 0 to 100',
    hint: 'Use a whole number for `passingScore`, or build with `--no-mastery-score` to leave the mastery score out of the manifest.',
    structural: false,
    target: '`scorm12`',
  },
  SCORM12_MASTERY_OVERRIDES_STATUS: {
    severity: 'warning',
    title: 'A mastery score that lets the LMS replace the reported status',
    message: "The course reports {statusAs}{source}, but the manifest's mastery score lets the LMS set passed/failed from the score instead",
    hint: 'Build with `--no-mastery-score` (or `--lms moodle`, which leaves it out for this status pair), or report `passed/failed`.',
    structural: false,
    target: '`scorm12`',
  },
  SCORM12_VERSION_TOO_LONG: {
    severity: 'error',
    title: 'A version longer than the SCORM 1.2 manifest allows',
    message: 'version `{version}` is {length} characters; the SCORM 1.2 manifest allows {max}',
    hint: 'Use a short version such as `1.2.0`.',
    structural: false,
    target: '`scorm12`',
  },
  SCORM12_TITLE_TOO_LONG: {
    severity: 'warning',
    title: 'A title longer than the SCORM 1.2 manifest shows',
    message: 'The title is {length} characters; the SCORM 1.2 manifest allows {max}, so the LMS will show it cut',
    hint: 'Shorten the title to {max} characters or fewer; the course page still shows it whole.',
    docHint: 'Shorten the title to 200 characters or fewer; the course page still shows it whole.',
    structural: false,
    target: '`scorm12`',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof catalogue;

export const diagnosticCodes = Object.keys(catalogue) as DiagnosticCode[];

/** Whether a packaging target's check raises `code` (see CatalogueEntry.target), rather than the loader. */
export function isTargetCode(code: DiagnosticCode): boolean {
  return (catalogue[code] as CatalogueEntry).target !== undefined;
}

export type DiagnosticParams = Record<string, string | number | undefined>;

/** Fills `{name}` placeholders; a missing parameter becomes empty text. */
export function fillTemplate(template: string, params: DiagnosticParams): string {
  return template
    .replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
      const value = params[name];
      return value === undefined ? '' : String(value);
    })
    .replace(/\s+$/, '');
}

/** Builds a diagnostic from its catalogue entry. */
export function createDiagnostic(
  code: DiagnosticCode,
  loc: SourceLocation | undefined,
  params: DiagnosticParams = {},
): Diagnostic {
  const entry: CatalogueEntry = catalogue[code];
  const hint = fillTemplate(entry.hint, params);
  const diagnostic: Diagnostic = {
    code,
    severity: entry.severity,
    message: fillTemplate(entry.message, params),
  };
  if (hint) diagnostic.hint = hint;
  if (loc) diagnostic.loc = loc;
  return diagnostic;
}
