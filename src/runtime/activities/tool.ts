import type { RuntimeTool } from '../../shared/course-data.js';
import { own, record, setOwn } from '../../shared/records.js';
import { all, one, setHidden } from '../core/dom.js';
import { toolCompleted } from '../core/progress.js';
import type { ActivityModule } from './activity-module.js';

/**
 * Fields the learner fills in, kept in their saved state as they type; completed as the tool's
 * `completeWhen` says (core/progress.ts). In review (the LMS launched in review or browse mode)
 * the fields show what was saved, read-only, under the quiz's review notice.
 */
export const toolModule: ActivityModule<RuntimeTool> = {
  kind: 'tool',
  isDone: toolCompleted,
  mount(view, tool, ctx) {
    const { state, review } = ctx;
    const doneButton = one('[data-action="tool-done"]', view);
    if (doneButton) {
      doneButton.hidden = review || !!state.finished?.includes(tool.id);
      doneButton.addEventListener('click', () => {
        (state.finished ??= []).push(tool.id);
        doneButton.hidden = true;
        ctx.announce(ctx.t('done'));
        ctx.update(true);
      });
    }
    const form = one<HTMLFormElement>('[data-tool-form]', view);
    if (!form) return {};
    form.addEventListener('submit', (event) => event.preventDefault());
    const saved = own(state.tools, tool.id) ?? record();
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
      const fields = own(state.tools, tool.id) ?? setOwn(state.tools, tool.id, record());
      if (value.length === 0) delete fields[fieldId];
      else setOwn(fields, fieldId, value);
    }
    // Read-only in review, as the quiz: the learner sees what was saved, and nothing is saved.
    for (const control of all<HTMLInputElement>('input,textarea', form)) control.disabled = review;
    setHidden('[data-review-notice]', !review, form);
    setHidden('[data-tool-saved]', review, form);
    // Every keystroke lands in the state; the core's debounced save writes it to the LMS, and the
    // tool's status follows (`completeWhen: filled`).
    const onChange = () => {
      if (review) return;
      for (const update of updaters) update();
      ctx.update();
    };
    form.addEventListener('input', onChange);
    form.addEventListener('change', onChange);
    return {};
  },
};
