import { stat } from 'node:fs/promises';
import { CourseError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CourseFiles } from '../load/course-files.js';
import { checkLinkedFile, fileDiagnostic, linkRule } from '../load/file-checks.js';
import type { SourceLocation } from '../model/course.js';
import type { PackageFile } from '../package/target.js';

/** Folder of the package that holds the course's own files, under their course-relative paths. */
export const CONTENT_DIR = 'content';

/**
 * Collects the course files a page refers to (media, captions, attachments, images and
 * links in Markdown), so each is packaged once, streamed from disk, under a stable path.
 */
export class AssetCollector {
  private readonly files = new Map<string, string>();
  private readonly courseFiles: CourseFiles;
  /** Links to course files the checks refuse (the loader reports them first; a file may change since). */
  private readonly refused: Diagnostic[] = [];

  constructor(private readonly rootDir: string) {
    this.courseFiles = new CourseFiles(rootDir);
  }

  /** Registers a course file by its course-relative POSIX path; returns its URL in the package. */
  add(relPath: string, absPath: string): string {
    this.files.set(relPath, absPath);
    return assetUrl(relPath);
  }

  /**
   * Resolves a relative link written in a Markdown text that came from `from` (its file, or
   * where the text is written): first beside that file, then from the course root. Returns
   * null when no course file matches (the link is then left as written). A course file is
   * packaged only if it passes the loader's checks (src/load/file-checks.ts: inside the
   * course, a regular file, of a packaged type); a refused one stops the build.
   */
  resolveLink(target: string, from: string | SourceLocation, image = false): string | null {
    const loc = typeof from === 'string' ? { file: from, line: 1, column: 1 } : from;
    const checked = checkLinkedFile(this.courseFiles, target, loc.file, image);
    if (checked === null) return null;
    if (!checked.ok) {
      this.refused.push(fileDiagnostic(checked.problem, loc, linkRule(image), target));
      return null;
    }
    return this.add(checked.file.relPath, checked.file.absPath) + (/[?#].*$/.exec(target)?.[0] ?? '');
  }

  /** The collected files as package entries, sorted by path. */
  async packageFiles(): Promise<PackageFile[]> {
    if (this.refused.length > 0) throw new CourseError(this.refused);
    const entries = [...this.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Promise.all(
      entries.map(async ([rel, abs]) => ({
        kind: 'file' as const,
        path: `${CONTENT_DIR}/${rel}`,
        absPath: abs,
        courseRoot: this.rootDir,
        size: (await stat(abs)).size,
      })),
    );
  }
}

/** URL of a packaged course file, relative to index.html, each segment percent-encoded. */
export function assetUrl(relPath: string): string {
  return [CONTENT_DIR, ...relPath.split('/')].map(encodeURIComponent).join('/');
}
