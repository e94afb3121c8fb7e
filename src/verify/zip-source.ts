/**
 * A zip package, read with yauzl from its central directory: nothing is loaded whole. Every
 * entry is extracted once into nothing (streamed, counted, its CRC checked by yauzl) so a
 * damaged entry is found before an LMS trips on it; extraction stops at LIMITS, so a zip bomb
 * costs a listing, not the disk or the memory.
 */
import { stat } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { createFinding, type Finding } from './findings.js';
import { formatBytes } from '../shared/format-bytes.js';
import { LIMITS, type PackageFile, type PackageSource } from './source.js';
import { withThousands } from '../shared/format-number.js';

const UTF8_FLAG = 0x800;
/** Info-ZIP Unicode Path extra field: a UTF-8 name beside a legacy one. */
const UNICODE_PATH_FIELD = 0x7075;
const STORED = 0;
const DEFLATED = 8;

/** Throws (with a reason for PACKAGE_UNREADABLE) when the file is no zip at all. */
export async function openZip(zipPath: string): Promise<PackageSource> {
  const bytes = (await stat(zipPath)).size;
  const zip = await yauzl.openPromise(zipPath, {
    autoClose: false,
    // Names are decoded and judged here: yauzl would stop at the first unsafe one.
    decodeStrings: false,
    validateEntrySizes: true,
    strictFileNames: false,
  });
  const findings: Finding[] = [];
  const entries: { entry: Entry; name: string }[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (entries.length >= LIMITS.maxEntries) {
        findings.push(createFinding('ZIP_BOMB', { reason: `The zip holds more than ${withThousands(LIMITS.maxEntries)} entries; only the first were checked` }));
        break;
      }
      entries.push({ entry, name: decodeName(entry, findings) });
    }
  } catch (error) {
    findings.push(createFinding('PACKAGE_UNREADABLE', { reason: `its list of files is damaged (${(error as Error).message})` }));
  }

  const files = entries.filter(({ name }) => !/[/\\]$/.test(name));
  const byName = new Map<string, Entry>();
  for (const { entry, name } of files) if (!byName.has(name)) byName.set(name, entry);

  const source: PackageSource = {
    kind: 'zip',
    files: files.map(({ entry, name }): PackageFile => ({ name, size: entry.uncompressedSize })),
    bytes,
    findings,
    read: async (name, maxBytes) => {
      const entry = byName.get(name);
      if (!entry || entry.uncompressedSize > maxBytes || !readable(entry)) return undefined;
      const chunks: Buffer[] = [];
      await pipeline(await zip.openReadStreamPromise(entry), new Writable({ write: (chunk: Buffer, _, done) => (chunks.push(chunk), done()) }));
      return Buffer.concat(chunks);
    },
    close: async () => zip.close(),
  };
  findings.push(...checkEntries(files, bytes));
  findings.push(...(await extractAll(zip, files)));
  return source;
}

/** The entry's name as an unzip tool reads it, noting names that tools may read differently. */
function decodeName(entry: Entry, findings: Finding[]): string {
  const raw = entry.fileNameRaw as unknown as Buffer;
  // strict: keep backslashes as written (yauzl would turn them into `/`; an LMS's unzip does not).
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
  const ascii = raw.every((b) => b < 0x80);
  const declared = (entry.generalPurposeBitFlag & UTF8_FLAG) !== 0 || entry.extraFields.some((f) => f.id === UNICODE_PATH_FIELD);
  if (!ascii && !declared) findings.push(createFinding('ZIP_ENTRY_NAME_ENCODING', { name }));
  return name;
}

function readable(entry: Entry): boolean {
  return !entry.isEncrypted() && (entry.compressionMethod === STORED || entry.compressionMethod === DEFLATED);
}

/** What the central directory says, before any byte is extracted. */
function checkEntries(files: readonly { entry: Entry; name: string }[], zipBytes: number): Finding[] {
  const findings: Finding[] = [];
  let declared = 0;
  for (const { entry, name } of files) {
    declared += entry.uncompressedSize;
    if (entry.isEncrypted()) findings.push(createFinding('ZIP_ENTRY_ENCRYPTED', { name }));
    else if (!readable(entry)) findings.push(createFinding('ZIP_ENTRY_METHOD', { name, method: entry.compressionMethod }));
  }
  if (declared > LIMITS.ratioFloor && declared > LIMITS.maxRatio * zipBytes) {
    findings.push(createFinding('ZIP_BOMB', { reason: `The zip (${formatBytes(zipBytes)}) declares ${formatBytes(declared)} of files, ${Math.round(declared / zipBytes)} times its size` }));
  }
  // Entries whose data overlap (the "overlapping files" bomb): each claims bytes another one holds.
  const sorted = files.map(({ entry, name }) => ({ name, start: entry.relativeOffsetOfLocalHeader, end: entry.relativeOffsetOfLocalHeader + 30 + entry.fileNameLength + entry.compressedSize })).sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start < sorted[i - 1]!.end) {
      findings.push(createFinding('ZIP_BOMB', { reason: `Entries \`${sorted[i - 1]!.name}\` and \`${sorted[i]!.name}\` share their data: a zip made to expand far beyond its size` }));
      break;
    }
  }
  return findings;
}

/** Extracts every readable entry into nothing, within LIMITS.maxExtractedBytes in all. */
async function extractAll(zip: ZipFile, files: readonly { entry: Entry; name: string }[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  let budget: number = LIMITS.maxExtractedBytes;
  for (const { entry, name } of files) {
    if (!readable(entry) || entry.uncompressedSize > budget) continue;
    budget -= entry.uncompressedSize;
    try {
      await pipeline(await zip.openReadStreamPromise(entry), new Writable({ write: (_chunk, _, done) => done() }));
    } catch (error) {
      findings.push(createFinding('ZIP_ENTRY_CORRUPT', { name, reason: (error as Error).message }));
    }
  }
  return findings;
}
