/** FNV-1a over UTF-16 code units, 32 bits: a fast, well-spread hash of a string (not for security). */
export function hashText(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
