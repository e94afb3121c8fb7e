/**
 * The parse cache: what parsing a YAML file of a course gave (its data, its line starts and where
 * each node is written), kept in the disk cache (src/render/disk-cache.ts) under the digest of the
 * file's text and of the code that read it. An author's next `validate`, `build` or preview rebuild
 * parses only the files that changed: the yaml library takes ~20-60 ms per step file in a fresh
 * process, most of a `validate` (docs/performance.md).
 *
 * Kept only for a file that read without a problem, has no alias (`*name`: its nodes have no
 * single path) and whose data JSON gives back exactly; anything else is parsed each time, as is
 * everything when the cache is off (PARCOURS_CACHE=off) or the code runs from its sources (the
 * tests' own runs: their code changes without a bundle's digest to tell).
 */
import { bundleDigest, readCached, sha256, writeCached } from '../render/disk-cache.js';

/** Where a node found by a path is written. */
export interface Placement {
  /** False when the path goes further than the file does (then `at` is where the deepest node that exists is). */
  complete: boolean;
  /** Where a diagnostic about the node points: its value, or its key when the value is empty (`title:`). */
  at: number;
  /** The node's text, when it has one. */
  range?: [number, number];
  /** Where the key of the map pair holding the node is, when the last step of the path was a map key. */
  key?: number;
}

/**
 * A node as kept, in the order of a walk from the root (parents first): the index of its parent
 * (-1 for the root), the map key or list index that reaches it from there, its kind, where it is
 * (Placement: `at`, range start and end, key; -1 for none) and `deepest`: where a longer path that
 * goes no further stops. Kind `end` is a map pair with no value, where a longer path stops at the key.
 */
export type KeptNode = [parent: number, segment: string, kind: 'map' | 'seq' | 'scalar' | 'end', at: number, start: number, end: number, key: number, deepest: number];

export interface ParsedFile {
  data: unknown;
  lineStarts: number[];
  nodes: KeptNode[];
}

/** The digest of the code that parses (any change in its bundle renews every entry); null from the sources. */
const codeDigest = () => bundleDigest(import.meta.url);

/** Course files are tens of kB; a larger one (a hostile file, say) is not worth a cache entry. */
const MAX_KEPT_SOURCE = 1 << 20;

const entryName = (code: string, source: string) => `yaml-${sha256('yaml-parse 1', code, source)}.json`;

/** What parsing `source` gave before, if it was kept. */
export function readParsed(source: string): ParsedFile | undefined {
  const code = codeDigest();
  if (!code) return undefined;
  const body = readCached(entryName(code, source));
  if (body === undefined) return undefined;
  try {
    return JSON.parse(body) as ParsedFile;
  } catch {
    return undefined;
  }
}

/** Keeps what parsing `source` gave, when its data survives JSON exactly. */
export function keepParsed(source: string, parsed: ParsedFile): void {
  const code = codeDigest();
  if (!code || source.length > MAX_KEPT_SOURCE || !survivesJson(parsed.data)) return;
  writeCached(entryName(code, source), JSON.stringify(parsed));
}

/** Plain objects, lists, strings, booleans, null and finite numbers (not -0): what JSON.parse gives back as it was. */
function survivesJson(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (depth > 200 || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every((item) => survivesJson(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(([key, item]) => key !== '__proto__' && survivesJson(item, depth + 1));
}
