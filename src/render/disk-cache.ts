/**
 * A content-addressed cache on disk, shared by every Parcours process of the user: what a
 * build computes the same way each time from the same inputs (the runtime bundle, the compiled
 * templates) is kept under the digest of those inputs, so the next process reads it instead.
 *
 * Where: $PARCOURS_CACHE_DIR, else $XDG_CACHE_HOME/parcours, else ~/.cache/parcours;
 * PARCOURS_CACHE=off turns it off. The folder must be the user's own and not writable by others
 * (else it is not used: a file someone else put there would reach every package).
 * Safe against concurrent builds: an entry is written under a temp name, then renamed, so a
 * reader sees a whole entry or none. Each entry carries the digest of its body; an entry that
 * does not match (truncated, edited) is ignored and written again. Any I/O failure (read-only
 * home, full disk) only means the value is computed: the cache never fails a build.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDirectory } from '../write/make-directory.js';

const MAGIC = 'parcours-cache 1 ';
const MAGIC_BYTES = Buffer.from(MAGIC, 'latin1');

/** The cache folder in force, or undefined when the cache is off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PARCOURS_CACHE === 'off') return undefined;
  if (env.PARCOURS_CACHE_DIR) return path.resolve(env.PARCOURS_CACHE_DIR);
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'parcours');
}

export function sha256(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? `${part.length}:${part}` : part);
  return hash.digest('hex');
}

const fileDigests = new Map<string, string>();

/**
 * The digest of a file's bytes, read once per process: the digest of a bundle of lib/ that several
 * caches key their entries by (the code that made them), ~3 ms for a 1.6 MB bundle each time.
 */
export function fileDigest(file: string): string {
  let digest = fileDigests.get(file);
  if (digest === undefined) {
    digest = sha256(readFileSync(file));
    fileDigests.set(file, digest);
  }
  return digest;
}

/** Set to true by scripts/bundle-cli.ts in every bundle of lib/. */
declare const PARCOURS_BUNDLED: boolean | undefined;

/**
 * The digest of the bundle holding the module at `moduleUrl` (its `import.meta.url`), for caches
 * of what that code computes: any change in the bundle renews their entries. Null when the code
 * runs from its sources (the tests), whose changes no single file's digest would show.
 */
export function bundleDigest(moduleUrl: string): string | null {
  if (typeof PARCOURS_BUNDLED === 'undefined' || !PARCOURS_BUNDLED) return null;
  try {
    return fileDigest(fileURLToPath(moduleUrl));
  } catch {
    return null;
  }
}

const usable = new Map<string, boolean>();

/** Creates the folder (mode 700) and checks it is the user's own and closed to others. */
function usableDir(dir: string): boolean {
  let ok = usable.get(dir);
  if (ok === undefined) {
    try {
      makeDirectory(dir, 0o700);
      const stats = statSync(dir);
      const uid = process.getuid?.();
      ok = stats.isDirectory() && (uid === undefined || (stats.uid === uid && (stats.mode & 0o022) === 0));
    } catch {
      ok = false;
    }
    usable.set(dir, ok);
  }
  return ok;
}

/** The entry's body, or undefined when absent, unreadable or not whole. */
export function readCached(name: string, dir = cacheDir()): string | undefined {
  return readCachedBytes(name, dir)?.toString('utf8');
}

/** Keeps `body` under `name` (temp file, then rename); failures are ignored. */
export function writeCached(name: string, body: string, dir = cacheDir()): void {
  writeCachedBytes(name, Buffer.from(body, 'utf8'), dir);
}

/** readCached for a binary body (V8's code cache of the command, src/cli/command-bundle.ts). */
export function readCachedBytes(name: string, dir = cacheDir()): Buffer | undefined {
  if (!dir || !usableDir(dir)) return undefined;
  let entry: Buffer;
  try {
    entry = readFileSync(path.join(dir, name));
  } catch {
    return undefined;
  }
  const newline = entry.indexOf(0x0a);
  if (newline < 0 || !entry.subarray(0, MAGIC.length).equals(MAGIC_BYTES)) return undefined;
  const body = entry.subarray(newline + 1);
  return entry.toString('latin1', MAGIC.length, newline) === sha256(body) ? body : undefined;
}

/** writeCached for a binary body. */
export function writeCachedBytes(name: string, body: Buffer, dir = cacheDir()): void {
  if (!dir || !usableDir(dir)) return;
  const file = path.join(dir, name);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([Buffer.from(`${MAGIC}${sha256(body)}\n`, 'latin1'), body]), { flag: 'wx', mode: 0o600 });
    renameSync(temp, file);
    if (!pruned.has(dir)) {
      pruned.add(dir);
      pruneCache(dir);
    }
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // left for the next clean-up of the cache folder
    }
  }
}

/** Folders pruned by this process: once is enough, after its first new entry. */
const pruned = new Set<string>();

/**
 * The cache folder's size bound. Entries are replaced, never updated: each edit of a course file
 * adds a parse-cache entry, each Parcours version its code caches (~2 MB per command), so without
 * a bound the folder would only grow.
 */
export const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * Past `maxBytes`, removes the oldest entries (by when they were written) until the folder holds
 * three quarters of it. A process that fails to remove one (another removed it first) goes on.
 */
export function pruneCache(dir: string, maxBytes = MAX_CACHE_BYTES): void {
  let entries: { file: string; bytes: number; written: number }[];
  try {
    entries = readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      const stats = statSync(file, { throwIfNoEntry: false });
      return stats?.isFile() ? [{ file, bytes: stats.size, written: stats.mtimeMs }] : [];
    });
  } catch {
    return;
  }
  let total = entries.reduce((sum, e) => sum + e.bytes, 0);
  if (total <= maxBytes) return;
  for (const entry of entries.sort((a, b) => a.written - b.written)) {
    if (total <= maxBytes * 0.75) break;
    try {
      rmSync(entry.file, { force: true });
    } catch {
      // removed by another process, or not ours to remove
    }
    total -= entry.bytes;
  }
}

/**
 * The value kept under `name`, or `compute()`'s, then kept. `name` must hold the digest of every
 * input of `compute` (see `sha256`).
 */
export async function cached(name: string, compute: () => Promise<string>): Promise<string> {
  const hit = readCached(name);
  if (hit !== undefined) return hit;
  const value = await compute();
  writeCached(name, value);
  return value;
}
