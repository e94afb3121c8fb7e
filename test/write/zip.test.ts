import { mkdtemp, readdir, readFile, readlink, rm, truncate, writeFile, mkdir } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackageFile } from '../../src/package/target.js';
import { writeZip, writeZipTemp } from '../../src/write/zip.js';
import { CourseFileChangedError } from '../../src/load/course-files.js';
import { readZip } from './zip-reader.js';
import { requireTool } from '../support/system-tools.js';
import { waitUntil } from '../support/timeouts.js';

let work: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-zip-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function diskFile(name: string, content: Buffer | string): Promise<PackageFile & { kind: 'file' }> {
  const absPath = path.join(work, 'src', name);
  await mkdir(path.dirname(absPath), { recursive: true });
  await writeFile(absPath, content);
  return { path: name, kind: 'file', absPath, size: Buffer.byteLength(content) };
}

/** The files this process holds open under `dir` (Linux: /proc/self/fd). */
async function openFilesUnder(dir: string): Promise<string[]> {
  const targets = await Promise.all((await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return targets.filter((target) => target.startsWith(dir + path.sep));
}

function data(p: string, text: string): PackageFile {
  return { path: p, kind: 'data', data: Buffer.from(text) };
}

async function samplePackage(): Promise<PackageFile[]> {
  const html = '<!doctype html><title>x</title>' + '<p>Bonjour à tous</p>'.repeat(200);
  return [
    data('index.html', html),
    data('assets/app.css', 'body { color: #1b5e6b; }\n'.repeat(100)),
    await diskFile('media/intro.mp4', randomBytes(300_000)),
    await diskFile('media/poster.jpg', randomBytes(20_000)),
    await diskFile('media/intro.fr.vtt', 'WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour\n'.repeat(50)),
    data('imsmanifest.xml', '<?xml version="1.0"?><manifest/>'),
  ];
}

describe('writeZip', () => {
  it('writes every file, sorted, with the contents given', async () => {
    const files = await samplePackage();
    const zipPath = path.join(work, 'out', 'course.zip');
    const { bytes } = await writeZip(zipPath, files);
    const entries = readZip(zipPath);
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.path).sort());
    expect(bytes).toBe((await readFile(zipPath)).length);
    for (const file of files) {
      const entry = entries.find((e) => e.name === file.path)!;
      const expected = file.kind === 'data' ? file.data : await readFile(file.absPath);
      expect(entry.data().equals(expected)).toBe(true);
    }
  });

  it('gives byte-identical zips for the same input, whatever the order or the time', async () => {
    const files = await samplePackage();
    const a = path.join(work, 'a.zip');
    const b = path.join(work, 'b.zip');
    // Zip times count in 2-second steps: write again once the clock is in the next step.
    const step = Math.floor(Date.now() / 2000);
    await writeZip(a, files);
    await waitUntil(() => Math.floor(Date.now() / 2000) !== step, 'the next 2-second step of the clock');
    await writeZip(b, [...files].reverse());
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
    for (const entry of readZip(a)) {
      expect(entry.mode).toBe(0o644);
      expect(entry.extraLength).toBe(0);
      expect(entry.dosDateTime).toBe(0x00210000); // 1980-01-01 00:00:00, whatever today is
    }
  });

  it('stores media as they are and deflates text', async () => {
    const zipPath = path.join(work, 'c.zip');
    await writeZip(zipPath, await samplePackage());
    const method = Object.fromEntries(readZip(zipPath).map((e) => [e.name, e.method]));
    expect(method).toEqual({
      'assets/app.css': 8,
      'imsmanifest.xml': 8,
      'index.html': 8,
      'media/intro.fr.vtt': 8,
      'media/intro.mp4': 0,
      'media/poster.jpg': 0,
    });
  });

  it('is read by the system unzip without complaint', async () => {
    const zipPath = path.join(work, 'd.zip');
    await writeZip(zipPath, await samplePackage());
    requireTool('unzip'); // a missing unzip fails here, naming the package: never a silent pass
    const result = spawnSync('unzip', ['-tq', zipPath], { encoding: 'utf8' });
    if (result.error) throw result.error;
    expect(result.stdout + result.stderr).toContain('No errors detected');
    expect(result.status).toBe(0);
  });

  it('leaves neither a zip nor a temp file when a source fails midway', async () => {
    const files = await samplePackage();
    const missing: PackageFile = { path: 'media/zz-missing.mp4', kind: 'file', absPath: path.join(work, 'nope.mp4'), size: 10 };
    const outDir = path.join(work, 'out');
    const zipPath = path.join(outDir, 'course.zip');
    await expect(writeZip(zipPath, [...files, missing])).rejects.toThrow(/nope\.mp4|ENOENT/);
    expect(await readdir(outDir)).toEqual([]);
  });

  it('stops when aborted, at any moment, rejecting with the reason and leaving no temp file', async () => {
    // Large sparse files keep the writer busy; the aborts land while files open and while they
    // stream, deflated (big.vtt) or stored (big.mp4, its reads waiting for buffers to be written).
    const big = await diskFile('media/big.vtt', '');
    await truncate(big.absPath, 16 * 1024 * 1024);
    const bigVideo = await diskFile('media/big.mp4', '');
    await truncate(bigVideo.absPath, 16 * 1024 * 1024);
    const files = [...(await samplePackage()), { ...big, size: 16 * 1024 * 1024 }, { ...bigVideo, size: 16 * 1024 * 1024 }];
    const outDir = path.join(work, 'aborted');
    for (const delay of [0, 1, 5, 20, 50]) {
      const controller = new AbortController();
      const reason = new Error(`stopped after ${delay} ms`);
      setTimeout(() => controller.abort(reason), delay);
      await expect(writeZipTemp(path.join(outDir, 'course.zip'), files, { signal: controller.signal })).rejects.toBe(reason);
      expect(await readdir(outDir)).toEqual([]);
      // No course file left open (it would be closed by the garbage collector, with a warning, or never).
      if (process.platform === 'linux') expect(await openFilesUnder(path.join(work, 'src'))).toEqual([]);
    }
  });

  it('keeps an earlier zip untouched when a rebuild fails', async () => {
    const files = await samplePackage();
    const zipPath = path.join(work, 'course.zip');
    await writeZip(zipPath, files);
    const before = await readFile(zipPath);
    const missing: PackageFile = { path: 'a-missing.png', kind: 'file', absPath: path.join(work, 'gone.png'), size: 1 };
    await expect(writeZip(zipPath, [...files, missing])).rejects.toThrow();
    expect((await readFile(zipPath)).equals(before)).toBe(true);
    expect((await readdir(work)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('rejects paths that would escape the package or collide', async () => {
    const zipPath = path.join(work, 'e.zip');
    await expect(writeZip(zipPath, [data('../evil.html', 'x')])).rejects.toThrow(/relative/);
    await expect(writeZip(zipPath, [data('a.html', 'x'), data('a.html', 'y')])).rejects.toThrow(/twice/);
    expect(await readdir(work)).toEqual([]);
  });

  it('writes the very bytes earlier versions wrote for the same input (archiver 8\'s layout)', async () => {
    // Every kind of entry: text deflated, an empty file of either kind, a buffer stored, a file on
    // disk stored and one deflated, both over several read chunks, a name that is not ASCII.
    // The digest is that of the zip archiver 8 wrote for this input (Parcours before 2026-12).
    const noise = (bytes: number) => {
      const out = Buffer.alloc(bytes);
      for (let i = 0, at = 0; at < bytes; i++, at += 32) createHash('sha256').update(String(i)).digest().copy(out, at);
      return out;
    };
    const cues = Array.from({ length: 40000 }, (_, i) => `${i}\n00:00.000 --> 00:02.000\nBonjour à tous, numéro ${(i * 7919) % 1000}\n\n`).join('');
    const files: PackageFile[] = [
      data('index.html', '<!doctype html><title>é</title>' + '<p>Bonjour</p>'.repeat(500)),
      data('empty.css', ''),
      { path: 'data/poster.png', kind: 'data', data: noise(5000) },
      await diskFile('media/clip.mp4', noise(3 * 1024 * 1024 + 123)),
      await diskFile('media/été.vtt', cues),
      await diskFile('media/empty.vtt', ''),
    ];
    const zipPath = path.join(work, 'golden.zip');
    await writeZip(zipPath, files);
    const zip = await readFile(zipPath);
    expect(zip.length).toBe(3348696);
    expect(createHash('sha256').update(zip).digest('hex')).toBe('451114636cb0c6177b5b9c0b4293f993d153c0f264cf51747acc488d0af28b6a');
  });

  it('fails, naming the course file, when a file changed size or vanished since the course was loaded, and writes nothing', async () => {
    const courseRoot = path.join(work, 'src');
    const video = { ...(await diskFile('media/intro.mp4', randomBytes(3 << 20))), courseRoot };
    const captions = { ...(await diskFile('media/intro.fr.vtt', 'WEBVTT\n')), courseRoot };
    const outDir = path.join(work, 'out');
    const zipPath = path.join(outDir, 'course.zip');
    const changed = [
      { ...video, size: video.size - 1 }, // grown by a byte since it was loaded
      { ...video, size: video.size + 1 }, // shrunk
      { ...captions, size: captions.size + 5 }, // a deflated one
      { ...video, absPath: path.join(courseRoot, 'media', 'gone.mp4') }, // removed
    ];
    for (const file of changed) {
      const error = await writeZip(zipPath, [data('index.html', '<p>x</p>'), file]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CourseFileChangedError);
      expect((error as CourseFileChangedError).relPath).toBe(path.relative(courseRoot, file.absPath));
      expect((error as Error).message).toMatch(/changed after the course was checked/);
      expect(await readdir(outDir)).toEqual([]);
    }
  });

  it('lists more than 65,535 entries through a zip64 end record that unzip reads', async () => {
    const files = Array.from({ length: 65_536 }, (_, i) => ({ path: `p/${i}.png`, kind: 'data' as const, data: Buffer.from(String(i)) }));
    const zipPath = path.join(work, 'many.zip');
    await writeZip(zipPath, files);
    requireTool('unzip');
    const result = spawnSync('unzip', ['-tq', zipPath], { encoding: 'utf8' });
    if (result.error) throw result.error;
    expect(result.stdout + result.stderr).toContain('No errors detected');
    const listing = spawnSync('unzip', ['-Z1', zipPath], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(listing.stdout.trim().split('\n')).toHaveLength(65_536);
  });

  it('streams large files whole, stored and deflated, several zips at once', async () => {
    // Many read chunks each (1 MiB): more than a zip's reused buffers, and every target's zip is
    // written at the same time in a build.
    const video = await diskFile('media/long.mp4', randomBytes((24 << 20) + 7));
    const cues = Array.from({ length: 60_000 }, (_, i) => `${i}\n00:00.000 --> 00:02.000\nRéplique ${(i * 7919) % 1000}\n\n`).join('');
    const captions = await diskFile('media/long.fr.vtt', cues);
    const files = [data('index.html', '<p>Bonjour</p>'), video, captions];
    const zipPaths = ['a', 'b', 'c'].map((name) => path.join(work, 'out', `${name}.zip`));
    await Promise.all(zipPaths.map((zipPath) => writeZip(zipPath, files)));
    const expected = createHash('sha256').update(await readFile(zipPaths[0]!)).digest('hex');
    for (const zipPath of zipPaths) {
      expect(createHash('sha256').update(await readFile(zipPath)).digest('hex')).toBe(expected);
      const entries = readZip(zipPath);
      expect(entries.find((e) => e.name === 'media/long.mp4')!.data().equals(await readFile(video.absPath))).toBe(true);
      expect(entries.find((e) => e.name === 'media/long.fr.vtt')!.data().toString()).toBe(cues);
    }
    requireTool('unzip');
    const result = spawnSync('unzip', ['-tq', zipPaths[0]!], { encoding: 'utf8' });
    if (result.error) throw result.error;
    expect(result.stdout + result.stderr).toContain('No errors detected');
  });

  it('gives each zip its own contents when large pages of the same length follow one another', async () => {
    const page = (letter: string) => data('index.html', `<p>${letter.repeat(100_000)}</p>`);
    for (const [name, letter] of [['a', 'x'], ['b', 'y'], ['c', 'x']] as const) {
      const zipPath = path.join(work, `${name}.zip`);
      await writeZip(zipPath, [page(letter)]);
      expect(readZip(zipPath)[0]!.data().toString()).toBe(`<p>${letter.repeat(100_000)}</p>`);
    }
  });
});
