/**
 * The links and images a Markdown text holds (Markdown syntax and raw `<a href>` / `<img src>`),
 * with where each is written, so the loader can check the course files they name before
 * anything is rendered. Read with the renderer's Markdown dialect (marked, GFM), as a block
 * text and as an inline one, since a text may be rendered either way.
 */
import { Lexer, Marked, type Token } from 'marked';

export interface MarkdownLink {
  /** As the renderer reads it (entities of raw HTML decoded). */
  href: string;
  image: boolean;
  /** The source text of the link, for finding it in a YAML file. */
  raw: string;
  /** Where `raw` starts in the text. */
  offset: number;
}

const scanner = new Marked({ gfm: true, breaks: false, async: false });

/** Links worth checking: those a course file could answer (no scheme, no `//`, not an in-page `#`). */
const LOCAL = /^(?![a-z][a-z0-9+.-]*:|\/\/|#)/i;

export function markdownFileLinks(source: string): MarkdownLink[] {
  // Most texts hold no link at all: skip the lexers.
  if (!/\]\(|\]:|</.test(source)) return [];
  const found = new Map<string, MarkdownLink>();
  for (const tokens of lexBothWays(source)) {
    let cursor = 0;
    const place = (raw: string, fallback: string): number => {
      let at = source.indexOf(raw, cursor);
      if (at === -1) at = source.indexOf(raw);
      if (at === -1) at = source.indexOf(fallback);
      if (at === -1) return 0;
      cursor = at + 1;
      return at;
    };
    const add = (href: string, image: boolean, raw: string, offset: number) => {
      if (href === '' || !LOCAL.test(href)) return;
      found.set(`${offset}:${image}:${href}`, { href, image, raw, offset });
    };
    const visit = (token: Token) => {
      if (token.type === 'link' || token.type === 'image') {
        const href = (token as { href?: string }).href ?? '';
        add(href, token.type === 'image', token.raw, place(token.raw, href));
      } else if (token.type === 'html') {
        const at = place(token.raw, token.raw);
        for (const attribute of htmlLinks(token.raw)) {
          add(attribute.href, attribute.image, attribute.raw, at + attribute.offset);
        }
      }
    };
    if (!withinStack(() => scanner.walkTokens(tokens, visit))) break;
  }
  return [...found.values()].sort((a, b) => a.offset - b.offset);
}

/**
 * Block and inline token lists. A text nested too deeply for the lexer (a stack overflow) is
 * skipped here: the renderer refuses it with its own diagnostic, and packages nothing from it.
 */
function lexBothWays(source: string): Token[][] {
  const lists: Token[][] = [];
  for (const lex of [() => scanner.lexer(source), () => Lexer.lexInline(source, scanner.defaults)]) {
    withinStack(() => lists.push(lex()));
  }
  return lists;
}

/** Runs `work`; false when it overflowed the stack (a text nested too deeply). */
function withinStack(work: () => unknown): boolean {
  try {
    work();
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** `href` of `<a>` and `src` of `<img>` tags in raw HTML, entities decoded, with their offsets. */
function htmlLinks(html: string): { href: string; image: boolean; raw: string; offset: number }[] {
  const links: { href: string; image: boolean; raw: string; offset: number }[] = [];
  for (const tag of html.matchAll(/<(a|img)\b([^>]*)>?/gi)) {
    const image = tag[1]!.toLowerCase() === 'img';
    const wanted = image ? 'src' : 'href';
    for (const attribute of tag[2]!.matchAll(/([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
      if (attribute[1]!.toLowerCase() !== wanted) continue;
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
      links.push({ href: decodeEntities(value).trim(), image, raw: attribute[0], offset: tag.index + 1 + tag[1]!.length + attribute.index });
    }
  }
  return links;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", period: '.', sol: '/', colon: ':', nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(NAMED, name.toLowerCase()) ? NAMED[name.toLowerCase()]! : whole;
  });
}
