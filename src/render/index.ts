import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Course } from '../model/course.js';
import type { PackageFile, Target } from '../package/target.js';
import { AssetCollector } from './assets.js';
import { buildPageView, buildRuntimeCourse, jsonForScript } from './page-view.js';
import { questionStyles } from './questions/index.js';
import { packageRoot } from './package-root.js';
import { RenderContext } from './render-context.js';
import type { MarkdownMemo } from './markdown-memo.js';
import { bundleRuntime, usedQuestionTypes } from './runtime-bundle.js';
import { loadTemplateStrings } from './strings.js';
import { compilePage } from './templates.js';
import { fontFace, themeStyle } from './theme.js';
import { videoLengths } from './video-length.js';

export { bundleRuntime, usedQuestionTypes } from './runtime-bundle.js';
export { CONTENT_DIR } from './assets.js';

/** Names of the generated files, beside index.html at the package root. */
export const PAGE_FILE = 'index.html';
export const STYLE_FILE = 'parcours.css';
export const SCRIPT_FILE = 'parcours.js';

/**
 * The course as web pages: one index.html (a single SCO: the runtime moves between steps
 * in-page, so the LMS session never reloads), its stylesheet, the target's runtime, and
 * the course files it uses under content/. Same course and target → byte-identical files.
 */
export async function renderCourse(course: Course, target: Target): Promise<PackageFile[]> {
  return withRuntime(renderPages(course), course, target);
}

/**
 * `renderCourse` for each of several targets from one `renderPages(course)`: only the runtime
 * differs between targets, so a build renders (and sanitises) the course's texts once for all.
 */
export async function withRuntime(pages: Promise<PackageFile[]>, course: Course, target: Target): Promise<PackageFile[]> {
  const [rendered, script] = await Promise.all([pages, bundleRuntime(target.runtimeEntry, course.language, usedQuestionTypes(course))]);
  const files: PackageFile[] = [...rendered, { kind: 'data', path: SCRIPT_FILE, data: Buffer.from(script, 'utf8') }];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Everything of `renderCourse` but the runtime script, the same for every target. */
export async function renderPages(course: Course, memo?: MarkdownMemo): Promise<PackageFile[]> {
  const assets = new AssetCollector(course.rootDir);
  const strings = await loadTemplateStrings(course.language);
  const ctx = new RenderContext(course, assets, strings, memo);
  const view = buildPageView(course, ctx, await videoLengths(course));
  const data = buildRuntimeCourse(course, ctx);
  const questionTypes = usedQuestionTypes(course);
  const [page, css] = await Promise.all([compilePage(strings), readStyles(questionTypes)]);
  const html = page({
    ...view,
    themeStyle: themeStyle(course.theme),
    fontFace: fontFace(course.theme, assets),
    styleHref: STYLE_FILE,
    scriptHref: SCRIPT_FILE,
    dataJson: jsonForScript(data),
  });
  const files: PackageFile[] = [
    { kind: 'data', path: PAGE_FILE, data: Buffer.from(html, 'utf8') },
    { kind: 'data', path: STYLE_FILE, data: Buffer.from(minifyCss(css), 'utf8') },
    ...(await assets.packageFiles()),
  ];
  return files;
}

/** templates/parcours.css, then the style sheets of the question types the course uses (templates/styles/). */
async function readStyles(questionTypes: readonly string[]): Promise<string> {
  const templates = path.join(packageRoot(), 'templates');
  const sheets = [path.join(templates, 'parcours.css'), ...questionStyles(questionTypes).map((name) => path.join(templates, 'styles', `${name}.css`))];
  return (await Promise.all(sheets.map((file) => readFile(file, 'utf8')))).join('\n');
}

/** Drops comments and layout whitespace; the stylesheet stays readable in templates/. */
function minifyCss(css: string): string {
  return (
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim() + '\n'
  );
}
