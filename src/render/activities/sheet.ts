import type { SheetActivity } from '../../model/course.js';
import type { ActivityRenderer } from './activity-renderer.js';

export const sheetRenderer: ActivityRenderer<SheetActivity> = {
  kind: 'sheet',
  partial: 'activity-sheet',
  view(sheet, ctx) {
    return { bodyHtml: withoutRepeatedTitle(ctx.markdown(sheet.body, { headingBase: 2 }), sheet.title), downloads: ctx.downloads(sheet.attachments) };
  },
  runtime(sheet) {
    return { kind: 'sheet', id: sheet.id, title: sheet.title };
  },
};

/** Letters and digits only, lower case, one space between words: what a title says, however written. */
const words = (text: string) => text.toLowerCase().replace(/<[^>]*>|&[^;\s]*;/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The body without its opening `#` heading when that heading says what the page's own title
 * (the activity's, just above) already says: a sheet written as a document starts with its
 * title, and the page showed it twice.
 */
export function withoutRepeatedTitle(html: string, title: string): string {
  const first = /^<h2>([\s\S]*?)<\/h2>\s*/.exec(html);
  // The title whole, or one of its parts around a dash or a colon ("Fiche pratique – Typologie").
  const parts = [title, ...title.split(/\s[-–—]\s|\s?:\s/)].map(words);
  return first && parts.includes(words(first[1]!)) ? html.slice(first[0].length) : html;
}
