/**
 * Which package files are stored as they are and which are deflated.
 * Media and office formats are already compressed: deflating them again costs CPU time
 * for nothing (often a few bytes more). Text (HTML, CSS, JS, XML, VTT, JSON, SVG) shrinks a lot.
 */
const STORED_EXTENSIONS = new Set([
  // video and audio
  'mp4', 'm4v', 'mov', 'webm', 'mkv', 'ogv', 'mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus', 'flac',
  // images
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'heic',
  // fonts
  'woff', 'woff2',
  // archives and zip-based office documents
  'zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'epub',
  'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'odg',
  // PDF: its streams are Flate-compressed already; measured on two PDFs (140 KB and 263 KB),
  // deflate saved 1.5–2.5 % at ~20 ms per MB. Not worth it: stored.
  'pdf',
]);

/** True when the file should be stored without compression (method 0). */
export function isStored(filePath: string): boolean {
  const dot = filePath.lastIndexOf('.');
  if (dot < 0 || dot < filePath.lastIndexOf('/')) return false;
  return STORED_EXTENSIONS.has(filePath.slice(dot + 1).toLowerCase());
}
