import type { ToolActivity, ToolField } from '../../model/course.js';
import type { ActivityRenderer } from './activity-renderer.js';

export const toolRenderer: ActivityRenderer<ToolActivity> = {
  kind: 'tool',
  partial: 'activity-tool',
  view(tool, ctx) {
    const completeWhen = tool.completeWhen ?? 'filled';
    // Optional fields say so when filling the others is what completes the tool.
    const label = (field: ToolField) => (completeWhen === 'filled' && field.required === false ? ctx.t('optionalField', { label: field.label }) : field.label);
    return {
      instructionsHtml: ctx.markdown(tool.instructions, { headingBase: 2 }),
      completionHint: completeWhen === 'filled' && tool.fields.some((f) => f.required !== false) ? ctx.t('toolFilledHint') : '',
      doneButton: completeWhen === 'done-button',
      fields: tool.fields.map((field) => {
        const domId = `f.${tool.id}.${field.id}`;
        if (field.type === 'text') {
          return {
            isText: true,
            domId,
            id: field.id,
            label: label(field),
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
          label: label(field),
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
      completeWhen: tool.completeWhen ?? 'filled',
      fields: tool.fields.map((f) => ({
        ...(f.type === 'text' ? { type: 'text' as const, id: f.id, maxLength: f.maxLength } : { type: 'checklist' as const, id: f.id, items: f.items.map((i) => i.id) }),
        ...(f.required === false && { optional: true as const }),
      })),
    };
  },
};
