/**
 * Whatever the nesting count misses, a stack overflow in the Markdown reader is reported at
 * the text (MARKDOWN_TOO_DEEP), never as a crash. The count is switched off here to reach it.
 */
import { describe, expect, it, vi } from 'vitest';
import { CourseError } from '../../src/diagnostics/diagnostic.js';
import { AssetCollector } from '../../src/render/assets.js';
import { markdownToPlainText, renderMarkdown } from '../../src/render/markdown.js';

vi.mock('../../src/load/markdown-nesting.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/load/markdown-nesting.js')>()),
  markdownDepthProblem: () => undefined,
}));

describe('a stack overflow while reading Markdown', () => {
  const quotes = { source: `${'>'.repeat(20_000)} deep\n`, loc: { file: 'sheets/deep.md', line: 1, column: 1 } };
  const emphasis = { source: `${'*a _b '.repeat(1_000)}c${'_ d*'.repeat(1_000)}`, loc: { file: 'steps/01.yaml', line: 12, column: 17 } };

  it('is reported at the text, for the page and for the plain text the LMS gets', () => {
    const reads = [
      { text: quotes, read: () => renderMarkdown(quotes, new AssetCollector('/nowhere')) },
      { text: emphasis, read: () => markdownToPlainText(emphasis) },
    ];
    for (const { text, read } of reads) {
      const error = (() => {
        try {
          read();
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(CourseError);
      expect((error as CourseError).diagnostics).toMatchObject([
        { code: 'MARKDOWN_TOO_DEEP', loc: text.loc, message: expect.stringContaining('more deeply than the Markdown reader can follow') },
      ]);
    }
  });
});
