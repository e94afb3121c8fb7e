import { hashText } from '../../shared/hash.js';

/**
 * Seeded shuffle: the same seed gives the same order, so a resumed attempt shows its
 * choices as before without storing the order; a new attempt (new seed) reshuffles.
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  let h = hashText(seed);
  const random = () => {
    // mulberry32
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
