/**
 * The public API of Parcours: build a course into packages, or validate it, from code.
 * Everything else under src/ is internal.
 */
export { build, packageFileName } from './build.js';
export type { BuildRequest, BuildResult, BuiltPackage, StateUsage } from './build.js';
export { validate } from './validate.js';
export type { ValidateResult } from './validate.js';
export { defaultBuildOptions, resolveBuildOptions, DEFAULT_COURSE_DIR, DEFAULT_OUT_DIR, DEFAULT_TARGETS } from './options.js';
export { lmsPresets, findLmsPreset, UnknownLmsError, ConflictingOptionsError, DEFAULT_LMS } from './presets.js';
export type { LmsPreset } from './presets.js';
export { targets, resolveTargets, UnknownTargetError, ALL_TARGETS } from './package/index.js';
export type { BuildOptions, PackageFile, Target } from './package/index.js';
export { formatDiagnostics, diagnosticsToJson } from './diagnostics/format.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export type * from './model/course.js';
