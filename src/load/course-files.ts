/**
 * Resolves the paths an author writes to files inside the course folder, refusing any
 * path that leaves it: `../`, absolute paths, URLs, and symlinks whose target is outside
 * (checked with realpath). Only files inside the folder go into a package.
 */
import fs from 'node:fs';
import path from 'node:path';
import { closestMatch } from '../diagnostics/suggest.js';

export type ResolvedPath =
  | { ok: true; relPath: string; absPath: string }
  | { ok: false; problem: 'outside'; reason: string }
  | { ok: false; problem: 'not-found'; relPath: string; suggestion?: string };

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
    const relPath = path.posix.normalize(authorPath.replace(/\\/g, '/'));
    if (relPath === '..' || relPath.startsWith('../')) {
      return { ok: false, reason: 'goes up out of the course folder' };
    }
    if (relPath === '.' || relPath.endsWith('/')) {
      return { ok: false, reason: 'names a folder, not a file' };
    }
    return { ok: true, relPath };
  }

  resolve(authorPath: string): ResolvedPath {
    const lexical = CourseFiles.normalise(authorPath);
    if (!lexical.ok) return { ok: false, problem: 'outside', reason: lexical.reason };
    const absPath = path.join(this.rootDir, ...lexical.relPath.split('/'));
    let realPath: string;
    try {
      realPath = fs.realpathSync(absPath);
    } catch {
      return { ok: false, problem: 'not-found', relPath: lexical.relPath, ...this.suggest(lexical.relPath) };
    }
    const realRoot = this.getRealRoot();
    if (realPath !== realRoot && !realPath.startsWith(realRoot + path.sep)) {
      return { ok: false, problem: 'outside', reason: 'is a link to a file outside the course folder' };
    }
    if (!fs.statSync(realPath).isFile()) {
      return { ok: false, problem: 'not-found', relPath: lexical.relPath };
    }
    return { ok: true, relPath: lexical.relPath, absPath };
  }

  private getRealRoot(): string {
    this.realRoot ??= fs.realpathSync(this.rootDir);
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

/** Reads a course file by its relative path, for code frames (`formatDiagnostics({ readFile })`). */
export function courseFileReader(rootDir: string): (relPath: string) => string | undefined {
  return (relPath) => {
    try {
      return fs.readFileSync(path.join(rootDir, ...relPath.split('/')), 'utf8');
    } catch {
      return undefined;
    }
  };
}
