/**
 * The runtime core: reads the course from the page, restores the learner's state through
 * the adapter, wires every activity, moves between pages in-page (one SCO: the LMS session
 * never reloads), and reports progress at checkpoints. It never knows which standard the
 * adapter speaks.
 */
import type { RuntimeCourse } from '../../shared/course-data.js';
import type { LearnerState } from '../../shared/learner-state.js';
import { decodeState, encodeState, unreadableState } from '../../shared/state-codec.js';
import type { ActivityContext, ActivityController } from '../activities/activity-module.js';
import { activityModuleFor } from '../activities/index.js';
import type { LaunchInfo, LmsAdapter } from '../adapters/lms-adapter.js';
import { translator } from '../i18n.js';
import { attempt } from './attempt.js';
import { all, debounce, one, setHidden } from './dom.js';
import { evaluateCourse, type CourseEvaluation } from './progress.js';
import { showProgress } from './progress-view.js';

/** How long answers and typing wait before being handed to the LMS (no commit). */
const SAVE_DELAY_MS = 1000;

export async function startCourse(adapter: LmsAdapter): Promise<void> {
  const course = JSON.parse(one('#parcours-data')!.textContent ?? '') as RuntimeCourse;
  let launch: LaunchInfo;
  try {
    launch = await adapter.start();
  } catch (error) {
    console.error('[parcours] LMS start failed: progress is not saved', error);
    launch = { savedState: null, mode: 'normal' };
  }
  const state: LearnerState = decodeState(launch.savedState, course);
  // Saved progress this runtime cannot read (foreign, corrupt, or a later format) is the
  // learner's all the same: nothing is written over it until the learner does something here.
  let held = unreadableState(launch.savedState);
  // The course's language, never `launch.language` (a cmi5 learner preference): the page's own
  // text was rendered in the course's language at build time and the bundle carries only that
  // language's strings, so following the learner's preference would mix two languages on a page.
  const t = translator(course.language);
  const passingScore = launch.masteryScore ?? course.passingScore;
  const announcer = one('[data-announcer]')!;
  const endCallbacks: (() => void)[] = [];
  const controllers = new Map<string, ActivityController>();
  let ended = false;
  let warnedSize = false;
  const reported = new Map<string, string>();
  let evaluation: CourseEvaluation;

  const persist = () => {
    if (ended || held) return;
    const encoded = encodeState(state, course);
    if (encoded.length > adapter.maxStateLength && !warnedSize) {
      warnedSize = true;
      console.warn(`[parcours] state: ${encoded.length} > ${adapter.maxStateLength} characters`);
    }
    adapter.saveState(encoded);
  };
  const save = debounce(persist, SAVE_DELAY_MS);
  const checkpoint = () => {
    if (ended) return;
    save.flush();
    adapter.commit();
  };
  /** True when `value` differs from what was last reported under `key`, now reported. */
  const changed = (key: string, value: unknown) => {
    const json = JSON.stringify(value);
    if (reported.get(key) === json) return false;
    reported.set(key, json);
    return true;
  };

  /** Recomputes progress, redraws it, reports what changed; commits when asked or when a step was just finished. */
  const update = (commit = false) => {
    if (ended) return;
    const before = evaluation;
    evaluation = evaluateCourse(course, state, (a, s) => !!activityModuleFor(a)?.isDone(a, s), launch.masteryScore);
    showProgress(course, evaluation, t, passingScore);
    const stepFinished = evaluation.steps.some((s, i) => s.status === 'done' && before?.steps[i]?.status !== 'done');
    for (const step of evaluation.steps) {
      if (step.status !== 'todo' && changed(step.id, step.objective)) adapter.recordObjective(step.objective);
    }
    if (changed('', evaluation.progress)) adapter.setProgress(evaluation.progress);
    if (commit || (before && stepFinished)) checkpoint();
    else save();
  };

  /** `fn` as the learner's doing calls it: from then on, what they do is saved over what the LMS held. */
  const byLearner =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      held = undefined;
      fn(...args);
    };

  const ctx: ActivityContext = {
    course,
    state,
    adapter,
    t,
    review: launch.mode !== 'normal',
    seed: launch.learnerName ?? '',
    announce(message) {
      // Cleared first so that the same message twice is read twice.
      announcer.textContent = '';
      setTimeout(() => (announcer.textContent = message), 50);
    },
    save: byLearner(save),
    update: byLearner(update),
    onEnd: (callback) => endCallbacks.push(callback),
  };

  for (const step of course.steps) {
    for (const activity of step.activities) {
      const view = one(`[data-activity="${activity.id}"]`);
      const module = activityModuleFor(activity);
      if (view && module) controllers.set(activity.id, module.mount(view, activity, ctx));
    }
  }

  const views = new Map(all('[data-view]').map((v) => [v.dataset.view!, v]));
  const heading = (view: HTMLElement) => one('h1', view);
  const resumeNotice = one('[data-notice="resume"]')!;
  let currentLocation: string | null = null;
  // The outline: a sidebar on wide frames, a menu the header's button discloses on narrow ones.
  const outline = one('[data-outline]')!;
  const menu = one('[data-action="menu"]')!;
  const outlineLinks = all<HTMLAnchorElement>('a', outline);
  let menuOpen = false;
  const openMenu = (open: boolean) => {
    menuOpen = open;
    menu.setAttribute('aria-expanded', String(open));
    outline.classList.toggle('open', open);
  };
  // Opened, the menu takes the focus to the current page's link (every page has one).
  menu.onclick = () => {
    openMenu(!menuOpen);
    if (menuOpen) one('[aria-current]', outline)?.focus();
  };
  // A tap or Tab out of the open menu closes it (the outline itself takes the focus of a tap inside it).
  outline.addEventListener('focusout', (event) => {
    const to = event.relatedTarget as Node | null;
    if (to !== menu && !outline.contains(to)) openMenu(false);
  });
  outline.onkeydown = menu.onkeydown = (event) => {
    if (event.key === 'Escape' && menuOpen) {
      openMenu(false);
      menu.focus();
    }
  };

  /** Shows the page at `location` ('' = overview, `step`, `step/activity`); unknown locations show the overview. */
  const go = (location: string, moveFocus: boolean) => {
    if (ended) return;
    const target = views.has(location) ? location : '';
    if (target === currentLocation) return;
    const leaving = currentLocation?.split('/')[1];
    if (leaving) controllers.get(leaving)?.hide?.();
    for (const [loc, view] of views) view.hidden = loc !== target;
    currentLocation = target;
    for (const link of outlineLinks) {
      if (link.getAttribute('href') === `#/${target}`) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    // The current place stays in sight in a long outline.
    outline.scrollTop = (one('[aria-current]', outline)?.offsetTop ?? 0) - outline.clientHeight / 3;
    openMenu(false);
    const view = views.get(target)!;
    document.title = (target ? heading(view)?.textContent + ' – ' : '') + course.title;
    if (`#/${target}` !== window.location.hash) {
      try {
        history.replaceState(null, '', `#/${target}`);
      } catch {
        // Some embedding frames refuse history changes; the page works without the address.
      }
    }
    const activityId = target.split('/')[1];
    if (activityId && !state.visited.includes(activityId)) state.visited.push(activityId);
    state.location = target;
    if (!held) adapter.setLocation(target);
    update();
    if (activityId) controllers.get(activityId)?.show?.();
    if (moveFocus) {
      resumeNotice.hidden = true;
      window.scrollTo(0, 0);
      heading(view)?.focus();
    }
  };

  /** The location in the address; none when it is not `#/…` or not decodable (`#/%E0%A4%A`). */
  const fromHash = () => attempt(() => (location.hash.startsWith('#/') ? decodeURIComponent(location.hash.slice(2)) : undefined));
  window.addEventListener('hashchange', () => {
    const target = fromHash();
    if (target !== undefined) byLearner(go)(target, true);
  });

  /** Last words of the activities (e.g. a video's `terminated`), then the state, committed. */
  const end = () => {
    for (const callback of endCallbacks) callback();
    checkpoint();
    ended = true;
  };
  const leave = () => {
    if (ended) return;
    end();
    adapter.finish('leave');
    setHidden('[data-view], .topbar button, [data-course-progress], [data-notice], [data-outline]', true);
    one('.brand')?.removeAttribute('href');
    const closed = one('[data-closed]')!;
    // The way back that fits how the course was opened: in the LMS's frame (closing the window
    // would close the LMS), or in a window of its own, which the button closes where the browser
    // lets a script (a window the LMS opened, or a tab with nothing to go back to).
    const how = window.parent !== window ? 'frame' : window.opener || history.length < 2 ? 'closable' : 'window';
    for (const el of all('[data-closed-in]', closed)) el.hidden = !el.dataset.closedIn!.includes(how);
    one('[data-action="close"]', closed)!.onclick = () => window.close();
    closed.hidden = false;
    heading(closed)?.focus();
  };
  one('[data-action="leave"]')?.addEventListener('click', leave);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') checkpoint();
  });
  window.addEventListener('pagehide', () => {
    if (ended) return;
    end();
    adapter.finish('pagehide');
  });

  if (adapter.standalone) one('[data-notice="standalone"]')!.hidden = false;
  if (held) one(`[data-notice="${held}"]`)!.hidden = false;
  const restored = fromHash() ?? (state.location || launch.location || '');
  go(restored, false);
  if (currentLocation && launch.savedState && !held) {
    resumeNotice.textContent = t('resumed', { title: heading(views.get(currentLocation)!)?.textContent ?? '' });
    resumeNotice.hidden = false;
  }
}
