/**
 * A package folder (an unzipped export, or what will be zipped): walked without following
 * links, which are reported, since a zip of the folder would leave them out or copy what they
 * point to, inside the package or not.
 */
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { createFinding, type Finding } from './findings.js';
import { LIMITS, type PackageFile, type PackageSource } from './source.js';

export async function openFolder(root: string): Promise<PackageSource> {
  const findings: Finding[] = [];
  const files: PackageFile[] = [];
  let bytes = 0;
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
      if (files.length >= LIMITS.maxEntries) return;
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(name);
      else if (entry.isFile()) {
        const { size } = await lstat(path.join(root, name));
        files.push({ name, size });
        bytes += size;
      } else {
        findings.push(createFinding('FOLDER_LINK', { name, what: entry.isSymbolicLink() ? 'a symbolic link' : 'a special file (not a regular file)' }));
      }
    }
  };
  await walk('');
  const known = new Map(files.map((f) => [f.name, f]));
  return {
    kind: 'folder',
    files,
    bytes,
    findings,
    read: async (name, maxBytes) => {
      const file = known.get(name);
      if (!file || file.size > maxBytes) return undefined;
      // Read at most maxBytes even if the file grew since it was listed.
      const handle = await open(path.join(root, name), 'r');
      try {
        const buffer = Buffer.alloc(Math.min(file.size, maxBytes));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    close: async () => {},
  };
}
