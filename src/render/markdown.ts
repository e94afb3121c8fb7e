import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { createDiagnostic } from '../diagnostics/catalogue.js';
import { CourseError } from '../diagnostics/diagnostic.js';
import { markdownDepthProblem, MAX_MARKDOWN_NESTING } from '../load/markdown-nesting.js';
import type { MarkdownText, SourceLocation } from '../model/course.js';
import type { AssetCollector } from './assets.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Raw HTML in course text is shown as the text it is: an author who writes `<script>` or `<b>` in
 * a title or a sentence means those characters (before, `<script>` vanished silently and `<b>`
 * turned bold). HTML comments stay what they are, notes the learner does not see.
 */
const marked = new Marked(
  { gfm: true, breaks: false, async: false },
  {
    renderer: {
      html({ text, block }) {
        const shown = escapeHtml(text.replace(/<!--[\s\S]*?(?:-->|$)/g, ''));
        return !block ? shown : shown.trim() ? `<p>${shown.trim()}</p>\n` : '';
      },
    },
  },
);

export interface MarkdownOptions {
  /** Level the author's `#` headings become, so they nest under the page's own headings (2 = `#` → h2). */
  headingBase?: number;
  /** Render as phrasing content only (for labels and legends): no paragraphs. */
  inline?: boolean;
}

const BLOCK_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'figure', 'figcaption',
];
const INLINE_TAGS = [
  'a', 'img', 'strong', 'em', 'b', 'i', 's', 'del', 'ins', 'mark', 'sub', 'sup', 'small', 'code', 'kbd', 'abbr', 'span', 'br',
];
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Markdown → HTML safe to put in the page: raw HTML shows as text (see `marked` above), and of
 * what Markdown makes only the tags course text needs survive (no script, style, iframe, event
 * handlers). Links to course files are packaged; every
 * link except in-page anchors opens in a new tab, because navigating the SCO's own frame
 * away would end the learner's LMS session.
 */
export function renderMarkdown(text: MarkdownText, assets: AssetCollector, options: MarkdownOptions = {}): string {
  return withinDepth(text, () => sanitizedHtml(text, assets, options));
}

function sanitizedHtml(text: MarkdownText, assets: AssetCollector, options: MarkdownOptions): string {
  const raw = options.inline ? marked.parseInline(text.source) : marked.parse(text.source);
  const base = options.headingBase ?? 2;
  const headingShift: Record<string, sanitizeHtml.Transformer> = {};
  for (let level = 1; level <= 6; level++) {
    headingShift[`h${level}`] = (_tag, attribs) => ({ tagName: `h${Math.min(6, level + base - 1)}`, attribs });
  }
  const html = sanitizeHtml(raw as string, {
    allowedTags: options.inline ? INLINE_TAGS : [...BLOCK_TAGS, ...INLINE_TAGS],
    allowedAttributes: {
      a: ['href', 'title', 'target', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
      th: ['align', 'colspan', 'rowspan', 'scope'],
      td: ['align', 'colspan', 'rowspan'],
      ol: ['start', 'reversed'],
      abbr: ['title'],
      code: ['class'],
    },
    allowedClasses: { code: [/^language-[\w-]+$/] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    transformTags: {
      ...headingShift,
      a: (_tag, attribs) => ({ tagName: 'a', attribs: linkAttributes(attribs, text.loc, assets) }),
      img: (_tag, attribs) => {
        const src = attribs.src ?? '';
        const local = EXTERNAL.test(src) ? null : assets.resolveLink(src, text.loc, true);
        return { tagName: 'img', attribs: { ...attribs, src: local ?? src, loading: 'lazy' } };
      },
    },
  });
  // Wide tables scroll sideways inside their own box instead of widening the page on phones.
  return html.replace(/<table>/g, '<div class="table-scroll" tabindex="0"><table>').replace(/<\/table>/g, '</table></div>');
}

function linkAttributes(attribs: sanitizeHtml.Attributes, from: SourceLocation, assets: AssetCollector): sanitizeHtml.Attributes {
  const href = attribs.href ?? '';
  if (href.startsWith('#') || href === '') return { ...attribs };
  const local = EXTERNAL.test(href) ? null : assets.resolveLink(href, from);
  const next: sanitizeHtml.Attributes = { ...attribs, href: local ?? href };
  if (!/^(?:mailto|tel):/i.test(href)) {
    next.target = '_blank';
    next.rel = 'noopener noreferrer';
  }
  return next;
}

/** Plain text of a Markdown text (for LMS interaction descriptions): markup stripped, entities decoded, spaces collapsed. */
export function markdownToPlainText(text: MarkdownText): string {
  return withinDepth(text, () => {
    const html = marked.parseInline(text.source) as string;
    const plain = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
    return decodeEntities(plain).replace(/\s+/g, ' ').trim();
  });
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

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
