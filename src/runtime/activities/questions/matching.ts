import type { RuntimeQuestion } from '../../../shared/course-data.js';
import { all } from '../../core/dom.js';
import { lockControls, markPart, part, resetParts, shuffleParts } from './parts.js';
import type { QuestionType } from './question-type.js';

/** `<sourceId>.<targetId>`: the response format (xAPI writes `[.]`, SCORM 1.2 `.` between positions). */
const pair = (source: string, target: string) => `${source}.${target}`;
const rightPairs = (question: RuntimeQuestion) => (question.sources ?? []).map((s) => pair(s.id, s.match));
const selects = (root: HTMLElement) => all<HTMLSelectElement>('select[data-source]', root);

/** A list of targets per source. Partial credit: the share of sources matched right. */
export const matching: QuestionType = {
  type: 'matching',
  interactionType: 'matching',
  read: (root) => selects(root).flatMap((s) => (s.value ? [pair(s.dataset.source!, s.value)] : [])),
  write(root, response) {
    for (const select of selects(root)) {
      const prefix = select.dataset.source + '.';
      const saved = response.find((p) => p.startsWith(prefix));
      select.value = saved ? saved.slice(prefix.length) : '';
    }
  },
  score(question, response) {
    const right = rightPairs(question);
    return right.length ? right.filter((p) => response.includes(p)).length / right.length : 0;
  },
  correct: rightPairs,
  review(root, question, response, reveal) {
    for (const s of question.sources ?? []) markPart(part(root, s.id), response.includes(pair(s.id, s.match)), reveal);
    lockControls(root, true);
  },
  reset(root, question, seed) {
    resetParts(root);
    const first = part(root, question.sources?.[0]?.id ?? '');
    shuffleParts(first?.parentElement ?? null, (question.sources ?? []).map((s) => s.id), seed);
  },
};
