/**
 * The Markdown of a course as its last build rendered it, kept in the disk cache: the next build of
 * the course renders only the texts that changed. In a fresh process marked's first texts are slow
 * (its regular expressions run cold): rendering was a fifth of a sample build (docs/performance.md).
 *
 * One entry per course folder and bundle (`markdown-<digest>.json`), holding what the last build used:
 * HTML by source and options, and plain texts (what LMSs get) by source. Only a text whose HTML depends
 * on its source and options alone is kept: one that links or shows a course file resolves that file
 * again on every build (it may have gone, or become a link). Used only by bundled code, like the parse
 * cache (src/load/parse-cache.ts).
 */
import { bundleDigest, readCached, sha256, writeCached } from './disk-cache.js';

export class MarkdownMemo {
  /** What this build rendered or reused: what the next one will find. */
  private readonly used = new Map<string, string>();
  private added = false;

  private constructor(
    private readonly entry: string | undefined,
    private readonly kept: ReadonlyMap<string, string>,
  ) {}

  /** The memo of the course in `rootDir` (empty when nothing is kept, or from the sources). */
  static open(rootDir: string): MarkdownMemo {
    const code = bundleDigest(import.meta.url);
    if (!code) return new MarkdownMemo(undefined, new Map());
    const entry = `markdown-${sha256('markdown 1', code, rootDir)}.json`;
    let kept = new Map<string, string>();
    const body = readCached(entry);
    if (body !== undefined) {
      try {
        const pairs: unknown = JSON.parse(body);
        if (Array.isArray(pairs) && pairs.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string')) kept = new Map(pairs as [string, string][]);
      } catch {
        // rendered again, and kept again
      }
    }
    return new MarkdownMemo(entry, kept);
  }

  get(key: string): string | undefined {
    const value = this.used.get(key) ?? this.kept.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  set(key: string, value: string): void {
    this.used.set(key, value);
    this.added = true;
  }

  /** Keeps what this build used, when it differs from what was kept. */
  save(): void {
    if (!this.entry || (!this.added && this.used.size === this.kept.size)) return;
    writeCached(this.entry, JSON.stringify([...this.used]));
  }
}
