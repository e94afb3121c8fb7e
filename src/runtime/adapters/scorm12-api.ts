/**
 * The SCORM 1.2 API object an LMS exposes as `window.API`, and the standard's way of
 * finding it from the content's window (scorm-api.ts). Browser code: no Node imports.
 */
import { findApi } from './scorm-api.js';

/**
 * SCORM 1.2 RTE: every argument and return value is a string (`"true"`/`"false"`,
 * error codes as `"0"`, `"301"`...). Some older LMSs return booleans or numbers, so the
 * adapter reads results through `String()`.
 */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string | boolean;
  LMSFinish(parameter: ''): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(parameter: ''): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(errorCode: string): string;
  LMSGetDiagnostic(errorCode: string): string;
}

/**
 * The SCORM 1.2 API for the content running in `win`, found as the RTE's API discovery
 * algorithm does: `win` and its parents up
 * to the top, then the window that opened the top window (the LMS, for a popup launch) and
 * its parents. A frame of another origin on the way is skipped, not fatal. Null if none.
 */
export function findScorm12Api(win: Window): Scorm12Api | null {
  return findApi<Scorm12Api>(win, 'API', 'LMSInitialize', 'LMSSetValue');
}
