/**
 * The SCORM 1.2 API object an LMS exposes as `window.API`, and the standard's way of
 * finding it from the content's window. Browser code: no Node imports.
 */
import { attempt } from '../core/attempt.js';

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

/** pipwerks and the ADL sample stop after this many frames, in case of a loop of windows. */
const MAX_HOPS = 500;

/** Looks at `start` and its parents up to the top window. */
function searchUpFrom(start: Window | null | undefined): Scorm12Api | null {
  let win = start;
  for (let hops = 0; win && hops <= MAX_HOPS; hops++) {
    const api = attempt(() => {
      const candidate = (win as Window & { API?: Partial<Scorm12Api> }).API;
      return typeof candidate?.LMSInitialize === 'function' && typeof candidate.LMSSetValue === 'function' ? candidate : undefined;
    });
    if (api) return api as Scorm12Api;
    const parent: Window | undefined = attempt(() => win!.parent);
    win = parent !== win ? parent : null;
  }
  return null;
}

/**
 * The SCORM 1.2 API for the content running in `win`, found as the RTE's API discovery
 * algorithm does: `win` and its parents up
 * to the top, then the window that opened the top window (the LMS, for a popup launch) and
 * its parents. A frame of another origin on the way is skipped, not fatal. Null if none.
 */
export function findScorm12Api(win: Window): Scorm12Api | null {
  return searchUpFrom(win) ?? searchUpFrom(attempt(() => win.top?.opener as Window | null));
}
