/**
 * How deeply a Markdown text nests, read before any Markdown parser sees the text: the parser
 * recurses once per level, so 20,000 nested `>` overflow its stack, 1,000 nested list levels
 * take tens of seconds, and so do a few hundred emphasis marks inside each other. Both counts
 * are upper bounds of the parser's depth:
 * - blocks: each `>` and each list marker (`-`, `+`, `*`, `1.`, `1)`) opening a line is a level,
 *   and so is every two columns of indentation (a nested list item's content is indented at
 *   least two columns more than its parent's);
 * - inline: emphasis (`*`, `_`, `~`) and link brackets (`[`), counted where one closes: the
 *   marks opened before it in the paragraph and not yet closed, itself included.
 * Lines inside a fenced code block (``` or ~~~ at the margin), code spans and escaped marks do
 * not count.
 */
import { createDiagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MarkdownText, SourceLocation } from '../model/course.js';

/** Levels a Markdown text may nest; real course text uses a handful. */
export const MAX_MARKDOWN_NESTING = 50;

export interface TooDeep {
  /** 0-based line of the text. */
  line: number;
  depth: number;
  /** Quotes and lists (`block`), or emphasis and links (`inline`). */
  kind: 'block' | 'inline';
}

/** The first line nested deeper than `max`, or undefined when none is. */
export function tooDeepMarkdown(source: string, max = MAX_MARKDOWN_NESTING): TooDeep | undefined {
  const lines = source.split(/\r\n|\r|\n/);
  const inline = new InlineMarks();
  let fence: { char: string; length: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (fenceMark && fenceMark[1]![0] === fence.char && fenceMark[1]!.length >= fence.length && fenceMark[2]!.trim() === '') fence = undefined;
      continue;
    }
    if (fenceMark && !(fenceMark[1]![0] === '`' && fenceMark[2]!.includes('`'))) {
      fence = { char: fenceMark[1]![0]!, length: fenceMark[1]!.length };
      inline.reset();
      continue;
    }
    if (line.trim() === '') {
      inline.reset(); // a blank line ends the paragraph: its marks can no longer close
      continue;
    }
    const depth = blockDepth(line);
    if (depth > max) return { line: i, depth, kind: 'block' };
    const inlineDepth = inline.read(line);
    if (inlineDepth > max) return { line: i, depth: inlineDepth, kind: 'inline' };
  }
  return undefined;
}

/**
 * MARKDOWN_TOO_DEEP for a text nested past the limit (at its line in a Markdown file, at the
 * field for a text written in YAML); the loader reports it for `validate`, render refuses it.
 */
export function markdownDepthProblem(text: MarkdownText): Diagnostic | undefined {
  const tooDeep = tooDeepMarkdown(text.source);
  if (!tooDeep) return undefined;
  const what = tooDeep.kind === 'block' ? 'quotes or lists' : 'emphasis or links';
  const detail = `line ${tooDeep.line + 1} of the text nests ${what} about ${tooDeep.depth} levels deep; at most ${MAX_MARKDOWN_NESTING} are read`;
  return createDiagnostic('MARKDOWN_TOO_DEEP', lineOf(text, tooDeep.line), { detail, max: MAX_MARKDOWN_NESTING });
}

/** Where line `index` of the text is: its own line in a Markdown file, the field's place for a text written in YAML. */
function lineOf(text: MarkdownText, index: number): SourceLocation {
  const wholeFile = /\.(?:md|markdown)$/i.test(text.loc.file) && text.loc.line === 1 && text.loc.column === 1;
  return wholeFile ? { file: text.loc.file, line: index + 1, column: 1 } : text.loc;
}

/** Levels opened by the markers at the start of `line`, plus one per two columns of indentation. */
function blockDepth(line: string): number {
  let levels = 0;
  let indent = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ') {
      indent++;
      i++;
    } else if (c === '\t') {
      indent += 4;
      i++;
    } else if (c === '>') {
      levels++;
      i += line[i + 1] === ' ' || line[i + 1] === '\t' ? 2 : 1;
    } else {
      const marker = /^(?:[-+*]|\d{1,9}[.)])[ \t]/.exec(line.slice(i, i + 11));
      if (!marker) break;
      levels++;
      i += marker[0].length;
    }
  }
  return levels + Math.floor(indent / 2);
}

const SPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** Emphasis and link marks open in the current paragraph, by mark. */
class InlineMarks {
  private open = new Map<string, number>();
  private total = 0;

  reset(): void {
    this.open.clear();
    this.total = 0;
  }

  /** Reads one line of the paragraph; returns the deepest mark it closes (0 when none). */
  read(line: string): number {
    let deepest = 0;
    for (let i = 0; i < line.length; ) {
      const c = line[i]!;
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        // A code span: its content is not Markdown. Unclosed on this line, the backticks are text.
        const run = /^`+/.exec(line.slice(i))![0];
        const end = line.indexOf(run, i + run.length);
        i = end < 0 ? i + run.length : end + run.length;
      } else if (c === '[' || c === ']') {
        if (c === '[') this.push('[', 1);
        else deepest = Math.max(deepest, this.pop('[', 1));
        i++;
      } else if (c === '*' || c === '_' || c === '~') {
        let end = i;
        while (line[end] === c) end++;
        const before = line[i - 1] ?? ' ';
        const after = line[end] ?? ' ';
        const leftFlanking = !SPACE.test(after) && (!PUNCTUATION.test(after) || SPACE.test(before) || PUNCTUATION.test(before));
        const rightFlanking = !SPACE.test(before) && (!PUNCTUATION.test(before) || SPACE.test(after) || PUNCTUATION.test(after));
        const intraword = c === '_' && leftFlanking && rightFlanking && !PUNCTUATION.test(before) && !PUNCTUATION.test(after);
        if (!intraword) {
          // `***` opens (or closes) emphasis and strong together.
          const levels = end - i >= 3 ? 2 : 1;
          if (rightFlanking && (this.open.get(c) ?? 0) > 0) deepest = Math.max(deepest, this.pop(c, levels));
          else if (leftFlanking) this.push(c, levels);
        }
        i = end;
      } else {
        i++;
      }
    }
    return deepest;
  }

  private push(mark: string, levels: number): void {
    this.open.set(mark, (this.open.get(mark) ?? 0) + levels);
    this.total += levels;
  }

  /** Closes the innermost `mark` (`levels` of it); returns how many levels were open, its own included. */
  private pop(mark: string, levels: number): number {
    const closed = Math.min(levels, this.open.get(mark) ?? 0);
    const depth = this.total;
    this.open.set(mark, (this.open.get(mark) ?? 0) - closed);
    this.total -= closed;
    return closed > 0 ? depth : 0;
  }
}
