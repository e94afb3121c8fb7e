/**
 * Watches the course folder and reports the files that changed, in batches: editors write
 * a file in several steps (temp file, rename), and one save must mean one rebuild.
 * A watcher sees nothing of a folder moved away and back (a branch switch, a sync tool, an
 * undo in the file manager): once the folder itself goes, this checks for its return, then
 * watches it afresh and reports it (`addDir` of the folder), so the preview rebuilds.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';

export interface FileChange {
  /** Absolute path. */
  path: string;
  event: 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';
}

export interface CourseWatcher {
  close(): Promise<void>;
}

/** Quiet time after the last change before the batch is reported. */
export const DEBOUNCE_MS = 100;
/** How often a course folder that went away is looked for. */
export const RETURN_CHECK_MS = 250;

/** Hidden files and folders (.git, editor swap files) and node_modules never affect a course. */
function ignored(rootDir: string): (file: string) => boolean {
  return (file) => {
    const relative = path.relative(rootDir, file);
    if (!relative || relative.startsWith('..')) return false;
    return relative.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules');
  };
}

export async function watchCourse(
  rootDir: string,
  onBatch: (changes: FileChange[]) => void,
  onError: (error: Error) => void,
): Promise<CourseWatcher> {
  // chokidar loads only when a preview starts, not for `--help` or a build.
  const { watch } = await import('chokidar');
  const root = path.resolve(rootDir);
  let pending: FileChange[] = [];
  let timer: NodeJS.Timeout | undefined;
  let returnCheck: NodeJS.Timeout | undefined;
  let closed = false;

  const noticed = (change: FileChange) => {
    pending.push(change);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = pending;
      pending = [];
      onBatch(batch);
    }, DEBOUNCE_MS);
  };

  const start = async (): Promise<FSWatcher> => {
    const next = watch(root, { ignoreInitial: true, ignored: ignored(root) });
    next.on('all', (event, file) => {
      // `all` only carries these five events.
      const change = { path: path.resolve(file), event: event as FileChange['event'] };
      noticed(change);
      if (change.event === 'unlinkDir' && change.path === root) awaitReturn();
    });
    next.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))));
    await new Promise<void>((resolve) => next.once('ready', () => resolve()));
    return next;
  };

  /** Looks for the folder until it is back, then swaps in a fresh watcher. */
  const awaitReturn = () => {
    if (returnCheck) return;
    returnCheck = setInterval(() => {
      void stat(root).then(
        async (info) => {
          if (!info.isDirectory() || closed || !returnCheck) return;
          clearInterval(returnCheck);
          returnCheck = undefined;
          const old = watcher;
          watcher = await start();
          await old.close();
          if (closed) await watcher.close();
          else noticed({ path: root, event: 'addDir' });
        },
        () => undefined, // still away
      );
    }, RETURN_CHECK_MS);
  };

  let watcher = await start();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(returnCheck);
      await watcher.close();
    },
  };
}
