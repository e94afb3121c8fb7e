import type { Course } from '../model/course.js';
import type { RuntimeCourse } from '../shared/course-data.js';
import { activityRendererFor } from './activities/index.js';
import type { RenderContext } from './render-context.js';

interface PageLink {
  href: string;
  /** "Previous" / "Next" / "Back to the overview". */
  direction: string;
  title: string;
}

/** Place of a page in the path; `location` is what LearnerState.location holds ('' = overview). */
interface Place {
  location: string;
  title: string;
}

/** The data layout.hbs draws: the overview, each step's page and each activity's page. */
export function buildPageView(course: Course, ctx: RenderContext, videoSeconds: ReadonlyMap<string, number> = new Map()): object {
  const places: Place[] = [{ location: '', title: ctx.t('overview') }];
  for (const step of course.steps) {
    places.push({ location: step.id, title: step.title });
    for (const a of step.activities) places.push({ location: `${step.id}/${a.id}`, title: a.title });
  }
  // By location, not searched in the list for each page: a course has a page per activity.
  const placeIndex = new Map<string, number>();
  places.forEach((p, i) => placeIndex.has(p.location) || placeIndex.set(p.location, i));
  const pager = (location: string) => {
    const i = placeIndex.get(location) ?? -1;
    const prev = places[i - 1];
    const next = places[i + 1];
    const link = (p: Place, direction: string): PageLink => ({ href: `#/${p.location}`, direction, title: p.title });
    return {
      prev: prev ? link(prev, ctx.t('previous')) : null,
      // The last page leads back to the overview, said once ("Back to the overview", not "… → Overview").
      next: next ? link(next, ctx.t('next')) : { href: '#/', direction: '', title: ctx.t('finish') },
    };
  };

  const stepCount = course.steps.length;
  const steps = course.steps.map((step, s) => {
    const number = s + 1;
    const label = ctx.t('stepNumber', { n: number });
    const activities = step.activities.map((activity, a) => {
      const renderer = activityRendererFor(activity);
      return {
        id: activity.id,
        kind: activity.kind,
        kindLabel: ctx.t(`kind-${activity.kind}`),
        title: activity.title,
        href: `#/${step.id}/${activity.id}`,
        location: `${step.id}/${activity.id}`,
        position: ctx.t('activityPosition', { n: a + 1, total: step.activities.length }),
        partial: renderer.partial,
        view: renderer.view(activity, ctx),
        pager: pager(`${step.id}/${activity.id}`),
      };
    });
    return {
      id: step.id,
      number,
      label,
      position: ctx.t('stepPosition', { n: number, total: stepCount }),
      title: step.title,
      duration: step.duration ?? videoMinutes(step, videoSeconds, ctx),
      image: cardImage(step, ctx),
      href: `#/${step.id}`,
      introductionHtml: ctx.markdown(step.introduction, { headingBase: 2 }),
      activityCount: ctx.t('activityCount', { n: activities.length }),
      kinds: activities.map((a) => a.kindLabel).join(' · '),
      activities,
      pager: pager(step.id),
    };
  });

  return {
    lang: course.language,
    course: {
      title: course.title,
      descriptionHtml: paragraphs(course.description),
      authors: course.authors.join(', '),
      stepCount: ctx.t('stepCount', { n: stepCount }),
      firstHref: course.steps[0] ? `#/${course.steps[0].id}` : '#/',
      logo: course.theme.logo && ctx.assets.add(course.theme.logo.path, course.theme.logo.absPath),
      cover: course.theme.cover && ctx.assets.add(course.theme.cover.path, course.theme.cover.absPath),
    },
    // The LMS player the page adapts to (LMS preset): its frame (templates/parcours.css), and the
    // goodbye page's way back to the course from that frame (`closedFrame-<player>`).
    player: course.lmsPlayer,
    closedFrameKey: course.lmsPlayer ? `closedFrame-${course.lmsPlayer}` : 'closedFrame',
    steps,
  };
}

/** "12 min of video": the length of a step's video files, when every one of them is known; '' otherwise. */
function videoMinutes(step: Course['steps'][number], videoSeconds: ReadonlyMap<string, number>, ctx: RenderContext): string {
  const videos = step.activities.filter((a) => a.kind === 'video');
  if (videos.length === 0 || videos.some((v) => !videoSeconds.has(v.id))) return '';
  const seconds = videos.reduce((sum, v) => sum + videoSeconds.get(v.id)!, 0);
  return ctx.t('videoMinutes', { n: Math.max(1, Math.round(seconds / 60)) });
}

/** The picture of a step's card on the overview: the author's `image`, or the poster of the step's first video that has one. */
function cardImage(step: Course['steps'][number], ctx: RenderContext): string | undefined {
  const picture = step.image ?? step.activities.flatMap((a) => (a.kind === 'video' && a.poster ? [a.poster] : []))[0];
  return picture && ctx.assets.add(picture.path, picture.absPath);
}

/** Plain-text description → escaped paragraphs (blank lines separate them). */
function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim().replace(/\s+/g, ' '))}</p>`)
    .join('');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The course data the runtime reads from the page. */
export function buildRuntimeCourse(course: Course, ctx: RenderContext): RuntimeCourse {
  const steps = course.steps.map((step) => ({
    id: step.id,
    title: step.title,
    activities: step.activities.map((a) => activityRendererFor(a).runtime(a, ctx)),
  }));
  return {
    id: course.id,
    ...(course.iri ? { iri: course.iri } : {}),
    title: course.title,
    version: course.version,
    language: course.language,
    passingScore: course.passingScore,
    // A quiz weighing 0 (practice, survey) leaves nothing to pass.
    graded: steps.some((s) => s.activities.some((a) => a.kind === 'quiz' && a.weight !== 0)),
    ...(course.completion && { completion: course.completion }),
    ...(course.reportStatusAs && { reportStatusAs: course.reportStatusAs }),
    ...(course.answerFormat === 'readable' && { answers: course.answerFormat }),
    steps,
  };
}

/**
 * JSON safe inside `<script type="application/json">`: `<`, `>` and `&` become \u escapes, so
 * neither `</script>` nor `<!--` can end or alter the element; JSON.parse reads them back unchanged.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
