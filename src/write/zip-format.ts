/**
 * The bytes of a zip's headers (PKWARE APPNOTE 6.3), laid out exactly as archiver 8
 * (compress-commons) laid them out, Parcours' zip writer until 2026-12: the same input gives
 * the same package, byte for byte, as before.
 *
 * - Every entry: made by Unix (3) for zip 4.5, the one date and mode given, no extra field,
 *   no comment; the UTF-8 flag (bit 11) when the name is not ASCII.
 * - A buffer stored (by its type): its CRC-32 and sizes in its local header, version needed 1.0.
 * - Anything else (a buffer deflated, a file read from disk, stored or deflated): zeros in the
 *   local header, bit 3 set, version needed 2.0, and a data descriptor after the data
 *   (signed, with 8-byte sizes when the entry is over 4 GiB). An empty buffer of a deflated
 *   type is stored, with a data descriptor all the same.
 * - Zip64 only where needed: in the central directory for an entry over 4 GiB or beyond 4 GiB
 *   of the file (an extra field with size, compressed size and offset; version needed 4.5),
 *   and a zip64 end record when the central directory lies beyond 4 GiB, is larger than that,
 *   or lists more than 65,535 entries.
 */

const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_END = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const MADE_BY = (3 << 8) | 45; // Unix, zip 4.5
const VERSION_STORED = 10;
const VERSION_DESCRIPTOR = 20;
const VERSION_ZIP64 = 45;
const FLAG_DESCRIPTOR = 1 << 3;
const FLAG_UTF8 = 1 << 11;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const S_IFREG = 0o100000;
const DOS_ARCHIVE = 0x20;

/** What the central directory needs of an entry, once written. */
export interface ZipEntryRecord {
  name: Buffer;
  flags: number;
  method: number;
  versionNeeded: number;
  crc: number;
  size: number;
  compressedSize: number;
  /** Where its local header starts in the file. */
  offset: number;
}

export interface EntryFacts {
  path: string;
  offset: number;
  stored: boolean;
  /** Sizes and CRC come after the data (a data descriptor), not in the local header. */
  descriptor: boolean;
  crc: number;
  size: number;
  compressedSize: number;
}

export class ZipLayout {
  private readonly dosTime: number;
  private readonly externalAttributes: number;

  constructor(date: Date, mode: number) {
    this.dosTime = dosDateTime(date);
    this.externalAttributes = (((mode & 0o7777) | S_IFREG) * 0x10000 + DOS_ARCHIVE) >>> 0;
  }

  record(facts: EntryFacts): ZipEntryRecord {
    const name = Buffer.from(facts.path, 'utf8');
    const ascii = name.length === facts.path.length;
    return {
      name,
      flags: (facts.descriptor ? FLAG_DESCRIPTOR : 0) | (ascii ? 0 : FLAG_UTF8),
      method: facts.stored ? METHOD_STORED : METHOD_DEFLATED,
      versionNeeded: facts.descriptor ? VERSION_DESCRIPTOR : VERSION_STORED,
      crc: facts.crc,
      size: facts.size,
      compressedSize: facts.compressedSize,
      offset: facts.offset,
    };
  }

  localHeader(entry: ZipEntryRecord): Buffer {
    const descriptor = (entry.flags & FLAG_DESCRIPTOR) !== 0;
    const header = Buffer.alloc(30 + entry.name.length);
    header.writeUInt32LE(SIG_LOCAL, 0);
    header.writeUInt16LE(entry.versionNeeded, 4);
    header.writeUInt16LE(entry.flags, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt32LE(this.dosTime, 10);
    if (!descriptor) {
      header.writeUInt32LE(entry.crc, 14);
      header.writeUInt32LE(entry.compressedSize, 18);
      header.writeUInt32LE(entry.size, 22);
    }
    header.writeUInt16LE(entry.name.length, 26);
    header.writeUInt16LE(0, 28); // no extra field
    entry.name.copy(header, 30);
    return header;
  }

  dataDescriptor(entry: ZipEntryRecord): Buffer {
    const wide = isLarge(entry);
    const descriptor = Buffer.alloc(wide ? 24 : 16);
    descriptor.writeUInt32LE(SIG_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(entry.crc, 4);
    if (wide) {
      descriptor.writeBigUInt64LE(BigInt(entry.compressedSize), 8);
      descriptor.writeBigUInt64LE(BigInt(entry.size), 16);
    } else {
      descriptor.writeUInt32LE(entry.compressedSize, 8);
      descriptor.writeUInt32LE(entry.size, 12);
    }
    return descriptor;
  }

  /** The central directory and end records, for a directory starting at `offset`. */
  centralDirectory(entries: readonly ZipEntryRecord[], offset: number): Buffer {
    const parts = entries.map((entry) => this.centralHeader(entry));
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    const zip64 = entries.length > MAX16 || length > MAX32 || offset > MAX32;
    if (zip64) parts.push(zip64End(entries.length, length, offset));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(SIG_END, 0);
    end.writeUInt16LE(zip64 ? MAX16 : entries.length, 8);
    end.writeUInt16LE(zip64 ? MAX16 : entries.length, 10);
    end.writeUInt32LE(zip64 ? MAX32 : length, 12);
    end.writeUInt32LE(zip64 ? MAX32 : offset, 16);
    parts.push(end);
    return Buffer.concat(parts);
  }

  private centralHeader(entry: ZipEntryRecord): Buffer {
    const zip64 = isLarge(entry) || entry.offset > MAX32;
    const extra = zip64 ? Buffer.alloc(28) : Buffer.alloc(0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0); // the zip64 extended information
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(entry.size), 4);
      extra.writeBigUInt64LE(BigInt(entry.compressedSize), 12);
      extra.writeBigUInt64LE(BigInt(entry.offset), 20);
    }
    const header = Buffer.alloc(46 + entry.name.length + extra.length);
    header.writeUInt32LE(SIG_CENTRAL, 0);
    header.writeUInt16LE(MADE_BY, 4);
    header.writeUInt16LE(zip64 ? VERSION_ZIP64 : entry.versionNeeded, 6);
    header.writeUInt16LE(entry.flags, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt32LE(this.dosTime, 12);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(zip64 ? MAX32 : entry.compressedSize, 20);
    header.writeUInt32LE(zip64 ? MAX32 : entry.size, 24);
    header.writeUInt16LE(entry.name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    // comment length, disk number and internal attributes: 0
    header.writeUInt32LE(this.externalAttributes, 38);
    header.writeUInt32LE(zip64 ? MAX32 : entry.offset, 42);
    entry.name.copy(header, 46);
    extra.copy(header, 46 + entry.name.length);
    return header;
  }
}

const isLarge = (entry: ZipEntryRecord) => entry.size > MAX32 || entry.compressedSize > MAX32;

/** The zip64 end of central directory record and its locator. */
function zip64End(count: number, length: number, offset: number): Buffer {
  const record = Buffer.alloc(56 + 20);
  record.writeUInt32LE(SIG_ZIP64_END, 0);
  record.writeBigUInt64LE(44n, 4); // the record's size after this field
  record.writeUInt16LE(VERSION_ZIP64, 12); // made by (archiver writes the version alone)
  record.writeUInt16LE(VERSION_ZIP64, 14);
  // disk numbers (16, 20): 0
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  record.writeUInt32LE(SIG_ZIP64_LOCATOR, 56);
  // disk holding the record (60): 0
  record.writeBigUInt64LE(BigInt(offset + length), 64);
  record.writeUInt32LE(1, 72); // total disks
  return record;
}

/** DOS date and time, in UTC (the entries' one date), clamped to what DOS can hold. */
function dosDateTime(date: Date): number {
  const year = date.getUTCFullYear();
  if (year < 1980) return (1 << 21) | (1 << 16);
  if (year >= 2044) return 2141175677; // 2043-12-31 23:59:58, archiver's last date
  return (
    (((year - 1980) << 25) | ((date.getUTCMonth() + 1) << 21) | (date.getUTCDate() << 16) | (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)) >>> 0
  );
}
