import { statSync } from 'node:fs';
import type { Attachment, Course, MarkdownText } from '../model/course.js';
import type { AssetCollector } from './assets.js';
import { renderMarkdown, type MarkdownOptions } from './markdown.js';
import { formatString, type TemplateStrings } from './strings.js';

/** What every activity and question renderer gets: the course, its packaged files and the interface strings. */
export class RenderContext {
  constructor(
    readonly course: Course,
    readonly assets: AssetCollector,
    readonly strings: TemplateStrings,
  ) {}

  /** Sanitised HTML of an optional Markdown text ('' when absent). */
  markdown(text: MarkdownText | undefined, options?: MarkdownOptions): string {
    return text ? renderMarkdown(text, this.assets, options) : '';
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
        meta: [extension, formatSize(size, this.course.language)].filter(Boolean).join(' · '),
      };
    });
  }
}

export interface DownloadView {
  title: string;
  href: string;
  meta: string;
}

function formatSize(bytes: number, language: string): string {
  const unit = language === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < unit.length - 1) {
    value /= 1000;
    i++;
  }
  const digits = i === 0 || value >= 10 ? 0 : 1;
  return `${value.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits })}\u00a0${unit[i]}`;
}
