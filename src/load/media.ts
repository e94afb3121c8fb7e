/**
 * Which files a package may carry, and which each place of the format accepts. There is one
 * allow-list, `packagedTypes`: every course file that goes into a package (media, captions,
 * posters, downloads, files and images a Markdown text links to) has one of its extensions,
 * checked by extension (the same on every system) and by its first bytes (`looksActive`).
 * Pages, SVG, XML and scripts are never packaged: opened from the package they would run on
 * the LMS's origin, with the learner's session, outside the HTML sanitizer.
 */
export interface MediaRule {
  /** How a file of this role is named in messages. */
  what: string;
  /** Lower-case extensions without the dot. */
  extensions: readonly string[];
}

/** Every type a package may carry, by extension, with the MIME type it is served as. */
export const packagedTypes = {
  mp4: 'video/mp4',
  webm: 'video/webm',
  vtt: 'text/vtt',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odp: 'application/vnd.oasis.opendocument.presentation',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  woff2: 'font/woff2',
  woff: 'font/woff',
} as const;

export type PackagedExtension = keyof typeof packagedTypes;

const IMAGES = ['jpg', 'jpeg', 'png', 'webp', 'gif'] as const satisfies readonly PackagedExtension[];

/** What each place accepts. The packaged places take their extensions from `packagedTypes`. */
export const mediaRules = {
  video: { what: 'Video file', extensions: ['mp4', 'webm'] },
  captions: { what: 'Captions file', extensions: ['vtt'] },
  poster: { what: 'Poster image', extensions: ['jpg', 'jpeg', 'png', 'webp'] },
  /** The theme's font file. */
  font: { what: 'Font file', extensions: ['woff2', 'woff'] },
  attachment: {
    what: 'Download',
    extensions: ['pdf', 'doc', 'docx', 'odt', 'xls', 'xlsx', 'ods', 'ppt', 'pptx', 'odp', 'txt', 'csv', 'zip', 'png', 'jpg', 'jpeg'],
  },
  /** A course file a Markdown link points to (`[notes](files/notes.pdf)`). */
  link: { what: 'Linked file', extensions: Object.keys(packagedTypes) as PackagedExtension[] },
  /** A course file a Markdown image shows (`![map](media/map.png)`). */
  image: { what: 'Image', extensions: IMAGES },
  // Read by the loader, never packaged.
  markdown: { what: 'Markdown file', extensions: ['md', 'markdown'] },
  step: { what: 'Step file', extensions: ['yaml', 'yml'] },
} as const satisfies Record<string, MediaRule>;

export type MediaCategory = keyof typeof mediaRules;

/** The places whose files go into the package (the others are course sources). */
export function isPackaged(category: MediaCategory): boolean {
  return category !== 'markdown' && category !== 'step';
}

/** Types a browser runs as a page or script: named in the refusal, so the author knows why. */
const ACTIVE_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'xht', 'shtml', 'svg', 'svgz', 'xml', 'xsl', 'xslt', 'js', 'mjs', 'cjs', 'swf', 'php']);

/** Why a type is refused beyond "not in the list": `` (.svg files can run script…)`` or ''. */
export function whyRefused(extension: string): string {
  return ACTIVE_EXTENSIONS.has(extension)
    ? ` (a .${extension} file can run script in the LMS's page, with the learner's session: no package carries one)`
    : '';
}

/** ".mp4 or .webm" */
export function describeAccepted(rule: MediaRule): string {
  const names = rule.extensions.map((e) => `.${e}`);
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

export function extensionOf(filePath: string): string {
  const base = filePath.slice(filePath.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function isPackagedType(filePath: string): boolean {
  return Object.hasOwn(packagedTypes, extensionOf(filePath));
}

/** How many first bytes `looksActive` reads: the resource header of the WHATWG MIME Sniffing standard. */
export const SNIFF_BYTES = 1445;

/**
 * Whether a file's first bytes are markup a browser may sniff as HTML or XML and run (the
 * "scriptable" patterns of WHATWG MIME Sniffing §7.1, plus SVG): a page renamed `notes.txt`
 * or `photo.jpg` is refused like `notes.html`.
 */
export function looksActive(head: Uint8Array): boolean {
  const text = Buffer.from(head).toString('latin1').replace(/^(?:\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '').replace(/^[\t\n\f\r ]+/, '');
  return /^<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg|xml|math|object|embed)[\s>/]|^<!--|^<\?xml/i.test(text);
}
