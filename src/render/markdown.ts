import { decodeHTML, DecodingMode } from 'entities';
import { Marked, type RendererObject, type Tokens } from 'marked';
import { createDiagnostic } from '../diagnostics/catalogue.js';
import { CourseError } from '../diagnostics/diagnostic.js';
import { markdownDepthProblem, MAX_MARKDOWN_NESTING } from '../load/markdown-nesting.js';
import type { MarkdownText, SourceLocation } from '../model/course.js';
import type { AssetCollector } from './assets.js';
import type { MarkdownMemo } from './markdown-memo.js';

export interface MarkdownOptions {
  /** Level the author's `#` headings become, so they nest under the page's own headings (2 = `#` → h2). */
  headingBase?: number;
  /** Render as phrasing content only (for labels and legends): no paragraphs. */
  inline?: boolean;
}

/**
 * Markdown → HTML safe to put in the page. The HTML is written here, tag by tag, from marked's
 * tokens: every method of marked's renderer is replaced below, so no HTML of marked's own and
 * none of the author's reaches the page. What can come out:
 * - only the tags of the methods below (p, h1–h6, ul/ol/li, blockquote, pre/code, table and its
 *   parts, hr, br, strong, em, del, code, a, img), with only the attributes written here
 *   (href, title, target, rel; src, alt, title, loading; class `language-*`; start; align);
 * - raw HTML in course text shows as the text it is: an author who writes `<script>` or `<b>`
 *   means those characters; HTML comments stay notes the learner does not see;
 * - every text and attribute value is escaped; a link or image address is checked after its
 *   character references are decoded (what the browser will read): only http, https, mailto and
 *   tel links (http and https images), relative addresses, no protocol-relative `//host`.
 * Links to course files are packaged; every link except in-page anchors opens in a new tab,
 * because navigating the SCO's own frame away would end the learner's LMS session.
 * (Until issue 13 this went through sanitize-html after marked's own renderer; the output is
 * byte for byte what that gave: see docs/architecture.md.)
 */
export function renderMarkdown(text: MarkdownText, assets: AssetCollector, options: MarkdownOptions = {}, memo?: MarkdownMemo): string {
  const headingBase = options.headingBase ?? 2;
  const key = `html ${options.inline ? 'inline' : 'block'} ${headingBase}\n${text.source}`;
  const known = memo?.get(key);
  if (known !== undefined) return known;
  return withinDepth(text, () => {
    context = { assets, loc: text.loc, headingBase, linksCourseFiles: false };
    try {
      const html = (options.inline ? htmlMarked.parseInline(text.source) : htmlMarked.parse(text.source)) as string;
      // A text showing or linking course files resolves them again on every build.
      if (!context.linksCourseFiles) memo?.set(key, html);
      return html;
    } finally {
      context = undefined;
    }
  });
}

/** What the render in progress needs beside the tokens (a render is synchronous: one at a time). */
let context: { assets: AssetCollector; loc: SourceLocation; headingBase: number; linksCourseFiles: boolean } | undefined;

/** The course file `target` names, packaged (or refused, reported by the collector); null when it names none. */
function resolveCourseFile(target: string, image = false): string | null {
  context!.linksCourseFiles = true;
  return context!.assets.resolveLink(target, context!.loc, image);
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

const htmlRenderer: RendererObject<string, string> = {
  space: () => '',
  def: () => '',
  hr: () => '<hr />\n',
  br: () => '<br />',
  // A task list's box is not kept: the learner cannot tick it.
  checkbox: () => ' ',
  html: ({ text, block }) => {
    const shown = escapeText(withoutComments(text));
    return !block ? shown : shown.trim() ? `<p>${shown.trim()}</p>\n` : '';
  },
  text(token) {
    if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
    return textOf('escaped' in token && token.escaped ? token.text : markedEscape(token.text));
  },
  codespan: ({ text }) => `<code>${escapeText(text)}</code>`,
  code({ text, lang, escaped }) {
    const language = /^\S*/.exec(lang ?? '')![0];
    const code = text ? `${text.replace(/\n$/, '')}\n` : '';
    const className = language ? codeClass(attributeOf(`language-${markedEscape(language)}`)) : '';
    return `<pre>${tag('code', { class: className })}${escaped ? textOf(code) : escapeText(code)}</code></pre>\n`;
  },
  heading({ tokens, depth }) {
    const level = Math.min(6, depth + context!.headingBase - 1);
    return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
  },
  paragraph({ tokens }) {
    return `<p>${this.parser.parseInline(tokens)}</p>\n`;
  },
  blockquote({ tokens }) {
    return `<blockquote>\n${this.parser.parse(tokens)}</blockquote>\n`;
  },
  list(token) {
    const type = token.ordered ? 'ol' : 'ul';
    const start = token.ordered && token.start !== 1 ? { start: String(token.start) } : {};
    return `${tag(type, start)}\n${token.items.map((item) => this.listitem(item)).join('')}</${type}>\n`;
  },
  listitem(item) {
    return `<li>${this.parser.parse(item.tokens)}</li>\n`;
  },
  // Wide tables scroll sideways inside their own box instead of widening the page on phones.
  table(token) {
    const row = (cells: Tokens.TableCell[]) => `<tr>\n${cells.map((cell) => this.tablecell(cell)).join('')}</tr>\n`;
    const body = token.rows.length > 0 ? `<tbody>${token.rows.map(row).join('')}</tbody>` : '';
    return `<div class="table-scroll" tabindex="0"><table>\n<thead>\n${row(token.header)}</thead>\n${body}</table></div>\n`;
  },
  tablerow: ({ text }) => `<tr>\n${text}</tr>\n`,
  tablecell(token) {
    const type = token.header ? 'th' : 'td';
    return `${tag(type, { align: token.align ?? undefined })}${this.parser.parseInline(token.tokens)}</${type}>\n`;
  },
  strong({ tokens }) {
    return `<strong>${this.parser.parseInline(tokens)}</strong>`;
  },
  em({ tokens }) {
    return `<em>${this.parser.parseInline(tokens)}</em>`;
  },
  del({ tokens }) {
    return `<del>${this.parser.parseInline(tokens)}</del>`;
  },
  link({ href, title, text, tokens, autolink }) {
    const clean = cleanUrl(href);
    // The link's own file is packaged (or refused) before any image inside it.
    const open = clean === null ? '' : tag('a', linkAttributes({ href: attributeOf(markedEscape(clean, autolink)), title: title ? attributeOf(markedEscape(title)) : undefined }));
    const shown = autolink ? escapeText(text) : this.parser.parseInline(tokens);
    return clean === null ? shown : `${open}${shown}</a>`;
  },
  image({ href, title, text, tokens }) {
    const alt = tokens ? this.parser.parseInline(tokens, this.parser.textRenderer) : text;
    const clean = cleanUrl(href);
    if (clean === null) return textOf(markedEscape(alt));
    const src = attributeOf(markedEscape(clean));
    const local = EXTERNAL.test(src) ? null : resolveCourseFile(src, true);
    return tag('img', { src: local ?? src, alt: attributeOf(markedEscape(alt)), title: title ? attributeOf(markedEscape(title)) : undefined, loading: 'lazy' });
  },
};

const htmlMarked = new Marked({ gfm: true, breaks: false, async: false }, { renderer: htmlRenderer });

function linkAttributes(written: { href: string; title: string | undefined }): Attributes {
  const href = written.href;
  if (href.startsWith('#') || href === '') return written;
  const local = EXTERNAL.test(href) ? null : resolveCourseFile(href);
  const next: Attributes = { ...written, href: local ?? href };
  if (!/^(?:mailto|tel):/i.test(href)) {
    next.target = '_blank';
    next.rel = 'noopener noreferrer';
  }
  return next;
}

type Attributes = Record<string, string | undefined>;

/** Schemes a link (an image) may use; other addresses are dropped, the link's text kept. */
const LINK_SCHEMES: Record<string, readonly string[]> = { a: ['http', 'https', 'mailto', 'tel'], img: ['http', 'https'] };

/**
 * An opening tag with its attributes (values decoded, as the browser reads them): empty
 * ones left out (but `alt`), and an address left out unless its scheme is allowed.
 */
function tag(name: string, attributes: Attributes): string {
  let out = `<${name}`;
  for (const [attribute, value] of Object.entries(attributes)) {
    if (value === undefined || (value === '' && attribute !== 'alt')) continue;
    if ((attribute === 'href' || attribute === 'src') && !allowedAddress(value, LINK_SCHEMES[name]!)) continue;
    out += ` ${attribute}="${escapeAttribute(value)}"`;
  }
  return name === 'img' ? `${out} />` : `${out}>`;
}

/**
 * Browsers ignore control characters and spaces in an address, and comments may hide a
 * scheme: both go before the scheme is read. No scheme: a relative address (allowed), unless
 * it starts with two slashes or backslashes (another host, protocol-relative).
 */
function allowedAddress(address: string, schemes: readonly string[]): boolean {
  let read = address.replace(/[\x00-\x20]+/g, '');
  for (;;) {
    const open = read.indexOf('<!--');
    const close = open === -1 ? -1 : read.indexOf('-->', open + 4);
    if (close === -1) break;
    read = read.slice(0, open) + read.slice(close + 3);
  }
  const scheme = /^([a-zA-Z][a-zA-Z0-9.\-+]*):/.exec(read);
  if (!scheme) return !/^[/\\]{2}/.test(read);
  return schemes.includes(scheme[1]!.toLowerCase());
}

/** A code block's class, kept only when it names a language (`language-js`). */
function codeClass(value: string): string {
  return value
    .split(/\s+/)
    .filter((c) => /^language-[\w-]+$/.test(c))
    .join(' ');
}

// ----- Escaping -----
// marked escapes text and attributes its own way (`'` as `&#39;`, character references kept);
// the page gets what the browser reads from that (references decoded, as the HTML parser
// decodes them in text and in attribute values), escaped again the one way.

const MARKED_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const EVERY_SPECIAL = /[&<>"']/g;
const SPECIAL_BUT_REFERENCES = /[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g;

/** marked's escapeHtmlEntities (not exported): with `encode` false, `&name;` and `&#n;` are kept. */
function markedEscape(text: string, encode = false): string {
  return text.replace(encode ? EVERY_SPECIAL : SPECIAL_BUT_REFERENCES, (c) => MARKED_ESCAPES[c]!);
}

/** marked's cleanUrl (not exported): null for an address encodeURI refuses (lone surrogates). */
function cleanUrl(href: string): string | null {
  try {
    return encodeURI(href).replace(/%25/g, '%');
  } catch {
    return null;
  }
}

/** Text of an HTML fragment holding no tags, as a page: its references decoded, then escaped. */
function textOf(html: string): string {
  return escapeText(wordsOf(html));
}

/** An attribute value written by marked, as the browser reads it. */
function attributeOf(html: string): string {
  return html.includes('&') ? decodeHTML(html, DecodingMode.Attribute) : html;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

function withoutComments(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}

// ----- Plain text -----

/** The words of each inline token, as the learner reads them in the page. */
const plainRenderer: RendererObject<string, string> = {
  br: () => '',
  checkbox: () => '',
  html: ({ text }) => withoutComments(text),
  text(token) {
    if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
    return wordsOf('escaped' in token && token.escaped ? token.text : markedEscape(token.text));
  },
  codespan: ({ text }) => text,
  strong({ tokens }) {
    return this.parser.parseInline(tokens);
  },
  em({ tokens }) {
    return this.parser.parseInline(tokens);
  },
  del({ tokens }) {
    return this.parser.parseInline(tokens);
  },
  link({ text, tokens, autolink }) {
    return autolink ? text : this.parser.parseInline(tokens);
  },
  // An image is not words; but an address encodeURI refuses leaves its description as text (as in the page).
  image({ href, text, tokens }) {
    const alt = tokens ? this.parser.parseInline(tokens, this.parser.textRenderer) : text;
    return cleanUrl(href) === null ? wordsOf(markedEscape(alt)) : '';
  },
};

const plainMarked = new Marked({ gfm: true, breaks: false, async: false }, { renderer: plainRenderer });

/** Text of an HTML fragment holding no tags: its references decoded. */
function wordsOf(html: string): string {
  return html.includes('&') ? decodeHTML(html, DecodingMode.Legacy) : html;
}

/** Texts' plain words, kept for the course being built (a build asks again for the learner-state budget). */
const plainTexts = new Map<string, string>();
const MAX_PLAIN_TEXTS = 10_000;

/** The memos of the courses being built: each keeps the plain texts its build asks for (a plain text depends on its source alone). */
const memos = new Set<MarkdownMemo>();

/** Keeps the plain texts asked for in `memo` (and takes them from it) until the returned function is called. */
export function keepPlainTextsIn(memo: MarkdownMemo): () => void {
  memos.add(memo);
  return () => memos.delete(memo);
}

/** Plain text of a Markdown text (for LMS interaction descriptions): markup stripped, entities decoded, spaces collapsed. */
export function markdownToPlainText(text: MarkdownText): string {
  const key = `plain\n${text.source}`;
  let plain = plainTexts.get(text.source);
  for (const memo of memos) plain ??= memo.get(key);
  plain ??= withinDepth(text, () => (plainMarked.parseInline(text.source) as string).replace(/\s+/g, ' ').trim());
  if (plainTexts.size >= MAX_PLAIN_TEXTS) plainTexts.clear();
  plainTexts.set(text.source, plain);
  for (const memo of memos) if (memo.get(key) === undefined) memo.set(key, plain);
  return plain;
}

/**
 * Runs `read` on a text nested shallowly enough for the Markdown reader, which recurses once
 * per level (src/load/markdown-nesting.ts counts the levels first). Should the reader still
 * overflow its stack, that is reported at the text too: never a crash.
 */
function withinDepth<T>(text: MarkdownText, read: () => T): T {
  const tooDeep = markdownDepthProblem(text);
  if (tooDeep) throw new CourseError([tooDeep]);
  try {
    return read();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const detail = 'quotes, lists, emphasis or links are written inside each other more deeply than the Markdown reader can follow';
    throw new CourseError([createDiagnostic('MARKDOWN_TOO_DEEP', text.loc, { detail, max: MAX_MARKDOWN_NESTING })]);
  }
}
