import type { SheetActivity } from '../../model/course.js';
import type { ActivityRenderer } from './activity-renderer.js';

export const sheetRenderer: ActivityRenderer<SheetActivity> = {
  kind: 'sheet',
  partial: 'activity-sheet',
  view(sheet, ctx) {
    return { bodyHtml: ctx.markdown(sheet.body, { headingBase: 2 }), downloads: ctx.downloads(sheet.attachments) };
  },
  runtime(sheet) {
    return { kind: 'sheet', id: sheet.id, title: sheet.title };
  },
};
