/**
 * The course's theme (issue 12): logo, cover, typeface (a named stack or a font file of the
 * course) and the step cards of the overview (the author's image or the video's poster, the
 * author's duration or the length of the step's MP4 videos).
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { resolveTargets } from '../../src/package/targets.js';
import { renderCourse } from '../../src/render/index.js';
import { mp4Seconds } from '../../src/render/video-length.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const WOFF2 = Buffer.from('774f4632000100000000', 'hex');
const VIDEO = path.resolve('templates/init/media/intro.mp4'); // 6 s

/** A course folder: course.yaml with `theme`, two steps (the first with `duration` and `image`, the second without). */
function courseFolder(theme: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'parcours-theme-'));
  const write = (rel: string, data: string | Buffer) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), data);
  };
  write('course.yaml', `id: themed\ntitle: Themed\nlanguage: en\ndescription: A course.\n${theme}\nsteps: [steps/a.yaml, steps/b.yaml]\n`);
  const video = (id: string) => `  - { kind: video, id: ${id}, title: Film ${id}, src: media/film.mp4, poster: media/poster.png }\n`;
  write('steps/a.yaml', `id: a\ntitle: Step A\nduration: 10 min\nimage: media/card.png\nactivities:\n${video('va')}`);
  write('steps/b.yaml', `id: b\ntitle: Step B\nactivities:\n${video('vb')}${video('vc')}`);
  for (const name of ['logo', 'cover', 'card', 'poster']) write(`media/${name}.png`, PNG);
  write('media/Course.woff2', WOFF2);
  write('media/font.ttf', 'not a web font');
  mkdirSync(path.join(root, 'media'), { recursive: true });
  copyFileSync(VIDEO, path.join(root, 'media/film.mp4'));
  return root;
}

async function render(theme: string): Promise<{ html: string; paths: string[] }> {
  const { course, diagnostics } = await loadCourse(courseFolder(theme));
  if (!course) throw new Error(JSON.stringify(diagnostics));
  const files = await renderCourse(course, resolveTargets(['scorm12'])[0]!);
  const index = files.find((f) => f.path === 'index.html');
  return { html: index?.kind === 'data' ? index.data.toString('utf8') : '', paths: files.map((f) => f.path) };
}

describe('theme', () => {
  it('shows the logo in the header and the cover on the overview, both packaged', async () => {
    const { html, paths } = await render('theme: { color: "#1b5e6b", logo: media/logo.png, cover: media/cover.png }');
    expect(html).toMatch(/<a class="brand"[^>]*><img class="brand-logo" src="content\/media\/logo.png" alt="">/);
    expect(html).toContain('<img class="hero-cover" src="content/media/cover.png" alt="">');
    expect(paths).toEqual(expect.arrayContaining(['content/media/logo.png', 'content/media/cover.png']));
  });

  it('sets a named font stack, or the course’s font file before it', async () => {
    const named = await render('theme: { font: serif }');
    expect(named.html).toMatch(/<html[^>]* style="[^"]*--font:Charter,/);
    const file = await render('theme: { font: humanist, fontFile: media/Course.woff2 }');
    expect(file.html).toContain('<style>@font-face{font-family:&quot;Course font&quot;;src:url(&quot;content/media/Course.woff2&quot;) format(&quot;woff2&quot;)'.replace(/&quot;/g, '"'));
    expect(file.html).toMatch(/style="[^"]*--font:&quot;Course font&quot;,Seravek,/);
    expect(file.paths).toContain('content/media/Course.woff2');
  });

  it('refuses a font file that is not .woff2 or .woff, where it is named', async () => {
    const { course, diagnostics } = await loadCourse(courseFolder('theme: { fontFile: media/font.ttf }'));
    expect(course).toBeUndefined();
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.loc?.file, d.loc?.line])).toEqual([['UNSUPPORTED_MEDIA_TYPE', 'course.yaml', 5]]);
    expect(errors[0]!.message).toContain('.woff2 or .woff');
  });

  it('gives each step card the author’s image or its video’s poster, and the author’s duration or its videos’ length', async () => {
    const { html } = await render('theme: { color: "#1b5e6b" }');
    const card = (id: string) => new RegExp(`<li class="step-card" data-step-card="${id}">[\\s\\S]*?</li>\\s*(?=<li class="step-card"|</ol>)`).exec(html)![0];
    expect(card('a')).toContain('<img src="content/media/card.png"');
    expect(card('a')).toContain('>10 min</span>');
    expect(card('b')).toContain('<img src="content/media/poster.png"');
    // Two 6-second videos: about a minute.
    expect(card('b')).toContain('>1 min of video</span>');
  });
});

describe('mp4Seconds', () => {
  it('reads the length of an MP4 from its movie header, and nothing from other files', async () => {
    const root = courseFolder('');
    expect(await mp4Seconds(path.join(root, 'media/film.mp4'), root)).toBe(6);
    expect(await mp4Seconds(path.join(root, 'media/logo.png'), root)).toBeUndefined();
    // A box that claims to be larger than the file, then a truncated one: no length, no hang.
    writeFileSync(path.join(root, 'media/broken.mp4'), Buffer.concat([Buffer.from('000000ff6d6f6f76', 'hex'), Buffer.from('0000')]));
    expect(await mp4Seconds(path.join(root, 'media/broken.mp4'), root)).toBeUndefined();
  });
});
