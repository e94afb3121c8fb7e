/**
 * The preview's LMS for each standard of `--as`: the page it serves for a package and, for
 * xAPI and cmi5, the LRS in the preview process (one per preview session: learner data
 * outlives rebuilds).
 */
import { lrsHostPage, lrsPackage } from '../lrs/lrs-site.js';
import { createPreviewLrs, type PreviewLrs } from '../lrs/preview-lrs.js';
import type { PackageSettings, SiteFiles } from '../preview-site.js';
import { hostPage, launchConfig } from './lms-site.js';
import type { PreviewMode } from './modes.js';

export interface LmsHost {
  /** The LMS page for a package; tells the LRS what it imported. */
  page(files: SiteFiles, settings?: PackageSettings): string;
  lrs?: PreviewLrs;
}

const hosts: ReadonlyMap<PreviewMode, () => LmsHost> = new Map<PreviewMode, () => LmsHost>([
  ['scorm12', () => ({ page: (files, settings) => hostPage({ ...launchConfig(files), ...(settings && { settings }) }) })],
  ['xapi', () => lrsHost('xapi')],
  ['cmi5', () => lrsHost('cmi5')],
]);

function lrsHost(standard: 'xapi' | 'cmi5'): LmsHost {
  const lrs = createPreviewLrs();
  return {
    lrs,
    page(files) {
      const pkg = lrsPackage(files, standard);
      lrs.setPackage(pkg);
      return lrsHostPage(pkg);
    },
  };
}

/** The LMS of a mode, or undefined for `standalone` (the course alone). */
export function createLmsHost(mode: PreviewMode): LmsHost | undefined {
  return hosts.get(mode)?.();
}
