/**
 * `parcours preview`: build the course, serve it, watch its folder, rebuild on change and
 * tell open pages to reload. Never writes in the course folder. Reports each build through
 * `onBuild`; printing is the CLI's business.
 */
import { stat } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CourseError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { courseFileReader } from '../load/index.js';
import { DEFAULT_PREVIEW_PORT } from './defaults.js';
import { createLmsHost } from './lms/hosts.js';
import { lmsServedSite } from './lms/lms-site.js';
import type { PreviewMode } from './lms/modes.js';
import { buildPackageSite } from './lms/package-site.js';
import { injectPreview, placeholderPage } from './preview-page.js';
import { startPreviewServer, type PreviewServer } from './preview-server.js';
import { buildSite, sameFiles, type SiteBuild, type SiteFiles } from './preview-site.js';
import type { BuildOptions } from '../package/target.js';
import { BUILD_OPTIONS_PATH, parseBuildSettings } from './lms/build-settings.js';
import { LRS_PREFIX } from './lrs/preview-lrs.js';
import type { ExtraRoutes } from './preview-server.js';
import { watchCourse, type CourseWatcher, type FileChange } from './watch-course.js';

export interface PreviewOptions {
  courseDir: string;
  /** 0 picks a free port. Default 4173. */
  port?: number;
  /**
   * `scorm12`, `xapi`, `cmi5`: the package `build` writes for that target, inside a local LMS
   * with a panel (src/preview/lms/, src/preview/lrs/ for the LRS); `standalone` (the default here; the CLI's is scorm12): the course
   * alone, its progress in the browser.
   */
  as?: PreviewMode;
  /** LMS modes: `build`'s options (--lms, --report-status-as, --answers…), for the package. */
  build?: Partial<BuildOptions>;
  onBuild?: (report: PreviewBuildReport) => void;
  /** Watching failed (e.g. more folders than the system lets one watch); the server keeps running. */
  onWatchError?: (error: Error) => void;
}

export interface PreviewBuildReport {
  trigger: 'start' | 'change';
  /** Course-relative paths that changed (none at start). */
  changed: string[];
  /** Time the rebuild took, from the end of the debounce to the new pages being served. */
  ms: number;
  diagnostics: Diagnostic[];
  /** False when the course did not render: pages keep the last version, under the overlay. */
  rendered: boolean;
  /** Only course files served from disk changed (a video, an image): nothing was re-rendered. */
  assetsOnly: boolean;
  /** Open pages were told to reload (something they show changed). */
  reloaded: boolean;
  /** An unexpected failure of the build (a bug, an unreadable file); the server keeps running. */
  failure?: Error;
}

export interface PreviewSession {
  url: string;
  port: number;
  /** Closes the watcher, waits for a running rebuild, closes the server and its event streams. */
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<PreviewSession> {
  const rootDir = path.resolve(options.courseDir);
  const readFile = courseFileReader(rootDir);
  const runStamp = Date.now().toString(36);
  let builds = 0;
  const nextBuildId = () => `${runStamp}-${++builds}`;

  const lmsMode = options.as !== undefined && options.as !== 'standalone' ? options.as : undefined;
  const host = lmsMode && createLmsHost(lmsMode);
  /** The build options; the panel may change some (build-settings.ts), for the next builds. */
  let given: Partial<BuildOptions> = { ...options.build };
  const siteOf = (dir: string) => (lmsMode ? buildPackageSite(dir, lmsMode, given) : buildSite(dir));

  const started = performance.now();
  const first = await siteOf(rootDir);
  // Nothing to watch without the folder: report it as `validate` would.
  if (!(await stat(rootDir).then((s) => s.isDirectory(), () => false))) throw new CourseError(first.diagnostics);

  /** The last site that rendered: still served while the course has errors. */
  let files: SiteFiles | undefined = first.files;
  let sourceFiles = new Set(first.sourceFiles);
  let settings = first.settings;
  let diagnostics = first.diagnostics;
  let failure: string | undefined;
  let buildId = nextBuildId();

  const servedSite = () => {
    const state = { buildId, diagnostics, failure, readFile };
    if (host) return { ...lmsServedSite(files, state, (f) => host.page(f, settings)), buildId };
    const page = files?.get('index.html');
    const html = page?.kind === 'data' ? injectPreview(page.data.toString('utf8'), state) : placeholderPage(state);
    return { page: html, files: files ?? new Map(), buildId };
  };

  const routes: ExtraRoutes[] = [];
  const lrs = host ? host.lrs : undefined;
  if (lrs) routes.push({ prefix: LRS_PREFIX, handle: (req, res, url, origin) => lrs.handle(req, res, url, origin) });
  if (host) routes.push({ prefix: BUILD_OPTIONS_PATH, handle: changeBuildOptions });
  const server: PreviewServer = await startPreviewServer(options.port ?? DEFAULT_PREVIEW_PORT, servedSite(), routes);
  options.onBuild?.({
    trigger: 'start',
    changed: [],
    ms: Math.round(performance.now() - started),
    diagnostics,
    rendered: Boolean(first.files),
    assetsOnly: false,
    reloaded: false,
  });

  /** Course files served from disk, by absolute path: a change to one of them only needs a reload. */
  const servedAssets = () => new Set([...(files?.values() ?? [])].flatMap((f) => (f.kind === 'file' ? [f.absPath] : [])));

  async function rebuild(batch: FileChange[]): Promise<void> {
    const began = performance.now();
    // The folder itself (moved away or back) has no course-relative path: '.'.
    const changed = [...new Set(batch.map((c) => path.relative(rootDir, c.path).split(path.sep).join('/') || '.'))];
    const assets = servedAssets();
    const touchesAsset = batch.some((c) => assets.has(c.path));
    const assetsOnly =
      batch.length > 0 &&
      Boolean(files) && !failure && !diagnostics.some((d) => d.severity === 'error') &&
      batch.every((c) => c.event === 'change' && assets.has(c.path) && !sourceFiles.has(c.path));

    let result: SiteBuild | undefined;
    let error: Error | undefined;
    if (!assetsOnly) {
      try {
        result = await siteOf(rootDir);
      } catch (caught) {
        error = caught instanceof Error ? caught : new Error(String(caught));
      }
    }

    let reload = assetsOnly || touchesAsset;
    if (result) {
      if (result.files && !sameFiles(result.files, files)) reload = true;
      if (JSON.stringify(result.diagnostics) !== JSON.stringify(diagnostics) || failure) reload = true;
      files = result.files ?? files;
      if (result.files) sourceFiles = new Set(result.sourceFiles);
      if (result.files) settings = result.settings;
      diagnostics = result.diagnostics;
      failure = undefined;
    } else if (error) {
      reload = failure !== error.message;
      failure = error.message;
    }
    if (reload) {
      buildId = nextBuildId();
      server.update(servedSite());
      server.announceReload();
    }
    options.onBuild?.({
      trigger: 'change',
      changed,
      ms: Math.round(performance.now() - began),
      diagnostics,
      rendered: Boolean(result?.files),
      assetsOnly,
      reloaded: reload,
      ...(error && { failure: error }),
    });
  }

  // One rebuild at a time; changes noticed meanwhile make the next one.
  let queued: FileChange[] = [];
  /** The panel changed a build option: the next rebuild happens even without a changed file. */
  let settingsChanged = false;
  let running: Promise<void> | undefined;
  let closed = false;
  let closing: Promise<void> | undefined;
  const drain = async () => {
    while ((queued.length > 0 || settingsChanged) && !closed) {
      const batch = queued;
      queued = [];
      settingsChanged = false;
      await rebuild(batch).catch((error: unknown) => options.onWatchError?.(error instanceof Error ? error : new Error(String(error))));
    }
    running = undefined;
  };

  /** POST from the panel (JSON only: a cross-site form cannot send it without a preflight, never allowed). */
  async function changeBuildOptions(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 4096) return void res.writeHead(413).end();
      chunks.push(chunk as Buffer);
    }
    if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json')) return void res.writeHead(415).end();
    const parsed = parseBuildSettings(Buffer.concat(chunks).toString('utf8'));
    if (typeof parsed === 'string') return void res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end(parsed);
    given = { ...given, ...parsed };
    settingsChanged = true;
    running ??= drain();
    res.writeHead(202).end();
  }

  let watcher: CourseWatcher;
  try {
    watcher = await watchCourse(
      rootDir,
      (batch) => {
        queued.push(...batch);
        running ??= drain();
      },
      (error) => options.onWatchError?.(error),
    );
  } catch (error) {
    await server.close();
    throw error;
  }

  return {
    url: server.url,
    port: server.port,
    close() {
      closing ??= (async () => {
        closed = true;
        await watcher.close();
        await running;
        await server.close();
      })();
      return closing;
    },
  };
}
