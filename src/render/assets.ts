import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { PackageFile } from '../package/target.js';

/** Folder of the package that holds the course's own files, under their course-relative paths. */
export const CONTENT_DIR = 'content';

/**
 * Collects the course files a page refers to (media, captions, attachments, images and
 * links in Markdown), so each is packaged once, streamed from disk, under a stable path.
 */
export class AssetCollector {
  private readonly files = new Map<string, string>();

  constructor(private readonly rootDir: string) {}

  /** Registers a course file by its course-relative POSIX path; returns its URL in the package. */
  add(relPath: string, absPath: string): string {
    this.files.set(relPath, absPath);
    return assetUrl(relPath);
  }

  /**
   * Resolves a relative link written in a Markdown text that came from `fromFile`: first
   * beside that file, then from the course root. Returns null when no course file matches
   * (the link is then left as written).
   */
  resolveLink(target: string, fromFile: string): string | null {
    const match = /^([^?#]*)([?#].*)?$/.exec(target);
    const rawPath = match?.[1] ?? '';
    if (!rawPath || rawPath.startsWith('/')) return null;
    let decoded: string;
    try {
      decoded = decodeURI(rawPath);
    } catch {
      return null;
    }
    const candidates = [path.posix.join(path.posix.dirname(fromFile), decoded), path.posix.normalize(decoded)];
    for (const rel of candidates) {
      if (rel.startsWith('../') || rel === '..' || path.posix.isAbsolute(rel)) continue;
      const abs = path.join(this.rootDir, ...rel.split('/'));
      if (isFile(abs)) return this.add(rel, abs) + (match?.[2] ?? '');
    }
    return null;
  }

  /** The collected files as package entries, sorted by path. */
  async packageFiles(): Promise<PackageFile[]> {
    const entries = [...this.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Promise.all(
      entries.map(async ([rel, abs]) => ({
        kind: 'file' as const,
        path: `${CONTENT_DIR}/${rel}`,
        absPath: abs,
        size: (await stat(abs)).size,
      })),
    );
  }
}

/** URL of a packaged course file, relative to index.html, each segment percent-encoded. */
export function assetUrl(relPath: string): string {
  return [CONTENT_DIR, ...relPath.split('/')].map(encodeURIComponent).join('/');
}

function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}
