/**
 * The project's shared folder beside the clone (`../shared/schemas`, laid there on CI) holds the
 * official cmi5 CourseStructure.xsd, which this repository does not keep. Tests that check against
 * it run only where it exists; the closing summary line (summary-reporter.ts) says when they did not.
 * PARCOURS_SHARED_SCHEMAS=<dir> looks elsewhere (`=none`: run as a fresh clone with nothing beside it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const OFFICIAL_SCHEMAS_DIR = path.resolve(repoRoot, process.env.PARCOURS_SHARED_SCHEMAS || '../shared/schemas');
export const OFFICIAL_CMI5_XSD = path.join(OFFICIAL_SCHEMAS_DIR, 'cmi5', 'cmi5.xsd');

/** Whether the official cmi5.xsd lies beside the clone, so the extra checks run. */
export const hasOfficialCmi5Xsd = existsSync(OFFICIAL_CMI5_XSD);
