/**
 * What an I/O error means for someone at the keyboard, and what to do about it, instead of
 * `EACCES: permission denied, open '…'`: the loader puts it in FILE_UNREADABLE, the CLI in
 * the line it prints when writing a package fails.
 */

export type IoMode = 'read' | 'write';

export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether `error` is a failed system call on a file (Node's fs errors carry `code` and `syscall`). */
export function isIoError(error: unknown): error is NodeJS.ErrnoException & { code: string; syscall: string } {
  return error instanceof Error && typeof errorCode(error) === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

export function ioProblem(error: unknown, mode: IoMode = 'read'): { reason: string; help: string } {
  const elsewhere = mode === 'write' ? ', or choose another output folder with --out' : ', or copy the course somewhere you own';
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return {
        reason: 'permission denied',
        help: mode === 'write' ? `Give your user the right to write in that folder${elsewhere}.` : `Give your user the right to read it (and to open its folders)${elsewhere}.`,
      };
    case 'EISDIR':
      return { reason: 'it is a folder', help: mode === 'write' ? `Remove or rename that folder${elsewhere}.` : 'Point to a file, not a folder.' };
    case 'ENOTDIR':
      return { reason: 'a part of its path is a file, not a folder', help: `Check the path: one of its folders is a file${mode === 'write' ? elsewhere : ''}.` };
    case 'ENOENT':
      // Creating a folder whose parent exists (src/write/make-directory.ts): that parent cannot hold one.
      if ((error as NodeJS.ErrnoException).syscall === 'mkdir') {
        return { reason: 'the folder it would go in cannot hold folders (a symbolic link to nowhere, or a system folder such as /proc)', help: `Check the path${elsewhere}.` };
      }
      return { reason: 'it does not exist', help: 'Check the path and its spelling (names are case-sensitive).' };
    case 'EEXIST':
    case 'ENOTEMPTY':
      return { reason: 'something of that name is in the way', help: `Remove or rename it${elsewhere}.` };
    case 'ELOOP':
      return { reason: 'it is a loop of symbolic links', help: 'Replace the link by the file itself.' };
    case 'EMFILE':
    case 'ENFILE':
      return { reason: 'too many files are open at once', help: 'Close other programs or raise the limit of open files (`ulimit -n`), then run the command again.' };
    case 'ENOSPC':
    case 'EDQUOT':
      return { reason: 'the disk is full', help: `Free some space${mode === 'write' ? elsewhere : ''}, then run the command again.` };
    case 'EROFS':
      return { reason: 'the disk is read-only', help: mode === 'write' ? 'Choose an output folder on a writable disk with --out.' : 'Copy the course to a writable disk.' };
    case 'ENAMETOOLONG':
      return { reason: 'its name is too long for the system', help: 'Use a shorter path.' };
    case 'EIO':
      return { reason: 'the disk reported an error', help: 'Check the disk, then run the command again.' };
    case 'EBUSY':
    case 'ETXTBSY':
      return { reason: 'another program holds it', help: 'Close the program using it, then run the command again.' };
    default:
      return {
        reason: `the system refused (${errorCode(error) ?? 'no reason given'})`,
        help: `Check that the file and its folder are accessible${mode === 'write' ? elsewhere : ''}, then run the command again.`,
      };
  }
}
