/**
 * Renders a course into a folder, serves it on 127.0.0.1 and takes screenshots of its main
 * pages in Chromium, desktop and phone size, to look at the result as a learner would.
 *   npx tsx scripts/preview-course.ts [courseDir=course] [outDir=/tmp/parcours-preview]
 * The page runs with an in-memory adapter (scripts/preview-entry.ts).
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import mime from 'mime-types';
import { loadCourse } from '../src/load/index.js';
import { renderCourse } from '../src/render/index.js';

const courseDir = path.resolve(process.argv[2] ?? 'course');
const outDir = path.resolve(process.argv[3] ?? '/tmp/parcours-preview');

const loaded = await loadCourse(courseDir);
for (const d of loaded.diagnostics) console.log(`${d.severity} ${d.code} ${d.message} (${d.loc?.file}:${d.loc?.line})`);
const course = loaded.course;
if (!course) throw new Error('the course did not load');

const files = await renderCourse(course, {
  name: 'preview',
  description: 'preview',
  runtimeEntry: path.resolve('scripts/preview-entry.ts'),
  maxStateLength: 4096,
  package: async (_c, pages) => pages,
});
await rm(outDir, { recursive: true, force: true });
for (const file of files) {
  const target = path.join(outDir, 'site', file.path);
  await mkdir(path.dirname(target), { recursive: true });
  if (file.kind === 'data') await writeFile(target, file.data);
  else await copyFile(file.absPath, target);
}
console.log(`${files.length} files in ${path.join(outDir, 'site')}`);

const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = path.join(outDir, 'site', url === '/' ? 'index.html' : url);
  if (!file.startsWith(path.join(outDir, 'site'))) return void res.writeHead(403).end();
  const stream = createReadStream(file);
  stream.on('error', () => res.writeHead(404).end());
  stream.on('open', () => {
    res.writeHead(200, { 'content-type': mime.lookup(file) || 'application/octet-stream' });
    stream.pipe(res);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/index.html`;
console.log(`serving ${base}`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const step = course.steps[1] ?? course.steps[0]!;
const find = (kind: string) => step.activities.find((a) => a.kind === kind);
const shots: [string, (page: Page) => Promise<void>][] = [
  ['path', async (page) => void (await page.goto(base + '?standalone'))],
  ['step', async (page) => void (await page.goto(`${base}#/${step.id}`))],
  [
    'video',
    async (page) => {
      await page.goto(`${base}#/${step.id}/${find('video')?.id}`);
      await page.waitForTimeout(500);
    },
  ],
  [
    'quiz-wrong',
    async (page) => {
      const quiz = find('quiz');
      await page.goto(`${base}#/${step.id}/${quiz?.id}`);
      // First choice of every question: some wrong answers.
      for (const fieldset of await page.locator(`[data-activity="${quiz?.id}"] fieldset.question`).all()) {
        await fieldset.locator('input').first().check();
      }
      await page.getByRole('button', { name: /Valider|Check/ }).click();
      await page.waitForTimeout(200);
    },
  ],
  ['sheet', async (page) => void (await page.goto(`${base}#/${step.id}/${find('sheet')?.id}`))],
  [
    'tool',
    async (page) => {
      await page.goto(`${base}#/${step.id}/${find('tool')?.id}`);
      const text = page.locator(`[data-activity="${find('tool')?.id}"] textarea, [data-activity="${find('tool')?.id}"] input[type=text]`).first();
      if (await text.count()) await text.fill('Notre partenariat avec l’association du quartier');
    },
  ],
  [
    'sheet-print',
    async (page) => {
      await page.goto(`${base}#/${step.id}/${find('sheet')?.id}`);
      await page.emulateMedia({ media: 'print' });
    },
  ],
  [
    'closed',
    async (page) => {
      await page.goto(base);
      await page.getByRole('button', { name: /Quitter|Leave/ }).click();
    },
  ],
];
await mkdir(path.join(outDir, 'screens'), { recursive: true });
for (const [device, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 375, height: 740 }],
  // Moodle's default SCORM frame height.
  ['moodle', { width: 960, height: 500 }],
] as const) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  for (const [name, open] of shots) {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log(`[${name}] console: ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[${name}] page error: ${e.message}`));
    await open(page);
    await page.waitForTimeout(150);
    const file = path.join(outDir, 'screens', `${device}-${name}.png`);
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file);
    await page.close();
  }
  await context.close();
}
await browser.close();
server.close();
