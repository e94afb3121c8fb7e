/**
 * Unzips a built package with an independent reader (fflate), so the test also checks
 * that the zip our writer produced is readable by someone else's code.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';

/** Extracts every entry of `zipPath` into `destDir`; returns the entry names (directories excluded). */
export async function unzipTo(zipPath: string, destDir: string): Promise<string[]> {
  const entries = unzipSync(new Uint8Array(await readFile(zipPath)));
  const names: string[] = [];
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const target = path.resolve(destDir, name);
    if (!target.startsWith(path.resolve(destDir) + path.sep)) {
      throw new Error(`zip entry escapes the extraction folder: ${name}`);
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data);
    names.push(name);
  }
  return names.sort();
}
