import { statSync } from 'node:fs';
import type { Attachment, Course, Language, MarkdownText } from '../model/course.js';
import { formatBytes, type ByteFormat } from '../shared/format-bytes.js';
import type { AssetCollector } from './assets.js';
import { renderMarkdown, type MarkdownOptions } from './markdown.js';
import type { MarkdownMemo } from './markdown-memo.js';
import { formatString, type TemplateStrings } from './strings.js';

/** What every activity and question renderer gets: the course, its packaged files and the interface strings. */
export class RenderContext {
  constructor(
    readonly course: Course,
    readonly assets: AssetCollector,
    readonly strings: TemplateStrings,
    /** What the last build of the course rendered (src/render/markdown-memo.ts), when it is a build. */
    private readonly memo?: MarkdownMemo,
  ) {}

  /** Sanitised HTML of an optional Markdown text ('' when absent). */
  markdown(text: MarkdownText | undefined, options?: MarkdownOptions): string {
    return text ? renderMarkdown(text, this.assets, options, this.memo) : '';
  }

  /** An interface string of the course language, with `{name}` placeholders filled. */
  t(key: string, values: Record<string, string | number> = {}): string {
    return formatString(this.strings, key, values);
  }

  /** Download links: packaged file, title, and "PDF · 120 KB" so learners know what they get. */
  downloads(attachments: Attachment[]): DownloadView[] {
    return attachments.map((a) => {
      const extension = a.file.path.includes('.') ? a.file.path.slice(a.file.path.lastIndexOf('.') + 1).toUpperCase() : '';
      const size = statSync(a.file.absPath).size;
      return {
        title: a.title,
        href: this.assets.add(a.file.path, a.file.absPath),
        meta: [extension, formatBytes(size, DOWNLOAD_BYTES[this.course.language])].filter(Boolean).join(' · '),
      };
    });
  }
}

export interface DownloadView {
  title: string;
  href: string;
  meta: string;
}

/** Download sizes in the course language: `14 o`, `1,2 Mo`; `120 KB`, `1.2 MB`. */
const DOWNLOAD_BYTES: Record<Language, ByteFormat> = {
  fr: { units: ['o', 'Ko', 'Mo', 'Go'], digits: 'readable', decimalSeparator: ',', separator: '\u00a0' },
  en: { units: ['B', 'KB', 'MB', 'GB'], digits: 'readable', separator: '\u00a0' },
};
