/**
 * Watches the course folder and reports the files that changed, in batches: editors write
 * a file in several steps (temp file, rename), and one save must mean one rebuild.
 */
import path from 'node:path';

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
  const watcher = watch(rootDir, { ignoreInitial: true, ignored: ignored(rootDir) });
  let pending: FileChange[] = [];
  let timer: NodeJS.Timeout | undefined;

  watcher.on('all', (event, file) => {
    // `all` only carries these five events.
    pending.push({ path: path.resolve(file), event: event as FileChange['event'] });
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = pending;
      pending = [];
      onBatch(batch);
    }, DEBOUNCE_MS);
  });
  watcher.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
