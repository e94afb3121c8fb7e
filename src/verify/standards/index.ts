/** Every standard `parcours verify` recognises, by the manifest at the package root. Adding one is adding a module here. */
import type { PackageStandard } from '../standard.js';
import { cmi5 } from './cmi5.js';
import { scorm } from './scorm.js';
import { tincan } from './tincan.js';

/** In the order LMSs like Moodle look for them: SCORM first. */
export const standards: readonly PackageStandard[] = [scorm, cmi5, tincan];
