import type { RuntimeTool } from '../../shared/course-data.js';
import { own, record, setOwn } from '../../shared/records.js';
import { all, one } from '../core/dom.js';
import type { ActivityModule } from './activity-module.js';

/** Fields the learner fills in, kept in their saved state as they type; opening the tool is what counts. */
export const toolModule: ActivityModule<RuntimeTool> = {
  kind: 'tool',
  isDone: (tool, state) => state.visited.includes(tool.id),
  mount(view, tool, ctx) {
    const form = one<HTMLFormElement>('[data-tool-form]', view);
    if (!form) return {};
    form.addEventListener('submit', (event) => event.preventDefault());
    const saved = own(ctx.state.tools, tool.id) ?? record();
    const updaters: (() => void)[] = [];
    for (const field of tool.fields) {
      const value = own(saved, field.id);
      if (field.type === 'text') {
        const input = one<HTMLInputElement | HTMLTextAreaElement>(`[data-field="${field.id}"]`, form);
        if (!input) continue;
        const count = one('[data-count]', input.parentElement!);
        const showCount = () => {
          if (count) count.textContent = ctx.t('charCount', { n: input.value.length, max: field.maxLength });
        };
        input.value = typeof value === 'string' ? value.slice(0, field.maxLength) : '';
        showCount();
        input.addEventListener('input', showCount);
        updaters.push(() => store(field.id, input.value.slice(0, field.maxLength)));
      } else {
        const group = one(`[data-field="${field.id}"]`, form);
        if (!group) continue;
        const boxes = all<HTMLInputElement>('input[type="checkbox"]', group);
        for (const box of boxes) box.checked = Array.isArray(value) && value.includes(box.value);
        updaters.push(() => store(field.id, boxes.filter((b) => b.checked && field.items.includes(b.value)).map((b) => b.value)));
      }
    }
    function store(fieldId: string, value: string | string[]) {
      const fields = own(ctx.state.tools, tool.id) ?? setOwn(ctx.state.tools, tool.id, record());
      if (value.length === 0) delete fields[fieldId];
      else setOwn(fields, fieldId, value);
    }
    // Every keystroke lands in the state; the core's debounced save writes it to the LMS.
    const onChange = () => {
      for (const update of updaters) update();
      ctx.save();
    };
    form.addEventListener('input', onChange);
    form.addEventListener('change', onChange);
    return {};
  },
};
