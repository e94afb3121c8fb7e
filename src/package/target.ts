import type { Course } from '../model/course.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { AnswerFormat, LmsPlayer, ReportStatusAs } from '../shared/course-data.js';

/** One file of a package: read from disk (streamed into the zip) or generated in memory. */
export type PackageFile =
  | {
      path: string;
      kind: 'file';
      absPath: string;
      size: number;
      /** Set for the course's own files: the course folder they must stay in, checked again when opened. */
      courseRoot?: string;
    }
  | { path: string; kind: 'data'; data: Buffer };

/** Options a target may read. Defaults live in src/options.ts. */
export interface BuildOptions {
  outDir: string;
  /** Write `adlcp:masteryscore` (SCORM) / `masteryScore` (cmi5) from the course's passing score. */
  masteryScore: boolean;
  /** cmi5: one AU per step in cmi5.xml (`index.html?step=<id>`) instead of one AU for the course. */
  cmi5AuPerStep?: boolean;
  /** SCORM 2004: one SCO per step (`index.html?step=<id>`) under simple sequencing instead of one SCO for the course. */
  scorm2004ScoPerStep?: boolean;
  /** LMS preset (src/presets.ts) filling what flags and course.yaml leave out; default `generic`. */
  lms?: string;
  /** Status pair for single-status LMSs (SCORM 1.2); overrides course.yaml. Always set once resolved. */
  reportStatusAs?: ReportStatusAs;
  /**
   * Where `reportStatusAs` came from, set by resolveBuildOptions: a flag (or a `build()` field),
   * course.yaml, the LMS preset or the default. A check it causes points there.
   */
  reportStatusAsFrom?: 'given' | 'course' | 'preset' | 'default';
  /**
   * SCORM 1.2: send the course score while the course is in progress. Only without a mastery
   * score in the manifest (resolved as `!masteryScore`; true with false is a usage mistake).
   */
  runningScore?: boolean;
  /** SCORM 1.2: how answers read in the LMS's reports (`readable`: ids and true/false words). */
  answerFormat?: AnswerFormat;
  /** The LMS player the page adapts to, from the LMS preset (not a flag). */
  lmsPlayer?: LmsPlayer;
}

/**
 * One packaging standard (scorm12, xapi, cmi5, ...). Adding a target means adding one
 * module that implements this and listing it in src/package/targets.ts; nothing else changes.
 */
export interface Target {
  name: string;
  /** One line for `--help`. */
  description: string;
  /** Runtime entry (relative to src/runtime/entries) bundled into this target's packages. */
  runtimeEntry: string;
  /** Characters the LMS keeps for the learner state, checked at build time (SCORM 1.2: 4096). */
  maxStateLength: number;
  /**
   * Extra checks this standard needs on the course (e.g. identifier rules); report into
   * `diagnostics`. Runs before rendering; an error stops the build.
   */
  check?(course: Course, diagnostics: DiagnosticBag, options: BuildOptions): void;
  /**
   * Return the package's files: the rendered pages passed in, plus the standard's
   * manifest and anything it needs beside it (schemas).
   */
  package(course: Course, pages: PackageFile[], options: BuildOptions): Promise<PackageFile[]>;
}
