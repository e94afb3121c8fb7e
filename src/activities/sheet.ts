import { Type } from '@sinclair/typebox';
import type { SheetActivity } from '../model/course.js';
import { Markdown, StrictObject } from '../schema/common.js';
import { defineActivityKind } from './activity-kind.js';
import { AttachmentList, activityBaseProperties, activityBaseToModel, attachmentsToModel } from './common.js';

/** A printable page of Markdown, with optional downloads. */
export const sheet = defineActivityKind({
  kind: 'sheet',
  schema: StrictObject(
    {
      kind: Type.Literal('sheet', { description: 'A practical sheet to read or print.' }),
      ...activityBaseProperties,
      body: Markdown('The sheet itself (a printable page).', [{ file: 'sheets/typologie.md' }]),
      attachments: Type.Optional(AttachmentList('Files to download with the sheet.')),
    },
    { title: 'Sheet activity', description: 'A practical sheet: a printable Markdown page and downloads.' },
  ),
  toModel(raw, node, ctx): SheetActivity {
    return {
      ...activityBaseToModel(raw, node),
      kind: 'sheet',
      body: ctx.markdown(raw.body, node.at('body')),
      attachments: attachmentsToModel(raw.attachments, node.at('attachments'), ctx),
    };
  },
  check() {
    // Everything a sheet needs is structural (schema) or a file (checked while loading).
  },
  assets: (activity) => activity.attachments.map((a) => a.file),
});
