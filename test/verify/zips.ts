/**
 * Zips made in the tests from small in-memory folders (fflate, an independent writer), and
 * byte patches that break them the way real broken packages are broken: no binary fixtures.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Zip, ZipDeflate, zipSync } from 'fflate';

export type Files = Record<string, string | Uint8Array>;

const bytes = (content: string | Uint8Array) => (typeof content === 'string' ? new TextEncoder().encode(content) : content);

/** A zip of `files`, names written as given (backslashes, `..` and all). */
export function zipOf(files: Files): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, content]) => [name, [bytes(content), { level: 6 }]])));
}

/** A zip of entries in order, the same name allowed twice (what zipSync cannot write). */
export function zipEntries(entries: readonly [string, string | Uint8Array][]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, content] of entries) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(bytes(content), true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

interface EntryPatch {
  /** General purpose flags: bits to set and to clear. */
  setFlags?: number;
  clearFlags?: number;
  method?: number;
  uncompressedSize?: number;
  /** Point the entry at another entry's local header (and its sizes): two names, one data. */
  shareDataOf?: string;
}

/**
 * Patches `name`'s central directory record (and its local header for flags and method),
 * as a damaged or malicious zip would have it.
 */
export function patchEntry(zip: Uint8Array, name: string, patch: EntryPatch): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer);
  const records = centralRecords(out);
  const record = records.find((r) => r.name === name);
  if (!record) throw new Error(`no entry ${name}`);
  const c = record.at;
  const local = view.getUint32(c + 42, true);
  for (const header of [c + 8, local + 6]) {
    if (patch.setFlags !== undefined || patch.clearFlags !== undefined) {
      view.setUint16(header, (view.getUint16(header, true) | (patch.setFlags ?? 0)) & ~(patch.clearFlags ?? 0), true);
    }
    if (patch.method !== undefined) view.setUint16(header + 2, patch.method, true);
  }
  if (patch.uncompressedSize !== undefined) view.setUint32(c + 24, patch.uncompressedSize, true);
  if (patch.shareDataOf !== undefined) {
    const other = records.find((r) => r.name === patch.shareDataOf)!;
    for (const offset of [16, 20, 24, 42]) view.setUint32(c + offset, view.getUint32(other.at + offset, true), true);
    view.setUint16(c + 10, view.getUint16(other.at + 10, true), true);
  }
  return out;
}

/** Flips one byte of `name`'s compressed data. */
export function corruptEntry(zip: Uint8Array, name: string): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer);
  const record = centralRecords(out).find((r) => r.name === name)!;
  const local = view.getUint32(record.at + 42, true);
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  out[dataStart + 2] = out[dataStart + 2]! ^ 0xff;
  return out;
}

function centralRecords(zip: Uint8Array): { name: string; at: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const records: { name: string; at: number }[] = [];
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    records.push({ name: new TextDecoder().decode(zip.subarray(i + 46, i + 46 + nameLength)), at: i });
    i += 45 + nameLength;
  }
  return records;
}

export async function writeZip(dir: string, name: string, zip: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, zip);
  return file;
}
