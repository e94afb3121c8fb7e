/**
 * One parsed YAML file of the course, keeping every node's position so that any
 * value (and any ajv error path) can be traced back to file:line:column.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { SourceLocation } from '../model/course.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { NodeRef, PathSegment } from './context.js';
import { yamlProblems } from './yaml-problems.js';

export class YamlFile {
  private constructor(
    /** Relative to the course folder, POSIX separators. */
    readonly file: string,
    readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly text: string,
    /** The document as plain data; undefined when the YAML has syntax errors. */
    readonly data: unknown,
  ) {}

  /** Parses `text`; mistakes become YAML_SYNTAX or YAML_INDENTATION diagnostics (and `data` is undefined). */
  static parse(file: string, text: string): { yaml: YamlFile; diagnostics: Diagnostic[] } {
    const lines = new LineCounter();
    const source = text.replace(/^\uFEFF/, '');
    const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const provisional = new YamlFile(file, doc, lines, source, undefined);
    const diagnostics = yamlProblems(file, doc, source);
    if (diagnostics.length > 0) return { yaml: provisional, diagnostics };
    // Aliases are legal YAML; bound their expansion so a hostile file cannot blow up memory.
    return { yaml: new YamlFile(file, doc, lines, source, doc.toJS({ maxAliasCount: 100 })), diagnostics };
  }

  root(): NodeRef {
    return new YamlNodeRef(this, []);
  }

  locAtOffset(offset: number): SourceLocation {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /**
   * Walks `path` from the root. Returns the deepest node that exists, and the map pair
   * that holds it when the last step was a map key.
   */
  resolve(path: readonly PathSegment[]): { node: Node | null; pair?: Pair; complete: boolean } {
    let node: Node | null = this.doc.contents;
    let pair: Pair | undefined;
    for (const segment of path) {
      if (node && isAlias(node)) node = (node.resolve(this.doc) as Node | undefined) ?? null;
      if (isMap(node)) {
        const found = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!found) return { node, pair, complete: false };
        pair = found;
        node = (found.value as Node | null) ?? null;
        if (!node) return { node: (found.key as Node | null) ?? null, pair, complete: true };
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) return { node, pair, complete: false };
        pair = undefined;
        node = item as Node;
      } else {
        return { node, pair, complete: false };
      }
    }
    return { node, pair, complete: true };
  }

  /** The text of the node at `path` exactly as written (`1.0`, not the number 1). */
  sourceText(path: readonly PathSegment[]): string | undefined {
    const { node, complete } = this.resolve(path);
    return complete && node?.range ? this.text.slice(node.range[0], node.range[1]) : undefined;
  }

  /** Where `text` is first written between two offsets of the file. */
  findIn(text: string, start: number, end: number): SourceLocation | undefined {
    const at = this.text.indexOf(text, start);
    return at === -1 || at + text.length > end ? undefined : this.locAtOffset(at);
  }

  locOf(node: Node | null | undefined): SourceLocation {
    return this.locAtOffset(node?.range?.[0] ?? 0);
  }
}

class YamlNodeRef implements NodeRef {
  constructor(
    private readonly yaml: YamlFile,
    readonly path: readonly PathSegment[],
  ) {}

  get file(): string {
    return this.yaml.file;
  }

  loc(): SourceLocation {
    const { node, pair, complete } = this.yaml.resolve(this.path);
    // An empty value (`title:`) has a zero-length range at the start of the next line: point at its key.
    if (complete && pair && isScalar(node) && node.value === null && node.range && node.range[0] === node.range[1]) {
      return this.yaml.locOf(pair.key as Node);
    }
    return this.yaml.locOf(node);
  }

  keyLoc(): SourceLocation {
    const { pair, complete } = this.yaml.resolve(this.path);
    if (complete && pair && typeof this.path[this.path.length - 1] === 'string') {
      return this.yaml.locOf(pair.key as Node);
    }
    return this.loc();
  }

  at(...path: PathSegment[]): NodeRef {
    return new YamlNodeRef(this.yaml, [...this.path, ...path]);
  }

  find(text: string): SourceLocation | undefined {
    const { node, complete } = this.yaml.resolve(this.path);
    return complete && node?.range && text !== '' ? this.yaml.findIn(text, node.range[0], node.range[1]) : undefined;
  }
}
