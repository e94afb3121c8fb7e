/**
 * The SCORM 2004 API object an LMS exposes as `window.API_1484_11`, found as the RTE's API
 * discovery algorithm says (scorm-api.ts: parents, then the opener chain, bounded). Browser code.
 */
import { findApi } from './scorm-api.js';

/** SCORM 2004 RTE 3.1: every argument and return value is a string (`"true"`, `"0"`, `"403"`…). */
export interface Scorm2004Api {
  Initialize(parameter: ''): string | boolean;
  Terminate(parameter: ''): string | boolean;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string | boolean;
  Commit(parameter: ''): string | boolean;
  GetLastError(): string | number;
  GetErrorString(errorCode: string): string;
  GetDiagnostic(errorCode: string): string;
}

export function findScorm2004Api(win: Window): Scorm2004Api | null {
  return findApi<Scorm2004Api>(win, 'API_1484_11', 'Initialize', 'SetValue');
}
