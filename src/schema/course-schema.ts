import { Type, type Static } from '@sinclair/typebox';
import { COMPLETION_CRITERIA, REPORT_STATUS_PAIRS, type CompletionCriterion, type ReportStatusAs } from '../shared/course-data.js';
import { FilePath, Id, ID_PATTERN, Percent, StrictObject, Text } from './common.js';
import { COURSE_IRI_PATTERN } from './course-iri.js';
import { defaults } from './defaults.js';
import { FONT_STACK_NAMES } from './font-stacks.js';

export const ThemeSchema = StrictObject(
  {
    color: Type.Optional(
      Type.String({
        pattern: '^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$',
        default: defaults.themeColor,
        description: 'Accent colour (buttons, progress), as a CSS hex colour #rrggbb or #rgb.',
        examples: ['#1d5c8f'],
      }),
    ),
    logo: Type.Optional(FilePath('Logo shown before the course title in the header (.png, .jpg or .webp; about 64 px high).', ['media/logo.png'])),
    cover: Type.Optional(FilePath('Cover image at the top of the overview (.jpg, .png, .webp or .gif; wide, about 1600 × 500 px).', ['media/cover.jpg'])),
    font: Type.Optional(
      Type.Unsafe<(typeof FONT_STACK_NAMES)[number]>({
        type: 'string',
        enum: [...FONT_STACK_NAMES],
        default: FONT_STACK_NAMES[0],
        description:
          'Typeface, as a named stack of fonts already on learners’ devices: system (the device’s interface font), humanist, geometric, rounded, serif. ' +
          'With `fontFile`, the stack the file falls back to.',
      }),
    ),
    fontFile: Type.Optional(
      FilePath('A font file of the course (.woff2 or .woff) for all the text; regular weight, bold is synthesised when the file has none.', ['media/Inter.woff2']),
    ),
  },
  { title: 'Theme', description: 'How the course looks: colour, logo, cover image, typeface.' },
);

/** course.yaml: what the course is, and its steps in order. */
export const CourseSchema = StrictObject(
  {
    id: Id('Course id: the LMS identifier of the course and the start of the package name.', ['valorisez-cooperation']),
    iri: Type.Optional(
      Type.String({
        pattern: COURSE_IRI_PATTERN,
        description:
          'xAPI and cmi5 id of the course: an absolute IRI under a domain or namespace you control (https://, http:// or urn:), no spaces, no ? or #. ' +
          'Its steps, activities and questions are named after it; keep it stable once published. ' +
          'Without it, xAPI and cmi5 packages use a placeholder made from `id` (fine for trying things out, with a warning).',
        examples: ['https://formation.example.org/courses/valorisez-cooperation', 'urn:example:courses:valorisez-cooperation'],
      }),
    ),
    title: Text('Course title, shown to learners and in the LMS.', ['Valorisez vos pratiques de coopération']),
    language: Type.Unsafe<'fr' | 'en'>({
      type: 'string',
      enum: ['fr', 'en'],
      description: 'Language of the course: fr or en. Sets the interface language and the page language.',
    }),
    version: Type.Optional(
      Type.String({
        pattern: '^[0-9A-Za-z][0-9A-Za-z._-]*$',
        maxLength: 32,
        default: defaults.version,
        description: 'Version of the course, part of the package name. Quote it in YAML ("1.0") when it looks like a number.',
        examples: ['1.0.0'],
      }),
    ),
    description: Text('What the course is about, plain text (LMS catalogues show it).', [
      'Un parcours en 4 étapes pour découvrir les pratiques partenariales.',
    ]),
    authors: Type.Optional(
      Type.Array(Text('An author’s name.'), { default: defaults.authors, description: 'Names of the authors.', examples: [['Parcours']] }),
    ),
    passingScore: Type.Optional(
      Percent('Weighted quiz score needed to pass the course; also the default of every quiz.', defaults.passingScore),
    ),
    completion: Type.Optional(
      Type.Array(
        Type.Unsafe<CompletionCriterion>({
          type: 'string',
          enum: [...COMPLETION_CRITERIA],
          description:
            'visited: every activity page opened; videos-watched: every video watched to its watchedThreshold; sheets-opened: every sheet opened; ' +
            'quizzes-attempted: every quiz submitted once; quizzes-passed: every quiz passed; quizzes-finished: every quiz passed or out of attempts.',
        }),
        {
          minItems: 1,
          uniqueItems: true,
          default: [...defaults.completion],
          description: 'What the learner must do for the course to be completed, any combination. Default: what every activity needs to show as done.',
          examples: [['visited', 'quizzes-passed']],
        },
      ),
    ),
    scoring: Type.Optional(
      StrictObject(
        {
          weights: Type.Optional(
            Type.Record(Type.String({ pattern: ID_PATTERN }), Type.Number({ minimum: 0 }), {
              description:
                'Weight of a quiz in the course score, by quiz id (0 leaves it out of the score). Quizzes not listed weigh the sum of their question weights.',
              examples: [{ 'typologie-quiz': 2 }],
            }),
          ),
        },
        { title: 'Scoring', description: 'How the course score (0–100, a weighted mean of the quizzes’ best scores) is made.' },
      ),
    ),
    reportStatusAs: Type.Optional(
      Type.Unsafe<ReportStatusAs>({
        type: 'string',
        enum: [...REPORT_STATUS_PAIRS],
        description:
          'The two statuses a SCORM 1.2 LMS records, success first: passed/failed (default for a course with quizzes), passed/incomplete, completed/incomplete (default without quizzes) or completed/failed. ' +
          'Also settable per build (`--report-status-as`, `--lms` presets); the build’s flag wins.',
      }),
    ),
    theme: Type.Optional(ThemeSchema),
    steps: Type.Array(FilePath('A step file (.yaml).', ['steps/01-enjeux.yaml']), {
      minItems: 1,
      description: 'The step files, in the order learners follow them.',
    }),
  },
  { title: 'Course', description: 'A Parcours course: course.yaml at the root of the course folder.' },
);

export type CourseYaml = Static<typeof CourseSchema>;
