/**
 * Screenshots of every page type a learner sees (overview, step, the outline, video, quiz before
 * and after submitting, sheet, tool, goodbye) at three sizes (a desktop, 1280 × 900; an LMS frame such as
 * Moodle's in-page player, 650 × 700; a phone, 390 × 844), in French (the sample course) and in
 * English (the course `parcours init --lang en` writes), with Debian's Chromium. Look at them as a
 * learner would before changing the page's templates or style sheet.
 *
 *   npm run screenshots [-- outDir=/tmp/parcours-screenshots]
 *
 * The pages run with the in-memory adapter of the browser tests (scripts/preview-entry.ts), so
 * what a learner does stays in the page. A selection is kept in docs/images/learner-*.webp, each
 * under 150 kB (`convert fr-desktop-overview.png -quality 80 learner-1280-overview.webp`).
 */
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import mime from 'mime-types';
import { chromium, type Page } from 'playwright-core';
import type { Course } from '../src/model/course.js';
import { initCourse } from '../src/init/index.js';
import { loadCourse } from '../src/load/index.js';
import { renderCourse } from '../src/render/index.js';
import { CHROMIUM_OPTIONS } from '../test/support/chromium-server.js';

const outDir = path.resolve(process.argv[2] ?? '/tmp/parcours-screenshots');

export const SIZES = { desktop: { width: 1280, height: 900 }, frame: { width: 650, height: 700 }, phone: { width: 390, height: 844 } } as const;

/** Renders `courseDir` with the in-memory adapter into `siteDir`. */
async function renderSite(courseDir: string, siteDir: string): Promise<Course> {
  const loaded = await loadCourse(courseDir);
  for (const d of loaded.diagnostics) console.log(`${d.severity} ${d.code} ${d.message} (${d.loc?.file}:${d.loc?.line})`);
  if (!loaded.course) throw new Error(`${courseDir} did not load`);
  const files = await renderCourse(loaded.course, {
    name: 'preview',
    description: 'preview',
    runtimeEntry: path.resolve('scripts/preview-entry.ts'),
    maxStateLength: 4096,
    package: async (_c, pages) => pages,
  });
  await rm(siteDir, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(siteDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    if (file.kind === 'data') await writeFile(target, file.data);
    else await copyFile(file.absPath, target);
  }
  return loaded.course;
}

/** Serves `root` on 127.0.0.1; resolves to the server and its base URL. */
async function serve(root: string): Promise<{ server: http.Server; base: string }> {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, url === '/' ? 'index.html' : url);
    if (!file.startsWith(root + path.sep)) return void res.writeHead(403).end();
    const stream = createReadStream(file);
    stream.on('error', () => res.writeHead(404).end());
    stream.on('open', () => {
      res.writeHead(200, { 'content-type': mime.lookup(file) || 'application/octet-stream' });
      stream.pipe(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/index.html` };
}

type Shot = [name: string, open: (page: Page) => Promise<void>];

/** The page types, in the order a learner meets them, on the course's second step when it has one. */
function shots(course: Course, base: string): Shot[] {
  const step = course.steps[1] ?? course.steps[0]!;
  const at = (kind: string) => `${base}#/${step.id}/${step.activities.find((a) => a.kind === kind)?.id}`;
  const view = (page: Page) => page.locator('[data-view]:not([hidden])');
  const settle = (page: Page) => page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(r))));
  const list: Shot[] = [
    ['overview', async (page) => void (await page.goto(base))],
    ['step', async (page) => void (await page.goto(`${base}#/${step.id}`))],
    [
      // The outline: a sidebar on the desktop, a menu in a frame or on a phone (opened here).
      'outline',
      async (page) => {
        await page.goto(at('quiz'));
        const menu = page.locator('[data-action="menu"]');
        if (await menu.isVisible()) await menu.click();
      },
    ],
    [
      'video',
      async (page) => {
        await page.goto(at('video'));
        await view(page).locator('video').evaluate((v: HTMLVideoElement) =>
          v.readyState >= 1 || v.preload === 'none' ? undefined : new Promise((resolve) => v.addEventListener('loadedmetadata', resolve, { once: true })),
        );
      },
    ],
    ['quiz', async (page) => void (await page.goto(at('quiz')))],
    [
      'quiz-submitted',
      async (page) => {
        await page.goto(at('quiz'));
        // The first choice of every question: some right, some wrong.
        for (const group of await view(page).locator('fieldset.question').all()) {
          const first = group.locator('input[type=radio], input[type=checkbox]').first();
          if (await first.count()) await first.check();
        }
        await view(page).getByRole('button', { name: /^(Valider mes réponses|Check my answers)$/ }).click();
        await view(page).locator('.quiz-result').first().waitFor();
      },
    ],
    ['sheet', async (page) => void (await page.goto(at('sheet')))],
    [
      'tool',
      async (page) => {
        await page.goto(at('tool'));
        const text = view(page).locator('textarea, input[type=text]').first();
        if (await text.count()) await text.fill(course.language === 'fr' ? 'Notre partenariat avec l’association du quartier' : 'Ask for feedback earlier');
      },
    ],
    [
      'goodbye',
      async (page) => {
        await page.goto(base);
        await page.getByRole('button', { name: /^(Quitter|Leave)$/ }).click();
        await page.locator('[data-closed]:not([hidden])').waitFor();
      },
    ],
  ];
  return list.map(([name, open]) => [
    name,
    async (page: Page) => {
      await open(page);
      await settle(page);
    },
  ]);
}

const work = await mkdtemp(path.join(os.tmpdir(), 'parcours-shots-'));
const english = path.join(work, 'en-course');
await initCourse({ dir: english, language: 'en' });
const courses = [
  { lang: 'fr', dir: path.resolve('course') },
  { lang: 'en', dir: english },
];
await mkdir(outDir, { recursive: true });
const browser = await chromium.launch(CHROMIUM_OPTIONS);
try {
  for (const { lang, dir } of courses) {
    const site = path.join(work, `site-${lang}`);
    const course = await renderSite(dir, site);
    const { server, base } = await serve(site);
    try {
      for (const [size, viewport] of Object.entries(SIZES)) {
        const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
        for (const [name, open] of shots(course, base)) {
          // A fresh page per shot: the address alone decides what it shows (the goodbye page ends the session).
          const page = await context.newPage();
          page.on('pageerror', (e) => console.log(`[${lang} ${size} ${name}] page error: ${e.message}`));
          await open(page);
          const file = path.join(outDir, `${lang}-${size}-${name}.png`);
          await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
          console.log(file);
          await page.close();
        }
        await context.close();
      }
    } finally {
      server.close();
    }
  }
} finally {
  await browser.close();
  await rm(work, { recursive: true, force: true });
}
