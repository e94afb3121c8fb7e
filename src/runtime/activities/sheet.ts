import type { RuntimeSheet } from '../../shared/course-data.js';
import { one } from '../core/dom.js';
import type { ActivityModule } from './activity-module.js';

/** A printable page; opening it is what counts. */
export const sheetModule: ActivityModule<RuntimeSheet> = {
  kind: 'sheet',
  isDone: (sheet, state) => state.visited.includes(sheet.id),
  mount(view) {
    one('[data-action="print"]', view)?.addEventListener('click', () => window.print());
    return {};
  },
};
