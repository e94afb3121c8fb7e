/**
 * The checks every course file that reaches a package passes, as one set of functions for the
 * loader (which reports them with the author's file:line:column) and the renderer (which
 * packages only what passes them): the gate of course-files.ts, then the type allow-list of
 * media.ts, by extension and by content.
 */
import fsp from 'node:fs/promises';
import type { SourceLocation } from '../model/course.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatBytes, type ByteFormat } from '../shared/format-bytes.js';
import { createDiagnostic } from '../diagnostics/catalogue.js';
import { openCourseFile, resolveLink, type CourseFile, type CourseFiles, type FileRefusal, type OpenedCourseFile } from './course-files.js';
import { describeAccepted, extensionOf, isPackagedType, looksActive, mediaRules, SNIFF_BYTES, whyRefused, type MediaRule } from './media.js';
import { withThousands } from '../shared/format-number.js';

export type FileProblem = FileRefusal | { problem: 'wrong-type'; relPath: string } | { problem: 'active-content'; relPath: string };

export type CheckedFile = { ok: true; file: CourseFile } | { ok: false; problem: FileProblem };

/** Whether `relPath` has one of the rule's extensions. */
export function hasAcceptedType(rule: MediaRule, relPath: string): boolean {
  return (rule.extensions as readonly string[]).includes(extensionOf(relPath));
}

/** Refuses a file whose first bytes are a page or XML, whatever its name says. */
export function checkContent(files: CourseFiles, file: CourseFile): FileProblem | undefined {
  const head = files.readHead(file, SNIFF_BYTES);
  if (!head.ok) return head;
  return looksActive(head.bytes) ? { problem: 'active-content', relPath: file.relPath } : undefined;
}

/**
 * The course file a Markdown link (or image) names, checked: null when it names no course
 * file (the link stays as written), refused when it leads out, is not a regular file, is not
 * of a packaged type, or holds markup.
 */
export function checkLinkedFile(files: CourseFiles, href: string, fromFile: string, image: boolean): CheckedFile | null {
  const resolved = resolveLink(files, href, fromFile);
  if (resolved === null) return null;
  if (!resolved.ok) return { ok: false, problem: resolved };
  if (!hasAcceptedType(linkRule(image), resolved.relPath)) return { ok: false, problem: { problem: 'wrong-type', relPath: resolved.relPath } };
  const content = checkContent(files, resolved);
  return content ? { ok: false, problem: content } : { ok: true, file: resolved };
}

export function linkRule(image: boolean): MediaRule {
  return image ? mediaRules.image : mediaRules.link;
}

/** The diagnostic of a refused file, at `loc` (where its path is written). */
export function fileDiagnostic(problem: FileProblem, loc: SourceLocation | undefined, rule: MediaRule, authorPath?: string): Diagnostic {
  switch (problem.problem) {
    case 'outside':
      return createDiagnostic('PATH_OUTSIDE_COURSE', loc, { path: authorPath ?? '', reason: problem.reason });
    case 'not-found':
      return createDiagnostic('FILE_NOT_FOUND', loc, {
        path: authorPath ?? problem.relPath,
        suggestion: problem.suggestion === undefined ? '' : `; did you mean \`${problem.suggestion}\`?`,
      });
    case 'not-a-file':
      return createDiagnostic('NOT_A_FILE', loc, { path: authorPath ?? problem.relPath, kind: problem.kind });
    case 'too-large':
      return createDiagnostic('FILE_TOO_LARGE', loc, { path: problem.relPath, ...formatSizes(problem.size, problem.limit) });
    case 'unreadable':
      return createDiagnostic('FILE_UNREADABLE', loc, { path: problem.relPath, reason: problem.reason, help: problem.help });
    case 'wrong-type':
      return createDiagnostic('UNSUPPORTED_MEDIA_TYPE', loc, {
        what: rule.what,
        path: problem.relPath,
        accepted: describeAccepted(rule),
        why: whyRefused(extensionOf(problem.relPath)),
      });
    case 'active-content':
      return createDiagnostic('ACTIVE_CONTENT', loc, { what: rule.what, path: problem.relPath });
  }
}

/** `1.2 MB`, `1 MB`, `12 bytes`: a limit reads as a round figure. */
const DIAGNOSTIC_BYTES: ByteFormat = { units: ['bytes', 'kB', 'MB', 'GB', 'TB'], digits: 'trimmed' };

/** Size and limit as file managers show them, or in bytes when they would read the same (`1 MB` and `1 MB`). */
function formatSizes(size: number, limit: number): { size: string; limit: string } {
  const shown = { size: formatBytes(size, DIAGNOSTIC_BYTES), limit: formatBytes(limit, DIAGNOSTIC_BYTES) };
  return shown.size !== shown.limit ? shown : { size: `${withThousands(size)} bytes`, limit: `${withThousands(limit)} bytes` };
}

/**
 * Opens a file of a package for reading, for the zip and the preview. A course file
 * (`courseRoot` set) passes the checks again as it is opened: still a regular file inside the
 * course, of a packaged type (it may have been swapped for a link since the course was
 * loaded); Parcours' own files must be regular files. The caller closes the handle.
 */
export async function openPackageFile(file: { absPath: string; courseRoot?: string }): Promise<OpenedCourseFile> {
  if (file.courseRoot !== undefined) return openCourseFile(file.absPath, file.courseRoot, isPackagedType);
  const handle = await fsp.open(file.absPath, 'r');
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw new Error(`\`${file.absPath}\` is not a regular file`);
  }
  return { handle, size: stats.size };
}
