/**
 * What a packaging standard's check receives and returns. Each standard (SCORM, cmi5, TinCan)
 * is one module recognising its manifest at the package root, listed in standards/index.ts.
 */
import type { Finding } from './findings.js';
import type { FileIndex } from './paths.js';
import type { PackageFile } from './source.js';
import type { XmlElement } from './xml.js';

export interface ManifestContext {
  /** The manifest's path in the package (at its root). */
  file: string;
  text: string;
  root: XmlElement;
  files: readonly PackageFile[];
  index: FileIndex;
  add(finding: Finding): void;
  /** Records package paths the manifest refers to (for the files it does not list). */
  refer(path: string): void;
}

export interface StandardSummary {
  /** "SCORM 1.2", "SCORM 2004 4th Edition", "cmi5", "xAPI (TinCan)". */
  standard: string;
  /** What the LMS opens: package paths, or absolute URLs. */
  launch: string[];
  /** The schema the manifest was checked against, and whether it passed (undefined: not checked). */
  schema?: { label: string; valid: boolean };
}

export interface PackageStandard {
  /** The manifest file name that marks a package of this standard at the root. */
  manifest: string;
  /** Check the well-formed manifest; report problems through `ctx.add`. */
  check(ctx: ManifestContext): Promise<StandardSummary>;
}

/** The FILE_MISSING findings reported at most per package; the last one counts the rest. */
export const MAX_MISSING_REPORTED = 10;
/** The schema errors reported at most per manifest. */
export const MAX_SCHEMA_ERRORS = 10;
