import { chmod, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDir, pruneCache, readCached, readCachedBytes, sha256, writeCached, writeCachedBytes } from '../../src/render/disk-cache.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-cache-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('disk cache (src/render/disk-cache.ts)', () => {
  it('lives under PARCOURS_CACHE_DIR, else XDG_CACHE_HOME, else ~/.cache, and PARCOURS_CACHE=off turns it off', () => {
    expect(cacheDir({ PARCOURS_CACHE_DIR: '/x/y' })).toBe('/x/y');
    expect(cacheDir({ XDG_CACHE_HOME: '/xdg' })).toBe('/xdg/parcours');
    expect(cacheDir({ XDG_CACHE_HOME: 'relative' })).toBe(path.join(os.homedir(), '.cache', 'parcours'));
    expect(cacheDir({ PARCOURS_CACHE: 'off', PARCOURS_CACHE_DIR: '/x' })).toBeUndefined();
  });

  it('gives back what was written, and nothing for an entry never written', async () => {
    const dir = path.join(work, 'plain');
    writeCached('a.js', 'body ✓\nsecond line', dir);
    expect(readCached('a.js', dir)).toBe('body ✓\nsecond line');
    expect(readCached('b.js', dir)).toBeUndefined();
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('ignores an entry that is truncated, edited or not an entry at all', async () => {
    const dir = path.join(work, 'corrupt');
    writeCached('a.js', 'x'.repeat(1000), dir);
    const file = path.join(dir, 'a.js');
    const whole = await readFile(file, 'utf8');
    for (const damaged of [whole.slice(0, -10), whole.replace('xxx', 'xyx'), '', 'garbage', whole.slice(0, 20)]) {
      await writeFile(file, damaged);
      expect(readCached('a.js', dir)).toBeUndefined();
    }
    writeCached('a.js', 'again', dir); // written over
    expect(readCached('a.js', dir)).toBe('again');
  });

  it('leaves every reader a whole entry while many writers race on the same name', async () => {
    const dir = path.join(work, 'race');
    const bodies = Array.from({ length: 20 }, (_, i) => String(i).repeat(50_000));
    await Promise.all(
      bodies.map(async (body) => {
        await Promise.resolve();
        writeCached('same.js', body, dir);
        const read = readCached('same.js', dir);
        expect(read === undefined || bodies.includes(read)).toBe(true);
      }),
    );
    expect(bodies).toContain(readCached('same.js', dir));
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('is not used in a folder others can write to', async () => {
    const open = path.join(work, 'open');
    await mkdir(open);
    await chmod(open, 0o777);
    writeCached('a.js', 'theirs', open);
    expect(await readdir(open)).toEqual([]);
    // A whole entry, as a Parcours process would write it, planted by someone else: still not read.
    const own = path.join(work, 'own-for-planting');
    writeCached('a.js', 'planted', own);
    expect(readCached('a.js', own)).toBe('planted');
    await writeFile(path.join(open, 'a.js'), await readFile(path.join(own, 'a.js')));
    expect(readCached('a.js', open)).toBeUndefined();
  });

  it('keeps binary bodies byte for byte, and ignores one cut short or altered', async () => {
    const dir = path.join(work, 'bytes');
    const body = Buffer.from([0, 10, 13, 255, 0x0a, 0x80, 1, 2, 3]);
    writeCachedBytes('code.bin', body, dir);
    expect(readCachedBytes('code.bin', dir)).toEqual(body);
    const entry = await readFile(path.join(dir, 'code.bin'));
    await writeFile(path.join(dir, 'code.bin'), entry.subarray(0, entry.length - 1));
    expect(readCachedBytes('code.bin', dir)).toBeUndefined();
    entry[entry.length - 1] = entry[entry.length - 1]! ^ 1;
    await writeFile(path.join(dir, 'code.bin'), entry);
    expect(readCachedBytes('code.bin', dir)).toBeUndefined();
  });

  it('keeps the folder under its size bound by removing the oldest entries', async () => {
    const dir = path.join(work, 'bounded');
    for (let i = 0; i < 8; i++) {
      writeCached(`e${i}.js`, 'x'.repeat(1000), dir);
      await utimes(path.join(dir, `e${i}.js`), new Date(), new Date(Date.now() - (10 - i) * 60_000)); // e0 oldest
    }
    pruneCache(dir, 20_000);
    expect((await readdir(dir)).length).toBe(8); // under the bound: nothing removed
    pruneCache(dir, 6_000);
    // Entries of ~1.1 kB, down to three quarters of the bound (4.5 kB): the four oldest go.
    expect((await readdir(dir)).sort()).toEqual(['e4.js', 'e5.js', 'e6.js', 'e7.js']);
    expect(readCached('e7.js', dir)).toBe('x'.repeat(1000));
  });

  it('names entries by a digest that tells its parts apart', () => {
    expect(sha256('ab', 'c')).not.toBe(sha256('a', 'bc'));
    expect(sha256('ab', 'c')).toMatch(/^[0-9a-f]{64}$/);
  });
});
