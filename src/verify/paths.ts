/**
 * The paths of a package: what an LMS's unzip makes of each name (backslashes, `..`, absolute
 * paths, duplicates, case clashes, junk, blocked types), and how a manifest's `href` finds a file.
 */
import { createFinding, type Finding } from './findings.js';
import type { PackageFile } from './source.js';

/** File types LMSs and their virus scanners refuse in uploaded packages, by extension. */
const BLOCKED_TYPES = new Map<string, string>([
  ...['exe', 'msi', 'com', 'scr', 'pif', 'dll', 'cpl', 'sys'].map((ext): [string, string] => [ext, 'a Windows program']),
  ...['bat', 'cmd', 'vbs', 'vbe', 'ps1', 'wsf', 'sh', 'jar'].map((ext): [string, string] => [ext, 'a script the system runs']),
  ...['php', 'phtml', 'phar', 'asp', 'aspx', 'jsp', 'cgi'].map((ext): [string, string] => [ext, 'a server-side script']),
  ...['dmg', 'app', 'apk'].map((ext): [string, string] => [ext, 'an application installer']),
]);

/** Files an operating system or a tool leaves in a folder, that mean nothing to an LMS. */
function isJunk(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return (
    name.startsWith('__MACOSX/') ||
    /(^|\/)\.git\//.test(name) ||
    base === '.DS_Store' ||
    base.startsWith('._') ||
    base.toLowerCase() === 'thumbs.db' ||
    base.toLowerCase() === 'desktop.ini'
  );
}

/** Why an entry name points outside the package folder, or undefined. */
function unsafePathProblem(name: string): string | undefined {
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(slashed)) return 'starts with a drive letter';
  if (slashed.split('/').includes('..')) return 'climbs out of the package with `..`';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'contains a control character';
  return undefined;
}

/** Findings about the names of the package's files (zip and folder alike). */
export function checkNames(files: readonly PackageFile[]): Finding[] {
  const findings: Finding[] = [];
  const counts = new Map<string, number>();
  for (const { name } of files) counts.set(name, (counts.get(name) ?? 0) + 1);

  const folded = new Map<string, string>();
  const junk: string[] = [];
  for (const [name, count] of counts) {
    if (name.includes('\\')) findings.push(createFinding('ZIP_ENTRY_BACKSLASH', { name }));
    const problem = unsafePathProblem(name);
    if (problem) findings.push(createFinding('ZIP_ENTRY_UNSAFE_PATH', { name, problem }));
    if (count > 1) findings.push(createFinding('ZIP_ENTRY_DUPLICATE', { name, count }));
    const key = name.toLowerCase();
    const other = folded.get(key);
    if (other !== undefined) findings.push(createFinding('ZIP_ENTRY_CASE_CLASH', { name, other }));
    else folded.set(key, name);
    if (isJunk(name)) {
      junk.push(name);
      continue;
    }
    const ext = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase();
    const what = ext === undefined ? undefined : BLOCKED_TYPES.get(ext);
    if (what) findings.push(createFinding('FILE_TYPE_BLOCKED', { name, what }));
  }
  if (junk.length > 0) findings.push(createFinding('FILE_JUNK', { count: junk.length, examples: examples(junk) }));
  return findings;
}

/** `a`, `b`, `c` and 4 more */
export function examples(names: readonly string[], shown = 3): string {
  const quoted = names.slice(0, shown).map((n) => `\`${n}\``);
  return names.length > shown ? `${quoted.join(', ')} and ${names.length - shown} more` : quoted.join(', ');
}

/**
 * The package path an `href` names, relative to `base` (a folder path ending in `/`, or ''):
 * query and fragment dropped, %-escapes decoded, `.` and `..` resolved. Undefined for an
 * absolute URL or a path that leaves the package.
 */
export function resolveHref(href: string, base = ''): string | undefined {
  const bare = href.trim().replace(/[?#].*$/s, '');
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(bare) || bare.startsWith('//') || bare.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    decoded = bare;
  }
  const parts: string[] = [];
  for (const part of (base + decoded).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** Whether `href` is an absolute URL (served from elsewhere, not from the package). */
export function isAbsoluteUrl(href: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(href.trim()) || href.trim().startsWith('//');
}

/** Looks files up by path, and says when only the case differs. */
export class FileIndex {
  private readonly exact = new Set<string>();
  private readonly folded = new Map<string, string>();

  constructor(files: readonly PackageFile[]) {
    for (const { name } of files) {
      this.exact.add(name);
      if (!this.folded.has(name.toLowerCase())) this.folded.set(name.toLowerCase(), name);
    }
  }

  has(name: string): boolean {
    return this.exact.has(name);
  }

  /** The file whose name differs from `name` only in case, if any. */
  caseVariant(name: string): string | undefined {
    return this.folded.get(name.toLowerCase());
  }
}
