/**
 * Which files each place of the format accepts, by extension (so the check is the same on
 * every system). The MIME type of an accepted file comes from `mime-types`.
 */
export interface MediaRule {
  /** How a file of this role is named in messages. */
  what: string;
  /** Lower-case extensions without the dot. */
  extensions: readonly string[];
}

export const mediaRules = {
  video: { what: 'Video file', extensions: ['mp4', 'webm'] },
  captions: { what: 'Captions file', extensions: ['vtt'] },
  poster: { what: 'Poster image', extensions: ['jpg', 'jpeg', 'png', 'webp'] },
  attachment: {
    what: 'Download',
    extensions: ['pdf', 'doc', 'docx', 'odt', 'xls', 'xlsx', 'ods', 'ppt', 'pptx', 'odp', 'txt', 'csv', 'zip', 'png', 'jpg', 'jpeg'],
  },
  markdown: { what: 'Markdown file', extensions: ['md', 'markdown'] },
  step: { what: 'Step file', extensions: ['yaml', 'yml'] },
} as const satisfies Record<string, MediaRule>;

export type MediaCategory = keyof typeof mediaRules;

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
