/**
 * What the activity and question modules get from the loader while they turn validated
 * YAML into the model: positions, Markdown and file resolution, and a place to report.
 */
import type { AssetRef, Language, MarkdownText, SourceLocation } from '../model/course.js';
import type { DiagnosticCode, DiagnosticParams } from '../diagnostics/catalogue.js';
import type { MediaCategory } from './media.js';

export type PathSegment = string | number;

/** A node of a YAML file, by its path from the document root. */
export interface NodeRef {
  readonly file: string;
  readonly path: readonly PathSegment[];
  /** Where the node's value starts (for an empty value, where its key is). */
  loc(): SourceLocation;
  /** Where the node's key is written; the value's place for list items and the root. */
  keyLoc(): SourceLocation;
  /** A child by field name or list index. A child that is not written resolves to its nearest written ancestor. */
  at(...path: PathSegment[]): NodeRef;
  /** Where `text` is first written inside this node's value (a link inside inline Markdown), if it is written as is. */
  find(text: string): SourceLocation | undefined;
}

/** Markdown as written in YAML: inline text or a reference to a .md file. */
export type MarkdownInput = string | { file: string };

export interface LoadContext {
  /** The course language (for default labels), `fr` when course.yaml does not give a valid one. */
  readonly language: Language;
  /** The course's passing score, the default of every quiz's. */
  readonly passingScore: number;
  report(code: DiagnosticCode, loc: SourceLocation | undefined, params?: DiagnosticParams): void;
  /** Reads `{ file }` Markdown (checking the path) or wraps inline text; `node` is where it is written. */
  markdown(value: MarkdownInput, node: NodeRef): MarkdownText;
  /**
   * Checks a file path (inside the folder, exists, of an accepted type for `category`) and
   * returns its reference. Problems are reported; the reference is returned anyway so the
   * caller can carry on (the loader drops the course when anything was reported).
   */
  asset(path: string, node: NodeRef, category: MediaCategory): AssetRef;
}
