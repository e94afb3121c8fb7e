import type { RuntimeCourse } from '../../shared/course-data.js';
import type { Translate } from '../i18n.js';
import { all, one } from './dom.js';
import type { CourseEvaluation } from './progress.js';

/** Draws progress on the page: meters, statuses, and the overview's "continue" button and summary. */
export function showProgress(course: RuntimeCourse, evaluation: CourseEvaluation, t: Translate, passingScore: number): void {
  const { progress, activities } = evaluation;
  const steps = new Map(evaluation.steps.map((s) => [s.id, s]));
  for (const el of all('[data-course-progress]')) setMeter(el, progress.progress, t);
  for (const el of all('[data-step-progress]')) {
    const step = steps.get(el.dataset.stepProgress!);
    if (step) setMeter(el, step.done / (step.total || 1), t);
  }
  for (const el of all('[data-step-status]')) {
    const status = steps.get(el.dataset.stepStatus!)?.status ?? 'todo';
    setStatus(el, status, t(status === 'done' ? 'stepDone' : status));
  }
  for (const el of all('[data-activity-status]')) {
    const status = activities[el.dataset.activityStatus!] ?? 'todo';
    setStatus(el, status, t(status));
  }

  // The overview's main button goes to the first activity not done yet.
  const button = one<HTMLAnchorElement>('[data-action="continue"]');
  if (button) {
    const started = Object.values(activities).some((s) => s !== 'todo');
    const step = course.steps.find((s) => s.activities.some((a) => activities[a.id] !== 'done'));
    const next = step?.activities.find((a) => activities[a.id] !== 'done');
    button.href = `#/${started && step && next ? `${step.id}/${next.id}` : (course.steps[0]?.id ?? '')}`;
    button.textContent = !started ? t('start') : next ? t('continue', { title: next.title }) : t('review');
  }

  const summary = one('[data-course-status]');
  if (summary) {
    const parts = [t('courseProgress', { n: Math.round(progress.progress * 100) })];
    if (progress.scorePercent !== undefined) parts.push(t('courseScore', { n: progress.scorePercent }));
    if (progress.success) parts.push(progress.success === 'passed' ? t('coursePassed') : t('courseFailed', { n: passingScore }));
    else if (progress.completion === 'completed' && !course.graded) parts.push(t('courseCompleted'));
    summary.textContent = parts.join(' · ');
    summary.dataset.state = progress.success ?? progress.completion;
  }
}

function setMeter(el: HTMLElement, share: number, t: Translate): void {
  const percent = Math.round(share * 100);
  one('[role="progressbar"]', el)?.setAttribute('aria-valuenow', String(percent));
  one('.meter-fill', el)!.style.width = `${percent}%`;
  one('[data-meter-text]', el)!.textContent = t('percent', { n: percent });
}

function setStatus(el: HTMLElement, state: string, label: string): void {
  el.textContent = label;
  el.dataset.state = state;
}
