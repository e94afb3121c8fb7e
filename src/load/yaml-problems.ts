/**
 * What is wrong with a YAML file, in an author's words. The yaml library's errors name its
 * grammar (`nested mappings are not allowed in compact mappings`) and point where the
 * parser gave up, often the line before the mistake; this turns the common ones into what
 * the author did (a line indented one space too far, a `:` inside a value, an apostrophe
 * in single quotes) at the line to change, with the fix. It also catches mistakes YAML
 * accepts but misreads: a list item indented one space too far becomes the end of the
 * item above's text (`steps/01.yaml - steps/02.yaml`).
 */
import { isAlias, isScalar, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic, type DiagnosticCode } from '../diagnostics/catalogue.js';
import { forEachNode } from './yaml-walk.js';

/** Duplicate fields reported per file: enough to fix a copy-paste, bounded for a hostile file. */
const MAX_DUPLICATES = 20;

/** Problems of one file; empty when it reads as intended. */
export function yamlProblems(file: string, doc: Document, source: string): Diagnostic[] {
  const text = new SourceText(source, doc);
  const report = (p: Problem) => createDiagnostic(p.code, { file, line: p.line + 1, column: p.column + 1 }, { detail: p.detail, help: p.help });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    // Duplicate keys are independent of each other; past any other error the parser
    // misreads what follows (one bad indent yields a dozen errors further down): the first only.
    if (problems.every((p) => p.code === 'DUPLICATE_KEY')) return problems.slice(0, MAX_DUPLICATES).map((p) => report(duplicateKey(p, text)));
    return [report(describeError(problems.reduce((first, p) => (p.pos[0] < first.pos[0] ? p : first)), text))];
  }
  return [...listItemsReadAsText(text), ...unknownAliases(doc, text)].map(report);
}

interface Problem {
  code: DiagnosticCode;
  /** 0-based. */
  line: number;
  column: number;
  detail: string;
  help: string;
}

/** One line as YAML structures it: list dashes, then a `key:` and what follows. */
interface LineShape {
  index: number;
  indent: number;
  /** Columns of the `- ` that start list items on this line. */
  dashes: number[];
  key?: { name: string; column: number };
  /** Nothing after `key:` or `-` on this line (only a comment): the lines below, indented further, belong to it. */
  opens: boolean;
  /** What the value starts with, after `key: ` or `- `. */
  value: string;
  valueColumn: number;
}

class SourceText {
  readonly lines: string[];
  private readonly starts: number[] = [0];
  /** Lines inside a multi-line value (after its first line): text, not structure. */
  private readonly inside = new Map<number, { from: number; block: boolean }>();

  constructor(
    source: string,
    readonly doc: Document,
  ) {
    this.lines = source.split('\n').map((l) => l.replace(/\r$/, ''));
    for (let i = 0; i < source.length; i++) if (source[i] === '\n') this.starts.push(i + 1);
    forEachNode(doc, (node) => {
      if (!isScalar(node) || !node.range) return;
      const first = this.lineOf(node.range[0]);
      const last = this.lineOf(Math.max(node.range[0], node.range[1] - 1));
      const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      for (let i = first + 1; i <= last; i++) if (!this.inside.has(i)) this.inside.set(i, { from: first, block });
    });
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  columnOf(offset: number): number {
    return offset - this.starts[this.lineOf(offset)]!;
  }

  isContent(index: number): boolean {
    const line = this.lines[index];
    return line !== undefined && !/^\s*(#.*)?$/.test(line);
  }

  /** The multi-line value `index` is a later line of, if any. */
  insideValue(index: number): { from: number; block: boolean } | undefined {
    return this.inside.get(index);
  }

  /** Linear in the line's length, whatever it holds (a hostile file may have megabyte lines). */
  shape(index: number): LineShape {
    const line = this.lines[index] ?? '';
    const indent = /^ */.exec(line)![0].length;
    const dashes: number[] = [];
    let at = indent;
    const dash = /-(?: +|$)/y;
    dash.lastIndex = at;
    while (dash.test(line)) {
      dashes.push(at);
      at = dash.lastIndex;
    }
    const rest = line.slice(at);
    const colon = rest.search(/:(?=\s|$)/);
    const written = colon > 0 ? rest.slice(0, colon).trimEnd() : '';
    const isKey = /^"[^"]*"$|^'[^']*'$/.test(written) || (written !== '' && !/^[\s#'"?,[\]{}]/.test(written) && !/\s#/.test(written));
    const value = isKey ? rest.slice(colon + 1).trimStart() : rest;
    return {
      index,
      indent,
      dashes,
      ...(isKey && { key: { name: written.replace(/^["']|["']$/g, ''), column: at } }),
      opens: /^(#.*)?$/.test(value) && (isKey || dashes.length > 0),
      value: withoutComment(value),
      valueColumn: line.length - value.length,
    };
  }

  offsetOf(line: number, column: number): number {
    return (this.starts[line] ?? 0) + column;
  }
}

// ----- Parser errors -----

function describeError(error: YAMLError, text: SourceText): Problem {
  const offset = error.pos[0];
  const line = text.lineOf(offset);
  const column = text.columnOf(offset);
  const shape = text.shape(line);
  const rest = (text.lines[line] ?? '').slice(column);
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return {
        code: 'YAML_INDENTATION',
        line,
        column,
        detail: 'This line is indented with a tab; YAML indents with spaces only',
        help: 'Replace the tab with spaces, as many as the lines it lines up with (most editors insert spaces for Tab once told to).',
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      if (error.message.startsWith('A block sequence')) return indentation(line, text) ?? unreadable(error, text);
      return compactValue(error, text, line, column, shape, rest);
    case 'MISSING_CHAR':
      if (error.message.startsWith('Sequence item without')) return indentation(line, text) ?? unreadable(error, text);
      if (/^Missing closing ["']/.test(error.message)) return unclosedQuote(error, text);
      if (/^Missing closing [\]}]/.test(error.message)) return unclosedBrackets(error, text);
      if (error.message.startsWith('Implicit map keys need to be followed')) {
        // Text with no `field:`: it may end a `|` block by mistake; its indentation says nothing else.
        return (shape.key || shape.dashes.length > 0 ? indentation(line, text) : endsBlockText(line, text)) ?? strayText(line, shape);
      }
      return unreadable(error, text);
    case 'BAD_INDENT':
      if (/^Flow /.test(error.message)) return unclosedBrackets(error, text);
      return indentation(line, text) ?? unreadable(error, text);
    case 'BAD_SCALAR_START':
      return {
        code: 'YAML_SYNTAX',
        line,
        column,
        detail: `A value cannot start with ${character(rest[0] ?? '')} unless it is in quotes`,
        help: quoteHelp(shape),
      };
    case 'UNEXPECTED_TOKEN':
      if (error.message.includes('block-seq-ind on same line')) {
        return {
          code: 'YAML_SYNTAX',
          line,
          column,
          detail: `A list cannot start on the same line as \`${shape.key?.name ?? ''}:\``,
          help: `Put each item on a line of its own below \`${shape.key?.name ?? ''}:\`, indented and starting with \`- \`; if the \`-\` is part of the text, put the text in quotes.`,
        };
      }
      // `title: "Say "hello" now"`: after the value's closing quote comes text, a quoted text, `[` or `{`.
      if (/^Unexpected [\w-]+ at node end/.test(error.message)) return textAfterValue(text, line, column, shape);
      return unreadable(error, text);
    case 'MULTIPLE_DOCS':
      return {
        code: 'YAML_SYNTAX',
        line,
        column,
        detail: 'A line `---` starts a second document here; a course file holds one',
        help: 'Remove the `---` line, or, if what follows belongs in another file, move it there.',
      };
    default:
      return unreadable(error, text);
  }
}

/**
 * The parser found a `key: value` or a list item where a value was being read on one line:
 * a `: ` inside the value, a missing space after a colon, or a line indented further than a
 * line that already has its value (YAML then reads it as more of that value).
 */
function compactValue(error: YAMLError, text: SourceText, line: number, column: number, shape: LineShape, rest: string): Problem {
  const valueHasColon = /:(\s|$)/.test(withoutComment(rest));
  if (valueHasColon && column > shape.indent) {
    return {
      code: 'YAML_SYNTAX',
      line,
      column,
      detail: `${shape.key ? `The value of \`${shape.key.name}\`` : 'This value'} contains \`: \`, which YAML reads as the start of another field`,
      help: quoteHelp(shape),
    };
  }
  const glued = /^([^\s:#'"]+):(\S.*)$/.exec(rest);
  if (glued && column === text.shape(line).indent + text.shape(line).dashes.length * 2) {
    return {
      code: 'YAML_SYNTAX',
      line,
      column,
      detail: `\`${glued[1]}:${shortText(glued[2]!)}\` needs a space after the colon to be read as the field \`${glued[1]}\``,
      help: `Write \`${glued[1]}: ${shortText(glued[2]!)}\`.`,
    };
  }
  // The value started here runs on to the next line: that line is the mistake.
  let next = line + 1;
  while (next < text.lines.length && !text.isContent(next)) next++;
  if (!valueHasColon && column === shape.valueColumn && column > shape.indent && next < text.lines.length) {
    const indented = indentation(next, text, { shape });
    if (indented) return indented;
  }
  if (column === text.shape(line).indent && !/:/.test(rest)) return strayText(line, shape);
  return unreadable(error, text);
}

function strayText(line: number, shape: LineShape): Problem {
  return {
    code: 'YAML_SYNTAX',
    line,
    column: shape.indent,
    detail: 'This line has no `field:` in front of its text, so YAML cannot tell what it belongs to',
    help: 'Write it as `field: value`; if it continues the text of the line above, indent it like that text, or write that text as a block under `field: |`.',
  };
}

/** `title: "a" b`, `title: 'It's'`, `title: [Draft] text`, `title: *Important* text`: text after the value ended. */
function textAfterValue(text: SourceText, line: number, column: number, shape: LineShape): Problem {
  const start = shape.value[0] ?? '';
  const field = shape.key ? `the value of \`${shape.key.name}\`` : 'this value';
  if (start === "'" && /^'[^']*'[A-Za-zÀ-ÿ]/.test(shape.value)) {
    return {
      code: 'YAML_SYNTAX',
      line,
      column: column - 1,
      detail: `This apostrophe ends ${field}, which starts with a single quote`,
      help: `Inside single quotes write an apostrophe twice (\`'${shortText(shape.value.slice(1, -1)).replace(/'/g, "''")}'\`), or put the text in double quotes: ${quoted(shape, shape.value.slice(1, -1))}.`,
    };
  }
  if (start === '"' && shape.value.length > 1 && shape.value.endsWith('"')) {
    // Double quotes inside a double-quoted text: the first inner one ends it.
    const inner = shortText(shape.value.slice(1, -1));
    const prefix = shape.key ? `${shape.key.name}: ` : shape.dashes.length > 0 ? '- ' : '';
    return {
      code: 'YAML_SYNTAX',
      line,
      column: (text.lines[line] ?? '').lastIndexOf('"', column - 1),
      detail: `This \`"\` ends ${field}, which starts with a double quote, so the rest of the line cannot be read`,
      help: `Put a text holding double quotes in single quotes (\`${prefix}'${inner.replace(/\\"/g, '"').replace(/'/g, "''")}'\`), or write each \`"\` inside it as \`\\"\` (\`${prefix}"${inner.replace(/(?<=(?:^|[^\\])(?:\\\\)*)"/g, '\\"')}"\`).`,
    };
  }
  if (start === '"' || start === "'") {
    return { code: 'YAML_SYNTAX', line, column, detail: `This text comes after the closing quote of ${field}`, help: quoteHelp(shape) };
  }
  const read = start === '[' ? 'a list' : start === '{' ? 'a mapping' : start === '*' ? 'a reference to another part of the file' : 'markup';
  return {
    code: 'YAML_SYNTAX',
    line,
    column: shape.valueColumn,
    detail: `A value starting with \`${start}\` is read by YAML as ${read}, not as text`,
    help: quoteHelp(shape),
  };
}

function unclosedQuote(error: YAMLError, text: SourceText): Problem {
  // The parser notices the missing quote where the file or the next key starts; the string opens earlier.
  const opening = openingBefore(error.pos[0], text.doc, (node) => isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'));
  const offset = opening ?? error.pos[0];
  const quote = error.message.includes('"') ? '"' : "'";
  return {
    code: 'YAML_SYNTAX',
    line: text.lineOf(offset),
    column: text.columnOf(offset),
    detail: `This \`${quote}\` opens a text that is never closed, so YAML reads on to the end of the file`,
    help:
      quote === '"'
        ? 'End the text with `"` on the same line; to write a `"` inside it, write `\\"` or put the text in single quotes.'
        : "End the text with `'` on the same line; to write an apostrophe inside it, write it twice (`''`) or put the text in double quotes.",
  };
}

function unclosedBrackets(error: YAMLError, text: SourceText): Problem {
  const opening = openingBefore(error.pos[0], text.doc, (node) => (node as { flow?: boolean }).flow === true);
  const offset = opening ?? error.pos[0];
  const line = text.lineOf(offset);
  const column = text.columnOf(offset);
  const bracket = text.lines[line]?.[column] === '{' ? '{' : '[';
  return {
    code: 'YAML_SYNTAX',
    line,
    column,
    detail: `This \`${bracket}\` starts a ${bracket === '[' ? 'list' : 'mapping'} written on one line, which is never closed with \`${bracket === '[' ? ']' : '}'}\``,
    help: `Close it on the same line; if the value is text that starts with \`${bracket}\`, put it in quotes: ${quoted(text.shape(line), text.shape(line).value)}.`,
  };
}

/** The start of the innermost node matching `open` that starts before `offset` and runs up to it. */
function openingBefore(offset: number, doc: Document, open: (node: Node) => boolean): number | undefined {
  let opening: number | undefined;
  const check = (node: Node) => {
    const range = node.range;
    if (open(node) && range && range[0] < offset && range[1] >= offset && (opening ?? -1) < range[0]) opening = range[0];
  };
  forEachNode(doc, (node) => void (!isAlias(node) && check(node)));
  return opening;
}

function duplicateKey(error: YAMLError, text: SourceText): Problem {
  const line = text.lineOf(error.pos[0]);
  const shape = text.shape(line);
  const name = shape.key?.name ?? '';
  // The earliest copy in the same mapping: up to the line that opens it (indented less).
  let first: number | undefined;
  for (let i = line - 1; i >= 0; i--) {
    if (!text.isContent(i) || text.insideValue(i)) continue;
    const above = text.shape(i);
    if (above.key?.column === shape.key?.column && above.key?.name === name) first = i;
    else if ((above.key?.column ?? above.dashes.at(-1) ?? above.indent) < (shape.key?.column ?? 0)) break;
  }
  return {
    code: 'YAML_SYNTAX',
    line,
    column: shape.key?.column ?? text.columnOf(error.pos[0]),
    detail: `\`${name}\` is written twice in the same mapping${first === undefined ? '' : ` (first on line ${first + 1})`}`,
    help: 'Keep one of them. If this line starts a new entry of a list, begin it with `- `, like the entries above.',
  };
}

function unreadable(error: YAMLError, text: SourceText): Problem {
  const offset = error.pos[0];
  const line = text.lineOf(offset);
  const shape = text.shape(line);
  const column = text.columnOf(offset);
  return {
    code: 'YAML_SYNTAX',
    line,
    column: column < shape.indent ? shape.indent : column,
    detail: `YAML cannot read this line (${error.message.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase())})`,
    help: 'Check the indentation (spaces, not tabs) and the quotes of this line and the one above; a value containing `: ` or starting with a special character needs quotes.',
  };
}

// ----- Indentation -----

/** A column a line may start at, given the lines above: a field of an open mapping, or an item of an open list. */
interface Place {
  column: number;
  line: number;
  kind: 'key' | 'item';
  label: string;
  opens: boolean;
  hasValue: boolean;
}

/**
 * Says how line `index` is indented against the lines above when its indentation matches
 * none of the places it could belong, or undefined when it matches one (then the problem
 * is something else). `continuing`: the line YAML reads it as the continuation of.
 */
function indentation(index: number, text: SourceText, continuing?: Continuing): Problem | undefined {
  const shape = text.shape(index);
  const n = shape.indent;
  const isItem = shape.dashes.length > 0 && shape.dashes[0] === n;

  const endsText = endsBlockText(index, text);
  if (endsText) return endsText;
  if (!shape.key && !isItem && !continuing) return strayText(index, shape);

  const places = placesAbove(index, text);
  const previous = places[0];
  if (previous?.opens && n > previous.column) return undefined; // the start of what the line above opens
  const fits = places.some((p) => p.column === n && (isItem ? p.kind === 'item' || p.opens : p.kind === 'key'));
  if (fits && !continuing) return undefined;

  const relevant = places.filter((p) => (isItem && places.some((q) => q.kind === 'item') ? p.kind === 'item' : p.kind === 'key'));
  const deeper = nearest(relevant.filter((p) => p.column > n), (a, b) => a.column - b.column);
  const shallower = nearest(relevant.filter((p) => p.column < n), (a, b) => b.column - a.column);
  const where = { code: 'YAML_INDENTATION' as const, line: index, column: n };
  const consequence = continuing ? readAsValue(continuing) : '';

  if (isItem && relevant.some((p) => p.kind === 'item')) {
    const sibling = [deeper, shallower].filter((p): p is Place => p !== undefined).sort((a, b) => Math.abs(a.column - n) - Math.abs(b.column - n) || b.line - a.line)[0]!;
    const than = sibling.line === previousContent(index, text) ? 'the item above it' : `the item ${sibling.label} on line ${sibling.line + 1}`;
    return {
      ...where,
      detail: `This list item is indented ${sibling.column > n ? 'less' : 'more'} than ${than} (${spaces(n)}, not ${sibling.column})${consequence}`,
      help: `Items of one list start at the same column: indent this \`-\` ${spaces(sibling.column)}, like line ${sibling.line + 1}.`,
    };
  }
  if (deeper && shallower) {
    return {
      ...where,
      detail: `This line is indented ${spaces(n)}: less than ${deeper.label} on line ${deeper.line + 1} (${deeper.column}) and more than ${shallower.label} on line ${shallower.line + 1} (${shallower.column})${consequence}`,
      help: `Fields of one mapping start at the same column: indent it ${spaces(deeper.column)} if it belongs with ${deeper.label}, or ${spaces(shallower.column)} if it belongs with ${shallower.label}.`,
    };
  }
  if (shallower) {
    const opensHint = shallower.hasValue
      ? ` Lines indented further belong to a field with nothing after its colon (like \`activities:\`), or continue a text written as a block under \`field: |\`.`
      : '';
    return {
      ...where,
      detail: `This line is indented more than ${shallower.label} on line ${shallower.line + 1} (${spaces(n)}, not ${shallower.column})${consequence}`,
      help: `Indent it ${spaces(shallower.column)}, like ${shallower.label}, if it is a field of its own.${opensHint}`,
    };
  }
  if (deeper) {
    return {
      ...where,
      detail: `This line is indented less than ${deeper.label} on line ${deeper.line + 1} (${spaces(n)}, not ${deeper.column})${consequence}`,
      help: `Indent it ${spaces(deeper.column)}, like ${deeper.label}, if it belongs with it.`,
    };
  }
  return undefined;
}

/** A line indented less than the `|` block of text above it, which it was meant to continue: it ends the text instead. */
function endsBlockText(index: number, text: SourceText): Problem | undefined {
  const n = text.shape(index).indent;
  let above = index - 1;
  while (above >= 0 && !text.isContent(above)) above--;
  const block = above >= 0 ? text.insideValue(above) : undefined;
  if (!block?.block) return undefined;
  const textIndent = text.shape(above).indent;
  const owner = text.shape(block.from);
  if (n >= textIndent || n <= Math.min(owner.indent, owner.key?.column ?? owner.indent)) return undefined;
  return {
    code: 'YAML_INDENTATION',
    line: index,
    column: n,
    detail: `This line is indented less than the text above it (${spaces(n)}, not ${textIndent}), so the text under ${labelOf(owner)} on line ${block.from + 1} ends on line ${above + 1}`,
    help: `Indent every line of that text at least ${spaces(textIndent)}, like line ${above + 1}.`,
  };
}

/** The line a misindented line is read as more of, and that value as YAML reads it when known. */
interface Continuing {
  shape: LineShape;
  value?: string;
}

/** ", so YAML reads it as part of the value of `id`" */
function readAsValue({ shape, value }: Continuing): string {
  if (shape.key) return `, so YAML reads it as part of the value of \`${shape.key.name}\``;
  return `, so YAML reads it as the end of that item's text${value === undefined ? '' : `: \`${shortText(value, 60)}\``}`;
}

/**
 * The places open at line `index`, nearest first: walking up, each line indented less than
 * every line between it and `index` is one that `index` could continue (its key, its list
 * items). Lines inside multi-line values are text, not structure.
 */
function placesAbove(index: number, text: SourceText): Place[] {
  const places: Place[] = [];
  let limit = Infinity;
  for (let i = index - 1; i >= 0 && limit > 0; i--) {
    if (!text.isContent(i) || text.insideValue(i)) continue;
    const shape = text.shape(i);
    if (shape.indent >= limit) continue;
    const hasValue = shape.value !== '';
    if (shape.key && shape.key.column < limit) {
      places.push({ column: shape.key.column, line: i, kind: 'key', label: `\`${shape.key.name}:\``, opens: shape.opens, hasValue });
    }
    shape.dashes
      .filter((column) => column < limit)
      .reverse()
      .forEach((column, k) => {
        const innermost = k === 0;
        places.push({
          column,
          line: i,
          kind: 'item',
          label: `\`${shortText((text.lines[i] ?? '').slice(column))}\``,
          opens: innermost && !shape.key && shape.opens,
          hasValue: innermost && !shape.key && hasValue,
        });
      });
    limit = shape.indent;
  }
  return places;
}

function previousContent(index: number, text: SourceText): number {
  let i = index - 1;
  while (i >= 0 && (!text.isContent(i) || text.insideValue(i))) i--;
  return i;
}

function nearest(places: Place[], order: (a: Place, b: Place) => number): Place | undefined {
  return [...places].sort((a, b) => order(a, b) || b.line - a.line)[0];
}

// ----- Valid YAML, misread -----

/**
 * A list item indented further than the one above is, for YAML, more text of that item
 * (`- steps/01.yaml` then `   - steps/02.yaml` make one item `steps/01.yaml - steps/02.yaml`),
 * and the loader would then look for a file of that name. A line of a plain value that
 * starts with `- ` is almost always that mistake.
 */
function listItemsReadAsText(text: SourceText): Problem[] {
  const problems: Problem[] = [];
  forEachNode(text.doc, (node) => {
    if (!isScalar(node) || node.type !== 'PLAIN' || !node.range) return true;
    const first = text.lineOf(node.range[0]);
    const last = text.lineOf(Math.max(node.range[0], node.range[1] - 1));
    for (let i = first + 1; i <= last; i++) {
      if (!/^\s*-(\s|$)/.test(text.lines[i] ?? '')) continue;
      const found = indentation(i, text, { shape: text.shape(first), value: String(node.value) });
      if (!found) return true;
      problems.push(found);
      return false; // the first is enough: the file is not read further
    }
    return true;
  });
  return problems;
}

/**
 * `title: *Important* words` is Markdown emphasis to the author, and to YAML a reference
 * (alias) to a value named `Important*` elsewhere in the file, which does not exist.
 */
function unknownAliases(doc: Document, text: SourceText): Problem[] {
  // An alias names an anchor (`&name`) set before it: one pass in document order, whatever the count.
  const anchors = new Set<string>();
  let unknown: Node | undefined;
  forEachNode(doc, (node) => {
    if (isAlias(node)) {
      if (anchors.has(node.source)) return true;
      unknown = node;
      return false;
    }
    if (node.anchor) anchors.add(node.anchor);
    return true;
  });
  if (!unknown?.range) return [];
  const line = text.lineOf(unknown.range[0]);
  return [
    {
      code: 'YAML_SYNTAX',
      line,
      column: text.columnOf(unknown.range[0]),
      detail: 'A value starting with `*` is read by YAML as a reference to another part of the file, not as text',
      help: quoteHelp(text.shape(line)),
    },
  ];
}

// ----- Words -----

/** `text` without a trailing `# comment` (found in one pass: lines may be long). */
function withoutComment(text: string): string {
  const hash = text.search(/(?:^|[ \t])#/);
  return (hash === -1 ? text : text.slice(0, hash)).trimEnd();
}

function spaces(n: number): string {
  return n === 1 ? '1 space' : `${n} spaces`;
}

function labelOf(shape: LineShape): string {
  return shape.key ? `\`${shape.key.name}:\`` : `\`${shortText(shape.value)}\``;
}

function shortText(text: string, max = 30): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/** `title: "Watch: this first"`: the line with its value in quotes (single ones when it holds `"`). */
function quoted(shape: LineShape, value: string): string {
  const shown = shortText(value);
  const inner = shown.includes('"') && !shown.includes("'") ? `'${shown}'` : `"${shown.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const prefix = shape.key ? `${shape.key.name}: ` : shape.dashes.length > 0 ? '- ' : '';
  return `\`${prefix}${inner}\``;
}

function quoteHelp(shape: LineShape): string {
  return `Put the whole value in quotes: ${quoted(shape, shape.value)}.`;
}

/** A character as the author would name it: `@`, or a backtick (which cannot sit between backticks). */
function character(c: string): string {
  return c === '`' ? 'a backtick (`)' : `\`${c}\``;
}
