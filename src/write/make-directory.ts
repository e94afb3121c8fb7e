/**
 * `mkdir -p` that cannot hang. Node's recursive mkdir spins forever, at full CPU, when a folder that
 * exists cannot hold the next one (a path under /proc, or under a symbolic link to nowhere): it reads
 * ENOENT as "the parent is missing", makes the parent (EEXIST: it is there) and tries again. So
 * `parcours build --out /proc/x` never returned. Here each missing folder is created once, from the
 * nearest existing one down, and an ENOENT where the parent exists is the error it is.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Creates `dir` and the folders above it that are missing (with `mode`); throws what stops it. */
export function makeDirectory(dir: string, mode?: number): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  let below: unknown;
  for (;;) {
    const problem = tryMkdir(at, mode);
    if (problem === undefined) break;
    if (problem.code === 'EEXIST') {
      if (isDirectory(at)) break;
      // A file, or a link to nowhere, where a folder should be: the folder below could not be made in it.
      throw below ?? problem;
    }
    if (problem.code !== 'ENOENT' || path.dirname(at) === at) throw problem;
    below = problem;
    missing.push(at);
    at = path.dirname(at);
  }
  for (const folder of missing.reverse()) {
    const problem = tryMkdir(folder, mode);
    // Its parent exists now: ENOENT means the parent cannot hold it. EEXIST: another process made it first.
    if (problem !== undefined && !(problem.code === 'EEXIST' && isDirectory(folder))) throw problem;
  }
}

function tryMkdir(dir: string, mode: number | undefined): NodeJS.ErrnoException | undefined {
  try {
    mkdirSync(dir, { mode });
    return undefined;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

function isDirectory(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
