/**
 * What `parcours preview --as` accepts: the course inside a local LMS for one standard, or
 * alone. Light (no imports) so that the CLI's `--help` can list them.
 */
export const PREVIEW_MODES = ['scorm12', 'standalone'] as const;
export type PreviewMode = (typeof PREVIEW_MODES)[number];
export const DEFAULT_PREVIEW_MODE: PreviewMode = 'scorm12';

/** Standards whose preview LMS is planned but not there yet, with what to do meanwhile. */
export const PLANNED_PREVIEW_MODES: ReadonlyMap<string, string> = new Map([
  ['xapi', 'the preview has no LRS yet'],
  ['cmi5', 'the preview has no cmi5 LMS yet'],
]);

export function isPreviewMode(value: string): value is PreviewMode {
  return (PREVIEW_MODES as readonly string[]).includes(value);
}
