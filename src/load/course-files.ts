/**
 * The one gate between a course folder and everything that reads it: the loader, the
 * packages and the preview. A course folder may come from someone else, so a file gets
 * through only when
 * - the path the author wrote stays in the folder (no `../`, absolute path or URL),
 * - its real path (every symlink, of the file or of a folder on the way, resolved) is inside
 *   the real course folder, and
 * - it is a regular file: not a folder, named pipe, device or socket (`/proc` and `/dev` are
 *   outside any course anyway).
 * Reading a file checks again on the opened file (open, then fstat, then the real path's
 * identity), so a file swapped for a link after the first check is refused, not read.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { errorCode, ioProblem } from '../diagnostics/io-problem.js';
import { closestMatch } from '../diagnostics/suggest.js';

/** A checked file of the course. */
export interface CourseFile {
  /** Normalised, relative to the course folder, POSIX separators. */
  relPath: string;
  /** The course folder joined with relPath (not the real path: the author's name is kept). */
  absPath: string;
}

/** Why a file cannot be used; each kind has its diagnostic code (see CourseContext). */
export type FileRefusal =
  | { problem: 'outside'; reason: string }
  | { problem: 'not-found'; relPath: string; suggestion?: string }
  | { problem: 'not-a-file'; relPath: string; kind: string }
  | { problem: 'too-large'; relPath: string; size: number; limit: number }
  | { problem: 'unreadable'; relPath: string; reason: string; help: string };

export type ResolvedPath = ({ ok: true } & CourseFile) | ({ ok: false } & FileRefusal);

export type ReadText = { ok: true; text: string } | ({ ok: false } & FileRefusal);

/**
 * The largest YAML or Markdown file read (bytes): far above any real course text (a
 * one-hour transcript is about 60 kB), low enough that parsing stays quick and small.
 */
export const MAX_SOURCE_BYTES = 1_000_000;

// O_NONBLOCK: opening a named pipe must not wait for a writer (it is refused after fstat).
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export class CourseFiles {
  private realRoot: string | undefined;

  constructor(readonly rootDir: string) {}

  /** Lexical checks only (no disk access): the normalised relative path, or why it leaves the folder. */
  static normalise(authorPath: string): { ok: true; relPath: string } | { ok: false; reason: string } {
    if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(authorPath)) {
      return { ok: false, reason: 'is a URL, not a file of the course folder' };
    }
    if (authorPath.startsWith('/') || authorPath.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(authorPath)) {
      return { ok: false, reason: 'is absolute; it must be relative to the course folder' };
    }
    if (authorPath.includes('\0')) return { ok: false, reason: 'contains a NUL character' };
    const relPath = path.posix.normalize(authorPath.replace(/\\/g, '/'));
    if (relPath === '..' || relPath.startsWith('../')) {
      return { ok: false, reason: 'goes up out of the course folder' };
    }
    if (relPath === '.' || relPath.endsWith('/')) {
      return { ok: false, reason: 'names a folder, not a file' };
    }
    return { ok: true, relPath };
  }

  /** Checks an author's path: inside the folder, really (symlinks resolved), and a regular file. */
  resolve(authorPath: string): ResolvedPath {
    const lexical = CourseFiles.normalise(authorPath);
    if (!lexical.ok) return { ok: false, problem: 'outside', reason: lexical.reason };
    const { relPath } = lexical;
    const absPath = path.join(this.rootDir, ...relPath.split('/'));
    let realPath: string;
    try {
      realPath = fs.realpathSync.native(absPath);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: 'not-found', relPath, ...this.suggest(relPath) };
      return { ok: false, ...unreadable(relPath, error) };
    }
    const realRoot = this.getRealRoot();
    if (realRoot === undefined) return { ok: false, problem: 'not-found', relPath };
    if (!isInside(realRoot, realPath)) return { ok: false, ...outsideLink(absPath) };
    let stats: fs.Stats;
    try {
      stats = fs.statSync(realPath);
    } catch (error) {
      return { ok: false, ...unreadable(relPath, error) };
    }
    if (!stats.isFile()) return { ok: false, problem: 'not-a-file', relPath, kind: describeKind(stats) };
    return { ok: true, relPath, absPath };
  }

  /**
   * Reads a checked course text (YAML, Markdown) through the opened file, refusing files over
   * `limit` bytes before reading them. The byte-order mark is dropped.
   */
  readText(file: CourseFile, limit = MAX_SOURCE_BYTES): ReadText {
    const read = this.readBytes(file, limit, true);
    if (!read.ok) return read;
    return { ok: true, text: read.bytes.toString('utf8').replace(/^\uFEFF/, '') };
  }

  /** The first `count` bytes of a checked file (for sniffing its type), through the same checks. */
  readHead(file: CourseFile, count: number): { ok: true; bytes: Buffer } | ({ ok: false } & FileRefusal) {
    return this.readBytes(file, count, false);
  }

  private readBytes(file: CourseFile, limit: number, whole: boolean): { ok: true; bytes: Buffer } | ({ ok: false } & FileRefusal) {
    const realRoot = this.getRealRoot();
    if (realRoot === undefined) return { ok: false, problem: 'not-found', relPath: file.relPath };
    let fd: number;
    try {
      fd = fs.openSync(file.absPath, OPEN_FLAGS);
    } catch (error) {
      return { ok: false, ...openRefusal(file, error) };
    }
    try {
      const opened = fs.fstatSync(fd);
      const refusal = checkOpened(file, opened, realRoot, () => fs.realpathSync.native(file.absPath), (p) => fs.statSync(p));
      if (refusal) return { ok: false, ...refusal };
      if (whole && opened.size > limit) return { ok: false, problem: 'too-large', relPath: file.relPath, size: opened.size, limit };
      // Read to the end, but never past the limit: the file may grow while it is read.
      const chunks: Buffer[] = [];
      let length = 0;
      const wanted = whole ? limit + 1 : limit;
      while (length < wanted) {
        const chunk = Buffer.allocUnsafe(Math.min(wanted - length, 65_536));
        const n = fs.readSync(fd, chunk, 0, chunk.length, null);
        if (n === 0) break;
        chunks.push(chunk.subarray(0, n));
        length += n;
      }
      if (whole && length > limit) return { ok: false, problem: 'too-large', relPath: file.relPath, size: length, limit };
      return { ok: true, bytes: Buffer.concat(chunks, length) };
    } catch (error) {
      return { ok: false, ...unreadable(file.relPath, error) };
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The real path of the course folder; undefined when it does not exist. */
  getRealRoot(): string | undefined {
    try {
      this.realRoot ??= fs.realpathSync.native(this.rootDir);
    } catch {
      return undefined;
    }
    return this.realRoot;
  }

  /** A file of the same folder whose name is close (wrong case, a typo): "did you mean". */
  private suggest(relPath: string): { suggestion?: string } {
    const dir = path.posix.dirname(relPath);
    let names: string[];
    try {
      names = fs.readdirSync(path.join(this.rootDir, ...dir.split('/')));
    } catch {
      return {};
    }
    const match = closestMatch(path.posix.basename(relPath), names);
    return match === undefined ? {} : { suggestion: dir === '.' ? match : `${dir}/${match}` };
  }
}

/**
 * The course file a relative link in Markdown names: first beside the file the text came from,
 * then from the course root. `null` when the link is not to a course path (empty, absolute,
 * leaving the folder, not decodable) or when no candidate exists (the link is left as written).
 * A candidate that exists but is refused (a link out of the folder, a pipe) is returned refused.
 */
export function resolveLink(files: CourseFiles, target: string, fromFile: string): ResolvedPath | null {
  const rawPath = /^([^?#]*)/.exec(target)?.[1] ?? '';
  if (!rawPath || rawPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURI(rawPath);
  } catch {
    return null;
  }
  const candidates = [path.posix.join(path.posix.dirname(fromFile), decoded), path.posix.normalize(decoded)];
  for (const candidate of candidates) {
    if (!CourseFiles.normalise(candidate).ok) continue;
    const resolved = files.resolve(candidate);
    if (resolved.ok) return resolved;
    if (resolved.problem === 'not-found') continue;
    // A folder is not a file to package: the link stays as written, as before.
    if (resolved.problem === 'not-a-file' && resolved.kind === 'a folder') continue;
    return resolved;
  }
  return null;
}

/** A course file opened for a package or the preview, after the same checks as loading. */
export interface OpenedCourseFile {
  handle: fsp.FileHandle;
  size: number;
}

/** Thrown when a course file fails the check at the moment it is opened (it changed since loading). */
export class CourseFileChangedError extends Error {
  constructor(
    readonly relPath: string,
    problem: string,
  ) {
    super(`Course file \`${relPath}\` ${problem}; it changed after the course was checked. Nothing was written from it: check the file and run the command again.`);
    this.name = 'CourseFileChangedError';
  }
}

/**
 * Opens `absPath` for reading and checks the opened file: a regular file whose real path is
 * inside `rootDir` and, when given, whose name `accept` accepts (the package's type
 * allow-list). Throws CourseFileChangedError otherwise. The caller closes the handle.
 * The checks after opening are synchronous, as the loader's are: each is a look-up the kernel
 * answers from its caches in microseconds, where the thread pool cost a round trip each, and the
 * zip opens its files one after another (a course of 100 videos has 300 files to open).
 */
export async function openCourseFile(absPath: string, rootDir: string, accept?: (relPath: string) => boolean): Promise<OpenedCourseFile> {
  const relPath = path.relative(rootDir, absPath).split(path.sep).join('/');
  if (accept && !accept(relPath)) throw new CourseFileChangedError(relPath, 'is of a type no package carries');
  const file = { relPath, absPath };
  const realRoot = fs.realpathSync.native(rootDir);
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(absPath, OPEN_FLAGS);
  } catch (error) {
    throw new CourseFileChangedError(relPath, describeRefusal(openRefusal(file, error)));
  }
  try {
    const opened = fs.fstatSync(handle.fd);
    let realPath: string | undefined;
    let realStats: fs.Stats | undefined;
    try {
      realPath = fs.realpathSync.native(absPath);
      realStats = fs.statSync(realPath);
    } catch {
      // Gone since it was opened: refused below as not the same file.
    }
    const refusal = checkOpened(
      file,
      opened,
      realRoot,
      () => realPath ?? '',
      () => realStats ?? opened,
    );
    if (refusal) throw new CourseFileChangedError(relPath, describeRefusal(refusal));
    return { handle, size: opened.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The opened file must be a regular file, and the one the path leads to now, inside the folder. */
function checkOpened(
  file: CourseFile,
  opened: fs.Stats,
  realRoot: string,
  realpath: () => string,
  statOf: (realPath: string) => fs.Stats,
): FileRefusal | undefined {
  if (!opened.isFile()) return { problem: 'not-a-file', relPath: file.relPath, kind: describeKind(opened) };
  const realPath = realpath();
  if (!realPath || !isInside(realRoot, realPath)) return outsideLink(file.absPath);
  const now = statOf(realPath);
  if (now.dev !== opened.dev || now.ino !== opened.ino) return outsideLink(file.absPath);
  return undefined;
}

function isInside(realRoot: string, realPath: string): boolean {
  const relative = path.relative(realRoot, realPath);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

function outsideLink(absPath: string): FileRefusal {
  let isLink = false;
  try {
    isLink = fs.lstatSync(absPath).isSymbolicLink();
  } catch {
    // Gone: still a path that did not lead inside.
  }
  return {
    problem: 'outside',
    reason: isLink ? 'is a link to a file outside the course folder' : 'is inside a linked folder that leads outside the course folder',
  };
}

function describeKind(stats: fs.Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function openRefusal(file: CourseFile, error: unknown): FileRefusal {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: 'not-found', relPath: file.relPath };
  if (code === 'EISDIR') return { problem: 'not-a-file', relPath: file.relPath, kind: 'a folder' };
  return unreadable(file.relPath, error);
}

/** An I/O failure in the author's words: what happened and what to do (see ioProblem). */
function unreadable(relPath: string, error: unknown): FileRefusal {
  const { reason, help } = ioProblem(error);
  return { problem: 'unreadable', relPath, reason, help };
}

/** "is a link to a file outside…", "is a named pipe, not a regular file"… (for messages outside diagnostics). */
function describeRefusal(refusal: FileRefusal): string {
  switch (refusal.problem) {
    case 'outside':
      return refusal.reason;
    case 'not-found':
      return 'no longer exists';
    case 'not-a-file':
      return `is ${refusal.kind}, not a regular file`;
    case 'too-large':
      return `is larger than ${refusal.limit} bytes`;
    case 'unreadable':
      return `cannot be read (${refusal.reason})`;
  }
}

/**
 * Reads a course file by its relative path, for code frames (`formatDiagnostics({ readFile })`):
 * through the same gate, so a frame never quotes a file outside the course (a course.yaml
 * linked to /etc/passwd) or a file too large to read.
 */
export function courseFileReader(rootDir: string): (relPath: string) => string | undefined {
  const files = new CourseFiles(rootDir);
  return (relPath) => {
    const resolved = files.resolve(relPath);
    if (!resolved.ok) return undefined;
    const read = files.readText(resolved);
    return read.ok ? read.text : undefined;
  };
}
