/**
 * `parcours init`: a new course folder that validates and builds at once, from the files in
 * templates/init/ (one step with every activity kind, a short video with captions, the
 * `$schema` lines that give editors completion, a .gitignore for dist/).
 *
 * Nothing the user wrote is ever changed: every file is created with O_EXCL, so an existing
 * file (or a link) at that path is left as it is and reported as kept; a folder on the way
 * that is a link is not followed.
 */
import { randomUUID } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../render/package-root.js';
import { makeDirectory } from '../write/make-directory.js';

export const INIT_LANGUAGES = ['en', 'fr'] as const;
export type InitLanguage = (typeof INIT_LANGUAGES)[number];

export interface InitRequest {
  dir: string;
  language: InitLanguage;
  /** Course title; a default in the course language otherwise. */
  title?: string;
  /** Add the missing files to a folder that is not empty (existing files are kept as they are). */
  force?: boolean;
}

export interface InitResult {
  dir: string;
  courseId: string;
  /** Paths written, relative to `dir`, with `/`. */
  written: string[];
  /** Paths left as they were because something already exists there. */
  kept: string[];
  /** How the `$schema` lines reach the published schemas: copied into the folder, or by a relative path. */
  schemas: 'copied' | 'referenced';
}

/** The folder cannot take a new course (not empty without `force`, or not a folder). */
export class InitRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InitRefusedError';
  }
}

const DEFAULT_TITLES: Record<InitLanguage, string> = { en: 'My first course', fr: 'Mon premier parcours' };
const DEFAULT_IDS: Record<InitLanguage, string> = { en: 'my-course', fr: 'mon-parcours' };
/** Published JSON Schemas (schema/ of the package) and the course files that name them. */
const SCHEMAS = { course: 'course.schema.json', step: 'step.schema.json' } as const;

interface PlannedFile {
  path: string;
  data: Buffer | string;
}

export async function initCourse(request: InitRequest): Promise<InitResult> {
  const dir = path.resolve(request.dir);
  await checkFolder(dir, request.force ?? false);

  const title = (request.title ?? DEFAULT_TITLES[request.language]).trim();
  const courseId = courseIdFrom(path.basename(dir)) ?? courseIdFrom(title) ?? DEFAULT_IDS[request.language];
  const { files, schemas } = await plan(dir, request.language, { id: courseId, title, iri: `urn:uuid:${randomUUID()}` });

  makeDirectory(dir);
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of files) {
    (await createFile(dir, file) ? written : kept).push(file.path);
  }
  return { dir, courseId, written, kept, schemas };
}

async function checkFolder(dir: string, force: boolean): Promise<void> {
  let entries: string[];
  try {
    const info = await lstat(dir);
    if (!info.isDirectory()) throw new InitRefusedError(`${dir} exists and is not a folder: choose another name.`);
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length > 0 && !force) {
    const shown = entries.sort().slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '');
    throw new InitRefusedError(
      `${dir} is not empty (${shown}). Choose a new folder, or add --force to add the course files ` +
        'that are missing there (a file that exists is never changed).',
    );
  }
}

/** The course's files: the language's templates, the shared video, .gitignore, and the schemas when copied. */
async function plan(dir: string, language: InitLanguage, values: { id: string; title: string; iri: string }) {
  const root = path.join(packageRoot(), 'templates', 'init');
  const schemaDir = path.join(packageRoot(), 'schema');
  const referenced = schemasReachable(dir, schemaDir);
  const schemaRef = (name: string, fromFolder: string): string =>
    toPosix(path.relative(path.join(dir, fromFolder), referenced ? path.join(schemaDir, name) : path.join(dir, 'schema', name)));
  const substitutions = new Map<string, string>([
    ['id', values.id],
    ['iri', values.iri],
    ['title', yamlScalar(values.title)],
    ['courseSchema', schemaRef(SCHEMAS.course, '.')],
    ['stepSchema', schemaRef(SCHEMAS.step, 'steps')],
  ]);
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => substitutions.get(name) ?? whole);

  const files: PlannedFile[] = [];
  for (const rel of await listFiles(path.join(root, language))) {
    const text = await readFile(path.join(root, language, rel), 'utf8');
    files.push({ path: rel, data: rel.endsWith('.yaml') ? fill(text) : text });
  }
  files.push({ path: 'media/intro.mp4', data: await readFile(path.join(root, 'media', 'intro.mp4')) });
  // Stored as `gitignore`: npm leaves files named .gitignore out of published packages.
  files.push({ path: '.gitignore', data: await readFile(path.join(root, 'gitignore')) });
  if (!referenced) {
    for (const name of Object.values(SCHEMAS)) files.push({ path: `schema/${name}`, data: await readFile(path.join(schemaDir, name)) });
  }
  files.sort((a, b) => order(a.path) - order(b.path) || (a.path < b.path ? -1 : 1));
  return { files, schemas: referenced ? ('referenced' as const) : ('copied' as const) };
}

/** course.yaml first, then the steps, then the rest: the order the summary lists them in. */
function order(file: string): number {
  return file === 'course.yaml' ? 0 : file.startsWith('steps/') ? 1 : file.startsWith('schema/') ? 3 : 2;
}

/**
 * Whether the new course sits in the project that has this Parcours installed (under the
 * folder holding its node_modules, or inside the Parcours repository): then its `$schema`
 * lines point at the installed schemas, which follow upgrades. Elsewhere (run through npx,
 * or a folder outside the project) a path into the package would break when the package
 * moves, so the schemas are copied into the course folder.
 */
export function schemasReachable(dir: string, schemaDir: string): boolean {
  const installed = path.dirname(path.dirname(schemaDir));
  const projectRoot = path.basename(installed) === 'node_modules' ? path.dirname(installed) : path.dirname(schemaDir);
  const relative = path.relative(projectRoot, dir);
  return !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
}

/** Creates `file` under `dir` unless something is already there; false when kept. */
async function createFile(dir: string, file: PlannedFile): Promise<boolean> {
  const parts = file.path.split('/');
  let folder = dir;
  for (const part of parts.slice(0, -1)) {
    folder = path.join(folder, part);
    try {
      await mkdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A link or a file where a folder should be: never written through.
      if (!(await lstat(folder)).isDirectory()) return false;
    }
  }
  try {
    await writeFile(path.join(dir, ...parts), file.data, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, rel)));
    else out.push(rel);
  }
  return out;
}

/**
 * A course id from a folder name or a title: lower case, accents dropped, other characters
 * turned into `-`, starting with a letter (the loader's id rule), at most 64 characters.
 */
export function courseIdFrom(name: string): string | undefined {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || undefined;
}

/** A one-line YAML value: plain when YAML reads it back as the same text, double-quoted otherwise. */
function yamlScalar(text: string): string {
  const plain =
    /^[\p{L}\p{N}(][^#]*$/u.test(text) &&
    !/: |:$|\s#/.test(text) &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?[\d.]+(e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
