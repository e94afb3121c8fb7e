/**
 * One parsed YAML file of the course, keeping every node's position so that any
 * value (and any ajv error path) can be traced back to file:line:column.
 */
import { Composer, Lexer, LineCounter, Parser, YAMLParseError, isAlias, isMap, isScalar, isSeq, parseDocument, type CST, type Document, type Node, type Pair } from 'yaml';
import type { SourceLocation } from '../model/course.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic, type DiagnosticParams } from '../diagnostics/catalogue.js';
import type { NodeRef, PathSegment } from './context.js';
import { forEachNode } from './yaml-walk.js';
import { yamlProblems } from './yaml-problems.js';
import { keepParsed, readParsed, type KeptNode, type ParsedFile, type Placement } from './parse-cache.js';
import { withThousands } from '../shared/format-number.js';

export class YamlFile {
  private constructor(
    /** Relative to the course folder, POSIX separators. */
    readonly file: string,
    private readonly places: Placements,
    private readonly lines: LineCounter,
    private readonly text: string,
    /** The document as plain data; undefined when the YAML has syntax errors. */
    readonly data: unknown,
  ) {}

  /**
   * Parses `text`; mistakes become YAML_SYNTAX or YAML_INDENTATION diagnostics (and `data` is
   * undefined), as do nesting deeper than MAX_YAML_DEPTH (YAML_TOO_DEEP, found as the parser
   * reads: reading on would take seconds and hundreds of MB on a hostile file) and more aliases
   * than MAX_YAML_ALIASES (YAML_TOO_MANY_ALIASES: a few lines could expand into gigabytes).
   * A file read before without a problem comes from the parse cache (src/load/parse-cache.ts).
   */
  static parse(file: string, text: string): { yaml: YamlFile; diagnostics: Diagnostic[] } {
    const source = text.replace(/^\uFEFF/, '');
    const kept = readParsed(source);
    if (kept) return { yaml: YamlFile.fromParsed(file, source, kept), diagnostics: [] };
    const { yaml, diagnostics, parsed } = YamlFile.parseSource(file, source);
    if (parsed) keepParsed(source, parsed);
    return { yaml, diagnostics };
  }

  /** parse() without the parse cache; `parsed`: what the cache may keep (a file read without a problem, no alias). */
  static parseSource(file: string, source: string): { yaml: YamlFile; diagnostics: Diagnostic[]; parsed?: ParsedFile } {
    const lines = new LineCounter();
    const doc = parseBounded(source, lines, MAX_YAML_DEPTH);
    if (typeof doc === 'number') {
      const unread = new YamlFile(file, new DocumentPlacements(parseDocument('')), lines, source, undefined);
      return { yaml: unread, diagnostics: [createDiagnostic('YAML_TOO_DEEP', unread.locAtOffset(doc), { max: MAX_YAML_DEPTH })] };
    }
    const places = new DocumentPlacements(doc);
    const provisional = new YamlFile(file, places, lines, source, undefined);
    const diagnostics = yamlProblems(file, doc, source);
    if (diagnostics.length > 0) return { yaml: provisional, diagnostics };
    const aliases: Node[] = [];
    forEachNode(doc, (node) => void (isAlias(node) && aliases.push(node)));
    const tooMany = aliasProblem(doc, aliases);
    if (tooMany) return { yaml: provisional, diagnostics: [createDiagnostic('YAML_TOO_MANY_ALIASES', provisional.locOf(tooMany.at), tooMany.params)] };
    const data = doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COPIES });
    // A file with aliases is not kept: a node reached through an alias has no single path.
    const parsed = aliases.length > 0 ? undefined : { data, lineStarts: [...lines.lineStarts], nodes: keptNodes(doc) };
    return { yaml: new YamlFile(file, places, lines, source, data), diagnostics, parsed };
  }

  /** The file as parseSource() read it, from what it kept. */
  static fromParsed(file: string, source: string, parsed: ParsedFile): YamlFile {
    const lines = new LineCounter();
    for (const start of parsed.lineStarts) lines.addNewLine(start);
    return new YamlFile(file, new KeptPlacements(parsed.nodes), lines, source, parsed.data);
  }

  root(): NodeRef {
    return new YamlNodeRef(this, []);
  }

  locAtOffset(offset: number): SourceLocation {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /** Where the node at `path` is written (the deepest that exists, when the path goes further). */
  locate(path: readonly PathSegment[]): Placement {
    return this.places.locate(path);
  }

  /** The text of the node at `path` exactly as written (`1.0`, not the number 1). */
  sourceText(path: readonly PathSegment[]): string | undefined {
    const { range, complete } = this.locate(path);
    return complete && range ? this.text.slice(range[0], range[1]) : undefined;
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

/** Where the nodes of a document are, from the document itself (a fresh parse) or from the parse cache. */
interface Placements {
  locate(path: readonly PathSegment[]): Placement;
}

class DocumentPlacements implements Placements {
  constructor(private readonly doc: Document) {}

  /**
   * Walks `path` from the root to the deepest node that exists, and the map pair that holds it
   * when the last step was a map key; an empty value (`title:`) ends the walk at its key.
   */
  locate(path: readonly PathSegment[]): Placement {
    let node: Node | null = this.doc.contents;
    let pair: Pair | undefined;
    const place = (complete: boolean, at: Node | null): Placement => placement(at, complete ? pair : undefined, complete);
    for (const segment of path) {
      if (node && isAlias(node)) node = (node.resolve(this.doc) as Node | undefined) ?? null;
      if (isMap(node)) {
        const found = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!found) return place(false, node);
        pair = found;
        node = (found.value as Node | null) ?? null;
        if (!node) return place(true, (found.key as Node | null) ?? null);
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) return place(false, node);
        pair = undefined;
        node = item as Node;
      } else {
        return place(false, node);
      }
    }
    return place(true, node);
  }
}

/** What NodeRef needs of a node found by `locate` (`pair`: the map pair holding it, for a complete path). */
function placement(node: Node | null, pair: Pair | undefined, complete: boolean): Placement {
  const range = node?.range ? ([node.range[0], node.range[1]] as [number, number]) : undefined;
  const key = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  // An empty value (`title:`) has a zero-length range at the start of the next line: its key is the place.
  const empty = complete && pair && isScalar(node) && node.value === null && range !== undefined && range[0] === range[1];
  return { complete, at: empty && key !== undefined ? key : (range?.[0] ?? 0), range, key };
}

/** Every node of `doc` with its placement: what the parse cache keeps. */
function keptNodes(doc: Document): KeptNode[] {
  const kept: KeptNode[] = [];
  const visit = (node: Node | null, pair: Pair | undefined, parent: number, segment: string): void => {
    const index = kept.length;
    // A pair without a value ends a walk at its key (DocumentPlacements.locate).
    const end = node === null && pair !== undefined;
    const place = end ? placement((pair.key as Node | null) ?? null, pair, true) : placement(node, pair, true);
    const kind = end ? 'end' : isMap(node) ? 'map' : isSeq(node) ? 'seq' : 'scalar';
    kept.push([parent, segment, kind, place.at, place.range?.[0] ?? -1, place.range?.[1] ?? -1, place.key ?? -1, node?.range?.[0] ?? place.at]);
    if (isMap(node)) {
      for (const item of node.items) if (isScalar(item.key)) visit((item.value as Node | null) ?? null, item, index, String(item.key.value));
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node, undefined, index, String(i)));
    }
  };
  visit(doc.contents, undefined, -1, '');
  return kept;
}

class KeptPlacements implements Placements {
  /** Child node index by `${parent index}:${segment}`. */
  private readonly children = new Map<string, number>();

  constructor(private readonly nodes: KeptNode[]) {
    nodes.forEach(([parent, segment], index) => {
      const key = `${parent}:${segment}`;
      // The first of keys that read the same (`1:` and `'1':`), as a map lookup finds it.
      if (parent >= 0 && !this.children.has(key)) this.children.set(key, index);
    });
  }

  /** DocumentPlacements.locate, step for step, on the kept nodes. */
  locate(path: readonly PathSegment[]): Placement {
    let current = 0;
    for (const segment of path) {
      const [, , kind, , , , , deepest] = this.nodes[current]!;
      if (kind !== 'map' && kind !== 'seq') return { complete: false, at: deepest };
      // A list is indexed by number (`items[Number(segment)]`); a map by the key's text.
      const next = this.children.get(`${current}:${kind === 'seq' ? String(Number(segment)) : String(segment)}`);
      if (next === undefined) return { complete: false, at: deepest };
      current = next;
      if (this.nodes[current]![2] === 'end') break;
    }
    const [, , , at, start, end, key] = this.nodes[current]!;
    return { complete: true, at, range: start >= 0 ? [start, end] : undefined, key: key >= 0 ? key : undefined };
  }
}

/** Aliases (`*name`) a file may use. */
export const MAX_YAML_ALIASES = 100;
/** Copies aliases of aliases may expand into (the yaml library's own count, checked as it reads). */
export const MAX_YAML_ALIAS_COPIES = 1000;
/** Nesting levels (mappings and lists inside each other); a course file needs about ten. */
export const MAX_YAML_DEPTH = 64;

/**
 * parseDocument() (same options, same result) reading through a parser whose depth is checked
 * after each lexeme: the offset where a collection nested deeper than `max` opens, if one does.
 * Brackets and dashes inside strings do not count: the yaml library's own lexer decides.
 */
function parseBounded(source: string, lines: LineCounter, max: number): Document | number {
  const parser = new Parser(lines.addNewLine);
  // The parser's stack holds the document, then one entry per open collection (and the
  // scalar being read): a top-level mapping of scalars is 3 entries.
  const limit = max + 2;
  let tooDeep: number | undefined;
  function* tokens(): Generator<CST.Token> {
    lines.addNewLine(0); // what Parser.parse() does first
    for (const lexeme of new Lexer().lex(source)) {
      const at = parser.offset;
      yield* parser.next(lexeme);
      if (parser.stack.length > limit) {
        tooDeep = Math.min(at, source.length);
        return;
      }
    }
    yield* parser.end();
  }
  // The library's own unique-key check compares every key with every other of its mapping
  // (a 1 MB file of distinct keys took over 10 minutes); duplicateKeyErrors() does it with a Set.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  let doc: Document | undefined;
  for (const next of composer.compose(tokens(), true, source.length)) {
    if (tooDeep !== undefined) break;
    if (!doc) {
      doc = next;
    } else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  if (tooDeep !== undefined) return tooDeep;
  doc!.errors.push(...duplicateKeyErrors(doc!));
  return doc!;
}

/** The errors the library's `uniqueKeys` check gives (same code and place), in linear time. */
function duplicateKeyErrors(doc: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  forEachNode(doc, (node) => {
    if (!isMap(node)) return;
    const seen = new Set<unknown>();
    for (const { key } of node.items) {
      if (!isScalar(key)) continue;
      if (seen.has(key.value)) errors.push(new YAMLParseError([key.range![0], key.range![0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
      seen.add(key.value);
    }
  });
  return errors;
}

/** Too many alias nodes (pointing at the first one past the limit), or aliases expanding into too many copies. */
function aliasProblem(doc: Document, aliases: readonly Node[]): { at: Node; params: DiagnosticParams } | undefined {
  const limits = { max: MAX_YAML_ALIASES, copies: withThousands(MAX_YAML_ALIAS_COPIES) };
  if (aliases.length > MAX_YAML_ALIASES) {
    return { at: aliases[MAX_YAML_ALIASES]!, params: { ...limits, detail: `${aliases.length} aliases (\`*name\`), where at most ${MAX_YAML_ALIASES} are read` } };
  }
  if (aliases.length === 0) return undefined;
  try {
    doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COPIES });
    return undefined;
  } catch (error) {
    // The yaml library bounds what aliases of aliases expand into, and throws past it.
    if (!(error instanceof ReferenceError)) throw error;
    return { at: aliases[0]!, params: { ...limits, detail: `aliases (\`*name\`) of aliases that expand into more than ${limits.copies} copies` } };
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
    return this.yaml.locAtOffset(this.yaml.locate(this.path).at);
  }

  keyLoc(): SourceLocation {
    const { key, complete, at } = this.yaml.locate(this.path);
    const byKey = complete && key !== undefined && typeof this.path[this.path.length - 1] === 'string';
    return this.yaml.locAtOffset(byKey ? key : at);
  }

  at(...path: PathSegment[]): NodeRef {
    return new YamlNodeRef(this.yaml, [...this.path, ...path]);
  }

  find(text: string): SourceLocation | undefined {
    const { range, complete } = this.yaml.locate(this.path);
    return complete && range && text !== '' ? this.yaml.findIn(text, range[0], range[1]) : undefined;
  }
}
