/**
 * Blanks of a fill-in text: `[[answer]]`, or `[[answer|other accepted answer|…]]`. Pure, used
 * by the loader (model and checks) and by render (the inputs in place of the blanks).
 */
import { Lexer, type Token } from 'marked';
import { tooDeepMarkdown } from '../load/markdown-nesting.js';

const BLANK = /\[\[([^[\]]*)\]\]/g;

export interface BlankMark {
  /** Accepted answers as written, trimmed, line breaks and runs of spaces as one space; may hold empty strings (reported by the check). */
  answers: string[];
  /** Where the mark starts in the text and how long it is. */
  index: number;
  length: number;
}

export function findBlanks(text: string): BlankMark[] {
  return [...text.matchAll(BLANK)].map((m) => ({
    answers: m[1]!.split('|').map((a) => a.trim().replace(/\s+/g, ' ')),
    index: m.index,
    length: m[0].length,
  }));
}

/** The text with every blank replaced by `replace(blankIndex)`. */
export function replaceBlanks(text: string, replace: (index: number) => string): string {
  let n = 0;
  return text.replace(BLANK, () => replace(n++));
}

/**
 * Characters the learner may type in a blank: twice its longest accepted answer, between 20 and
 * 100. Bounded so that the saved learner state stays within what the LMS keeps.
 */
export function blankMaxLength(answers: readonly string[]): number {
  const longest = Math.max(0, ...answers.map((a) => a.length));
  return Math.min(100, Math.max(20, 2 * longest));
}

/**
 * Stand-ins for the blanks while the text goes through Markdown: `<stem><n>X`, letters and
 * digits only so that Markdown leaves them be, with a stem that `avoid` (the text, or what it
 * rendered to) does not hold, so that no text of the author's can pass for a blank.
 */
export interface BlankTokens {
  stem: string;
  token(index: number): string;
  /** Global; captures the blank's index. */
  pattern: RegExp;
}

export function blankTokens(avoid: string): BlankTokens {
  let stem = 'PARCOURSBLANK';
  while (avoid.includes(stem)) stem += 'Q';
  return { stem, token: (n) => `${stem}${n}X`, pattern: new RegExp(`${stem}(\\d+)X`, 'g') };
}

export interface MisplacedBlank {
  /** 0-based. */
  index: number;
  /** What holds it: `a link`, `an image`, `an HTML tag or comment`. */
  where: string;
}

const HOLDERS: Record<string, string> = { link: 'a link', image: 'an image', html: 'an HTML tag or comment' };

/**
 * Blanks that Markdown would put where no input can go: in a link (its text, address or
 * title), an image, or a raw HTML tag or comment. The text is read as the renderer reads it
 * (inline Markdown, GFM). A text nested too deeply is left to MARKDOWN_TOO_DEEP.
 */
export function misplacedBlanks(text: string): MisplacedBlank[] {
  if (tooDeepMarkdown(text)) return [];
  const tokens = blankTokens(text);
  const misplaced = new Map<number, string>();
  const visit = (list: readonly Token[]) => {
    for (const token of list) {
      const holder = Object.hasOwn(HOLDERS, token.type) ? HOLDERS[token.type] : undefined;
      if (holder) {
        for (const m of token.raw.matchAll(tokens.pattern)) if (!misplaced.has(Number(m[1]))) misplaced.set(Number(m[1]), holder);
      } else if ('tokens' in token && token.tokens) {
        visit(token.tokens);
      }
    }
  };
  visit(Lexer.lexInline(replaceBlanks(text, tokens.token), { gfm: true, breaks: false }));
  return [...misplaced].sort(([a], [b]) => a - b).map(([index, where]) => ({ index, where }));
}
