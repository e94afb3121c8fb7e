/**
 * load: a course folder → the validated Course model (src/model/course.ts), or every
 * problem found, as diagnostics. Reads only; never writes in the course folder.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Course, SourceLocation, Step, Theme } from '../model/course.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { validateCourseYaml } from '../schema/validator.js';
import type { CourseYaml } from '../schema/course-schema.js';
import { defaults } from '../schema/defaults.js';
import { CourseContext } from './course-context.js';
import { CourseFiles } from './course-files.js';

export { courseFileReader } from './course-files.js';
import { loadStep } from './step.js';
import { schemaErrorsToDiagnostics } from './schema-errors.js';
import { reportDuplicateIds, type IdUse } from './unique-ids.js';
import { YamlFile } from './yaml-file.js';
import { mediaRules } from './media.js';
import { codeList, didYouMean } from '../diagnostics/suggest.js';

export interface LoadResult {
  /** Present only when no error was found (warnings allowed). */
  course?: Course;
  /** Every problem found, in file order (course.yaml, then the steps in course order). */
  diagnostics: Diagnostic[];
}

export const COURSE_FILE = 'course.yaml';

export async function loadCourse(dir: string): Promise<LoadResult> {
  const rootDir = path.resolve(dir);
  const ctx = new CourseContext(new CourseFiles(rootDir));
  const text = await readCourseYaml(rootDir, ctx);
  if (text === undefined) return { diagnostics: ctx.diagnostics };

  const parsed = YamlFile.parse(COURSE_FILE, text);
  const courseYaml = parsed.yaml;
  ctx.diagnostics.push(...parsed.diagnostics);
  if (courseYaml.data === undefined) return { diagnostics: ctx.diagnostics };

  const courseErrors = validateCourseYaml(courseYaml.data);
  ctx.diagnostics.push(...schemaErrorsToDiagnostics(courseErrors, courseYaml));
  const raw = (typeof courseYaml.data === 'object' && courseYaml.data !== null ? courseYaml.data : {}) as Partial<CourseYaml>;
  if (raw.language === 'fr' || raw.language === 'en') ctx.language = raw.language;
  const passing = raw.passingScore;
  ctx.passingScore = typeof passing === 'number' && passing >= 0 && passing <= 100 ? passing : defaults.passingScore;

  const stepFiles = listStepFiles(raw, courseYaml, ctx);
  const themeFiles = loadThemeFiles(raw, courseYaml, ctx);

  const steps: Step[] = [];
  const ids: IdUse[] = [];
  stepFiles.forEach((file) => {
    const read = ctx.files.readText(file);
    if (!read.ok) {
      ctx.reportFile(read, file.loc, mediaRules.step);
      return;
    }
    const parsedStep = YamlFile.parse(file.relPath, read.text);
    ctx.diagnostics.push(...parsedStep.diagnostics);
    if (parsedStep.yaml.data === undefined) return;
    const loaded = loadStep(parsedStep.yaml, ctx);
    ids.push(...loaded.ids);
    if (loaded.step) steps.push(loaded.step);
  });
  // One namespace for steps and activities: both become LMS identifiers side by side.
  reportDuplicateIds(ids, 'in this course', ctx);
  // Only when every step loaded: a quiz of a broken step would look unknown.
  if (steps.length === stepFiles.length) checkQuizWeights(raw, courseYaml, steps, ctx);

  const sourceFiles = [COURSE_FILE, ...stepFiles.map((f) => f.relPath), ...ctx.markdownFiles];
  const diagnostics = sortByFile(ctx.diagnostics, sourceFiles);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  const valid = raw as CourseYaml; // no error: course.yaml matched its schema
  const course: Course = {
    id: valid.id,
    ...(valid.iri !== undefined && { iri: valid.iri }),
    title: valid.title,
    language: valid.language,
    description: valid.description,
    authors: valid.authors ?? [...defaults.authors],
    version: valid.version ?? defaults.version,
    passingScore: valid.passingScore ?? defaults.passingScore,
    completion: [...(valid.completion ?? defaults.completion)],
    quizWeights: { ...valid.scoring?.weights },
    ...(valid.reportStatusAs !== undefined && { reportStatusAs: valid.reportStatusAs }),
    theme: {
      color: valid.theme?.color ?? defaults.themeColor,
      ...(valid.theme?.font !== undefined && { font: valid.theme.font }),
      ...themeFiles,
    },
    steps,
    fieldLocs: Object.fromEntries(Object.keys(valid).map((field) => [field, courseYaml.root().at(field).loc()])),
    rootDir,
    sourceFiles,
    loc: courseYaml.root().loc(),
  };
  return { course, diagnostics };
}

/**
 * course.yaml's text, through the same checks as every course file: it may be a link out of
 * the folder too, and is then refused without being read (nor quoted in a code frame).
 * Undefined when it cannot be read; the problem is reported.
 */
async function readCourseYaml(rootDir: string, ctx: CourseContext): Promise<string | undefined> {
  const folderExists = await fs.stat(rootDir).then((s) => s.isDirectory(), () => false);
  if (!folderExists) {
    ctx.report('COURSE_NOT_FOUND', undefined, { reason: `the folder \`${rootDir}\` does not exist` });
    return undefined;
  }
  const loc = { file: COURSE_FILE, line: 1, column: 1 };
  const resolved = ctx.files.resolve(COURSE_FILE);
  if (!resolved.ok && resolved.problem === 'not-found') {
    ctx.report('COURSE_NOT_FOUND', undefined, { reason: `\`${rootDir}\` has no ${COURSE_FILE}` });
    return undefined;
  }
  const read = resolved.ok ? ctx.files.readText(resolved) : resolved;
  if (!read.ok) {
    ctx.reportFile(read, loc, mediaRules.step, COURSE_FILE);
    return undefined;
  }
  return read.text;
}

/** The files course.yaml's theme names (logo, cover, font file), checked as every course file is. */
function loadThemeFiles(raw: Partial<CourseYaml>, courseYaml: YamlFile, ctx: CourseContext): Pick<Theme, 'logo' | 'cover' | 'fontFile'> {
  const theme: unknown = raw.theme;
  if (typeof theme !== 'object' || theme === null) return {};
  const files: Pick<Theme, 'logo' | 'cover' | 'fontFile'> = {};
  for (const [field, category] of [['logo', 'image'], ['cover', 'image'], ['fontFile', 'font']] as const) {
    const value: unknown = (theme as Record<string, unknown>)[field];
    if (typeof value === 'string' && value !== '' && Object.hasOwn(theme, field)) files[field] = ctx.asset(value, courseYaml.root().at('theme', field), category);
  }
  return files;
}

interface StepFile {
  relPath: string;
  absPath: string;
  loc: SourceLocation;
}

/** The step files course.yaml lists, checked (inside the folder, .yaml, existing, listed once). */
function listStepFiles(raw: Partial<CourseYaml>, courseYaml: YamlFile, ctx: CourseContext): StepFile[] {
  if (!Array.isArray(raw.steps)) return [];
  const files: StepFile[] = [];
  const firstLine = new Map<string, number>();
  raw.steps.forEach((entry, index) => {
    if (typeof entry !== 'string' || entry === '') return; // reported by the schema
    const node = courseYaml.root().at('steps', index);
    const loc = node.loc();
    const before = ctx.diagnostics.length;
    const asset = ctx.asset(entry, node, 'step');
    if (ctx.diagnostics.length > before) return;
    const seen = firstLine.get(asset.path);
    if (seen !== undefined) {
      ctx.report('DUPLICATE_STEP_FILE', loc, { path: entry, firstLine: seen });
      return;
    }
    firstLine.set(asset.path, loc.line);
    files.push({ relPath: asset.path, absPath: asset.absPath, loc });
  });
  return files;
}

/** Every quiz named in `scoring.weights` exists (a typo would silently weigh nothing). */
function checkQuizWeights(raw: Partial<CourseYaml>, courseYaml: YamlFile, steps: Step[], ctx: CourseContext): void {
  const weights = raw.scoring?.weights;
  if (typeof weights !== 'object' || weights === null) return;
  const quizzes = steps.flatMap((s) => s.activities.filter((a) => a.kind === 'quiz').map((a) => a.id));
  for (const id of Object.keys(weights)) {
    if (quizzes.includes(id)) continue;
    ctx.report('UNKNOWN_QUIZ', courseYaml.root().at('scoring', 'weights', id).keyLoc(), {
      id,
      suggestion: didYouMean(id, quizzes),
      allowed: codeList(quizzes),
    });
  }
}

/** Files in reading order, then line and column: the order an author fixes things in. */
function sortByFile(diagnostics: Diagnostic[], fileOrder: string[]): Diagnostic[] {
  const rank = (d: Diagnostic) => {
    const index = d.loc ? fileOrder.indexOf(d.loc.file) : -1;
    return index === -1 ? fileOrder.length : index;
  };
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        rank(a.d) - rank(b.d) ||
        (a.d.loc?.file ?? '').localeCompare(b.d.loc?.file ?? '') ||
        (a.d.loc?.line ?? 0) - (b.d.loc?.line ?? 0) ||
        (a.d.loc?.column ?? 0) - (b.d.loc?.column ?? 0) ||
        a.i - b.i,
    )
    .map(({ d }) => d);
}
