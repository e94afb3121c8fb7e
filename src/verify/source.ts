/**
 * A package to verify, read the same way whether it is a zip or a folder: its file list,
 * what was wrong with the container itself, and a bounded read of one file.
 */
import type { Finding } from './findings.js';

export interface PackageFile {
  /** Path inside the package, as stored (a zip entry's name, or `/`-separated in a folder). */
  name: string;
  /** Uncompressed size in bytes (declared, for a zip). */
  size: number;
}

export interface PackageSource {
  kind: 'zip' | 'folder';
  /** Files, directories left out, in the order stored. */
  files: PackageFile[];
  /** Bytes on disk: the zip, or the files of the folder. */
  bytes: number;
  /** Problems of the container (zip entries, links in a folder), found while listing it. */
  findings: Finding[];
  /**
   * The contents of `name`, or undefined when the package has no such file or it is larger
   * than `maxBytes` (nothing larger is ever decompressed or read).
   */
  read(name: string, maxBytes: number): Promise<Buffer | undefined>;
  close(): Promise<void>;
}

/** Limits that keep a hostile package from exhausting memory, disk or time. */
export const LIMITS = {
  /** Entries listed at most; a course has hundreds, a zip bomb millions. */
  maxEntries: 100_000,
  /** Total uncompressed bytes checked by extraction; larger packages are listed only. */
  maxExtractedBytes: 4_000_000_000,
  /** Uncompressed / compressed above which a package is a zip bomb (deflate tops out near 1,032). */
  maxRatio: 200,
  /** …counted only past this many uncompressed bytes, so a tiny, very compressible zip is not one. */
  ratioFloor: 50_000_000,
  /** A manifest larger than this is not read. */
  maxManifestBytes: 16_000_000,
  /** Above this, a package is large for an upload. */
  largePackageBytes: 200_000_000,
} as const;
