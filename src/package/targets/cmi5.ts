/**
 * cmi5: the pages plus `cmi5.xml` at the zip root (cmi5 spec §13–§14, CourseStructure.xsd).
 * One AU for the whole course by default; with `cmi5AuPerStep`, one AU per step whose URL
 * opens that step (`index.html?step=<id>`: the LMS appends its launch parameters to it).
 *
 *   <course id=courseIri>  title and description in the course language
 *   <au id=courseIri/au[/<step>] moveOn=… masteryScore=… launchMethod="AnyWindow">
 *
 * moveOn: CompletedAndPassed when the AU has quizzes (its score decides), Completed otherwise.
 * masteryScore: the course passing score as 0–1 (≤ 4 decimals), on AUs with quizzes, unless
 * the build was asked not to write one (`masteryScore: false`). The LMS passes both back in
 * LMS.LaunchData, and may override them; the runtime follows what it receives. Nothing about
 * any LMS or LRS is written into the package.
 */
import type { Course, Step } from '../../model/course.js';
import { courseIri } from '../../shared/iri.js';
import { STATE_DOCUMENT_MAX_LENGTH } from '../../shared/learner-state.js';
import { checkCourseIri } from '../course-iri-check.js';
import { ATTR, buildXml } from '../manifest-xml.js';
import type { BuildOptions, PackageFile, Target } from '../target.js';

export const CMI5_FILE = 'cmi5.xml';
export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
/** The page the LMS launches (rendered by src/render). */
const LAUNCH_FILE = 'index.html';

export const cmi5: Target = {
  name: 'cmi5',
  description: 'cmi5 package (cmi5.xml), for a cmi5 LMS',
  runtimeEntry: 'cmi5.ts',
  /** A State API document holds the state. */
  maxStateLength: STATE_DOCUMENT_MAX_LENGTH,

  check(course, diagnostics) {
    checkCourseIri(course, diagnostics);
  },

  async package(course, pages, options) {
    const manifest: PackageFile = { path: CMI5_FILE, kind: 'data', data: Buffer.from(buildCmi5Xml(course, options), 'utf8') };
    return [...pages, manifest];
  },
};

export type Cmi5MoveOn = 'Completed' | 'CompletedAndPassed';

export interface Cmi5Au {
  id: string;
  title: string;
  description: string;
  url: string;
  moveOn: Cmi5MoveOn;
  masteryScore?: number;
}

/** The AUs cmi5.xml lists, in order. */
export function cmi5Aus(course: Course, options: Pick<BuildOptions, 'masteryScore' | 'cmi5AuPerStep'>): Cmi5Au[] {
  const root = trimSlash(courseIri(course));
  const au = (id: string, title: string, description: string, url: string, graded: boolean): Cmi5Au => ({
    id,
    title,
    description,
    url,
    moveOn: graded ? 'CompletedAndPassed' : 'Completed',
    ...(graded && options.masteryScore && { masteryScore: masteryScoreOf(course.passingScore) }),
  });
  if (!options.cmi5AuPerStep) {
    return [au(`${root}/au`, course.title, courseDescription(course), LAUNCH_FILE, course.steps.some(hasQuiz))];
  }
  return course.steps.map((step) => {
    const id = encodeURIComponent(step.id);
    return au(`${root}/au/${id}`, step.title, `${course.title} — ${step.title}`, `${LAUNCH_FILE}?step=${id}`, hasQuiz(step));
  });
}

export function buildCmi5Xml(course: Course, options: Pick<BuildOptions, 'masteryScore' | 'cmi5AuPerStep'>): string {
  const lang = course.language;
  const text = (value: string) => ({ langstring: { [`${ATTR}lang`]: lang, '#text': value } });
  const aus = cmi5Aus(course, options).map((au) => ({
    [`${ATTR}id`]: au.id,
    [`${ATTR}moveOn`]: au.moveOn,
    ...(au.masteryScore !== undefined && { [`${ATTR}masteryScore`]: String(au.masteryScore) }),
    [`${ATTR}launchMethod`]: 'AnyWindow',
    title: text(au.title),
    description: text(au.description),
    url: au.url,
  }));
  return buildXml({
    courseStructure: {
      [`${ATTR}xmlns`]: CMI5_NAMESPACE,
      course: {
        [`${ATTR}id`]: courseIri(course),
        title: text(course.title),
        description: text(courseDescription(course)),
      },
      au: aus,
    },
  });
}

/** Percent → the 0–1 decimal cmi5 wants, at most 4 decimals (§13.1.4). */
export function masteryScoreOf(passingScore: number): number {
  return Math.round(Math.min(100, Math.max(0, passingScore)) * 100) / 10_000;
}

/** The description is required; a course without one is described by its title. */
function courseDescription(course: Course): string {
  return course.description.trim() || course.title;
}

function hasQuiz(step: Step): boolean {
  return step.activities.some((a) => a.kind === 'quiz');
}

function trimSlash(iri: string): string {
  return iri.endsWith('/') ? iri.slice(0, -1) : iri;
}
