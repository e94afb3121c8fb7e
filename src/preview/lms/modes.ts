/**
 * What `parcours preview --as` accepts: the course inside a local LMS for one standard, or
 * alone. Light (no imports) so that the CLI's `--help` can list them.
 */
export const PREVIEW_MODES = ['scorm12', 'xapi', 'cmi5', 'standalone'] as const;
export type PreviewMode = (typeof PREVIEW_MODES)[number];
export const DEFAULT_PREVIEW_MODE: PreviewMode = 'scorm12';

export function isPreviewMode(value: string): value is PreviewMode {
  return (PREVIEW_MODES as readonly string[]).includes(value);
}
