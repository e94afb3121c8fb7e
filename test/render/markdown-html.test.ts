/**
 * Raw HTML in course text is shown as text (issue 12): an author who writes `<script>` or `<b>`
 * in a title, a prompt or a sheet means those characters. Before, `<script>…</script>` vanished
 * with its words and `<b>` turned bold, silently. HTML comments stay hidden notes.
 */
import { describe, expect, it } from 'vitest';
import type { AssetCollector } from '../../src/render/assets.js';
import { markdownToPlainText, renderMarkdown } from '../../src/render/markdown.js';

const assets = { resolveLink: (href: string) => href } as unknown as AssetCollector;
const text = (source: string) => ({ source, loc: { file: 'steps/01.yaml', line: 3, column: 5 } });
const render = (source: string, inline = false) => renderMarkdown(text(source), assets, { inline });

describe('raw HTML in Markdown', () => {
  it('shows tags as the words written, inline and in blocks', () => {
    expect(render('Avoid <script>alert("x")</script> in pages', true)).toBe('Avoid &lt;script&gt;alert("x")&lt;/script&gt; in pages');
    expect(render('The <b>bold</b> tag, and **Markdown bold**', true)).toBe('The &lt;b&gt;bold&lt;/b&gt; tag, and <strong>Markdown bold</strong>');
    expect(render('<div class="box">\nA box\n</div>')).toBe('<p>&lt;div class="box"&gt;\nA box\n&lt;/div&gt;</p>\n');
  });

  it('runs nothing: no tag or attribute of the author reaches the page', () => {
    const html = render('<img src=x onerror="alert(1)"> <a href="javascript:alert(1)">x</a> <iframe src="https://example.org"></iframe>');
    expect(html).not.toMatch(/<(img|a|iframe)\b/i);
    expect(html).toContain('&lt;img src=x onerror="alert(1)"&gt;');
  });

  it('keeps HTML comments hidden', () => {
    expect(render('Visible <!-- a note for the authors --> text', true)).toBe('Visible  text');
    expect(render('Before\n\n<!-- a note\non two lines -->\n\nAfter')).toBe('<p>Before</p>\n<p>After</p>\n');
  });

  it('shows the words after an inline <pre>, <code>, <kbd> or <script> tag as written too', () => {
    // marked passes the text after such a tag on as raw HTML; before issue 13 the sanitiser read it
    // as markup, and a `<` or an unclosed `<!--` in it swallowed the rest of the text.
    expect(render('Type <kbd>x <y</kbd> now', true)).toBe('Type &lt;kbd&gt;x &lt;y&lt;/kbd&gt; now');
    expect(render('Press <kbd>Ctrl <!-- and then more')).toBe('<p>Press &lt;kbd&gt;Ctrl &lt;!-- and then more</p>\n');
  });

  it('gives LMS reports the same words the learner reads', () => {
    expect(markdownToPlainText(text('Is <b>this</b> & <script>that</script> right?'))).toBe('Is <b>this</b> & <script>that</script> right?');
  });
});

describe('plain words kept from one text to the next', () => {
  it('gives the words of each text, whatever was read before, and refuses a too-deep text each time at its own place', () => {
    const at = (source: string, line: number) => ({ source, loc: { file: `steps/0${line}.yaml`, line, column: 1 } });
    expect(markdownToPlainText(at('**Oui** & *non*', 1))).toBe('Oui & non');
    expect(markdownToPlainText(at('**Oui** & *non*', 2))).toBe('Oui & non');
    expect(markdownToPlainText(at('**Yes**', 1))).toBe('Yes');
    const deep = '>'.repeat(80) + ' quoted';
    for (const line of [4, 5]) {
      try {
        markdownToPlainText(at(deep, line));
        expect.unreachable('a too-deep text is refused');
      } catch (error) {
        expect((error as { diagnostics: { code: string; loc: { line: number } }[] }).diagnostics[0]).toMatchObject({ code: 'MARKDOWN_TOO_DEEP', loc: { line } });
      }
    }
  });
});
