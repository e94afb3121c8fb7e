import type { RuntimeCourse } from '../../shared/course-data.js';
import type { Translate } from '../i18n.js';
import { all, one } from './dom.js';
import type { CourseEvaluation } from './progress.js';

/** Draws progress on the page: meters, statuses, and the overview's "continue" button and summary. */
export function showProgress(course: RuntimeCourse, evaluation: CourseEvaluation, t: Translate, passingScore: number): void {
  const { progress } = evaluation;
  for (const el of all('[data-course-progress]')) setMeter(el, progress.progress, t);
  for (const step of evaluation.steps) {
    const meter = one(`[data-step-progress="${step.id}"]`);
    if (meter) setMeter(meter, step.total ? step.done / step.total : 1, t);
    for (const el of all(`[data-step-status="${step.id}"]`)) setStatus(el, step.status, t(step.status === 'done' ? 'stepDone' : step.status));
  }
  for (const [id, status] of Object.entries(evaluation.activities)) {
    for (const el of all(`[data-activity-status="${id}"]`)) setStatus(el, status, t(status));
  }

  // The overview's main button goes to the first activity not done yet.
  const button = one<HTMLAnchorElement>('[data-action="continue"]');
  if (button) {
    const started = Object.values(evaluation.activities).some((s) => s !== 'todo');
    let next: { href: string; title: string } | undefined;
    for (const step of course.steps) {
      const a = step.activities.find((x) => evaluation.activities[x.id] !== 'done');
      if (a) {
        next = { href: `#/${step.id}/${a.id}`, title: a.title };
        break;
      }
    }
    const first = course.steps[0];
    button.href = next && started ? next.href : first ? `#/${first.id}` : '#/';
    button.textContent = !started ? t('start') : next ? t('continue', { title: next.title }) : t('review');
  }

  const summary = one('[data-course-status]');
  if (summary) {
    const parts = [t('courseProgress', { n: Math.round(progress.progress * 100) })];
    if (progress.scorePercent !== undefined) parts.push(t('courseScore', { n: progress.scorePercent }));
    if (progress.success === 'passed') parts.push(t('coursePassed'));
    else if (progress.success === 'failed') parts.push(t('courseFailed', { n: passingScore }));
    else if (progress.completion === 'completed' && !course.graded) parts.push(t('courseCompleted'));
    summary.textContent = parts.join(' · ');
    summary.dataset.state = progress.success ?? progress.completion;
  }
}

function setMeter(el: HTMLElement, share: number, t: Translate): void {
  const percent = Math.round(share * 100);
  const track = one('[role="progressbar"]', el);
  track?.setAttribute('aria-valuenow', String(percent));
  const fill = one('.meter-fill', el);
  if (fill) fill.style.width = `${percent}%`;
  const text = one('[data-meter-text]', el);
  if (text) text.textContent = t('percent', { n: percent });
}

function setStatus(el: HTMLElement, state: string, label: string): void {
  el.textContent = label;
  el.dataset.state = state;
}
