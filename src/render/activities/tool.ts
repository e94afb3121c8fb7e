import type { ToolActivity } from '../../model/course.js';
import type { ActivityRenderer } from './activity-renderer.js';

export const toolRenderer: ActivityRenderer<ToolActivity> = {
  kind: 'tool',
  partial: 'activity-tool',
  view(tool, ctx) {
    return {
      instructionsHtml: ctx.markdown(tool.instructions, { headingBase: 2 }),
      fields: tool.fields.map((field) => {
        const domId = `f.${tool.id}.${field.id}`;
        if (field.type === 'text') {
          return {
            isText: true,
            domId,
            id: field.id,
            label: field.label,
            multiline: field.multiline,
            placeholder: field.placeholder ?? '',
            maxLength: field.maxLength,
            count: ctx.t('charCount', { n: 0, max: field.maxLength }),
          };
        }
        return {
          isText: false,
          domId,
          id: field.id,
          label: field.label,
          items: field.items.map((item) => ({ id: item.id, label: item.label, domId: `${domId}.${item.id}` })),
        };
      }),
      downloads: ctx.downloads(tool.downloads),
    };
  },
  runtime(tool) {
    return {
      kind: 'tool',
      id: tool.id,
      title: tool.title,
      fields: tool.fields.map((f) =>
        f.type === 'text'
          ? { type: 'text' as const, id: f.id, maxLength: f.maxLength }
          : { type: 'checklist' as const, id: f.id, items: f.items.map((i) => i.id) },
      ),
    };
  },
};
