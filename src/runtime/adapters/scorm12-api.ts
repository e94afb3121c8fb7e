/**
 * The SCORM 1.2 API object an LMS exposes as `window.API`, and the standard's way of
 * finding it from the content's window. Browser code: no Node imports.
 */

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

/** SCORM 1.2 error codes (RTE, API error codes). */
export const Scorm12Error = {
  none: 0,
  general: 101,
  invalidArgument: 201,
  noChildren: 202,
  noCount: 203,
  notInitialized: 301,
  notImplemented: 401,
  keyword: 402,
  readOnly: 403,
  writeOnly: 404,
  incorrectType: 405,
} as const;

/** pipwerks and the ADL sample stop after this many frames, in case of a loop of windows. */
const MAX_HOPS = 500;

function isScorm12Api(value: unknown): value is Scorm12Api {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Scorm12Api).LMSInitialize === 'function' &&
    typeof (value as Scorm12Api).LMSSetValue === 'function'
  );
}

/** `win.API`, or null when absent or when reading it is refused (another origin). */
function apiOf(win: Window): Scorm12Api | null {
  try {
    const api = (win as Window & { API?: unknown }).API;
    return isScorm12Api(api) ? api : null;
  } catch {
    return null;
  }
}

function parentOf(win: Window): Window | null {
  try {
    const parent = win.parent;
    return parent && parent !== win ? parent : null;
  } catch {
    return null;
  }
}

function openerOfTop(win: Window): Window | null {
  try {
    return (win.top?.opener as Window | null | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Looks at `start` and its parents up to the top window. */
function searchUpFrom(start: Window): Scorm12Api | null {
  let win: Window | null = start;
  for (let hops = 0; win && hops <= MAX_HOPS; hops++) {
    const api = apiOf(win);
    if (api) return api;
    win = parentOf(win);
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
  const found = searchUpFrom(win);
  if (found) return found;
  const opener = openerOfTop(win);
  return opener ? searchUpFrom(opener) : null;
}
