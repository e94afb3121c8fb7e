/**
 * package: a rendered course → each target's package files (its manifest, schemas, runtime
 * entry) and the checks a target needs before packaging. One module per standard under
 * targets/, listed in targets.ts; the command line reads that registry directly (targets.ts),
 * so that `--help` loads no target's packaging code beyond its name and description.
 */
export { targets, resolveTargets, UnknownTargetError, ALL_TARGETS } from './targets.js';
export type { BuildOptions, PackageFile, Target } from './target.js';
export { buildRecordFile, BUILD_RECORD_FILE } from './build-record.js';
export { checkStateBudget, measureWorstCaseState } from './state-budget.js';
