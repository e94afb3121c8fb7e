/**
 * What SCORM 1.2 and SCORM 2004 share in talking to an LMS's API object: finding it from the
 * content's window (the RTE's API discovery algorithm), and calling it so that nothing throws
 * into the core: every refusal is logged with its error code. Browser code: no Node imports.
 */
import { attempt } from '../core/attempt.js';

/** pipwerks and the ADL sample stop after this many frames, in case of a loop of windows. */
const MAX_HOPS = 500;

/** Looks at `start` and its parents up to the top window for `window[key]` with the functions `init` and `set`. */
function searchUpFrom<T>(start: Window | null | undefined, key: string, init: string, set: string): T | null {
  let win = start;
  for (let hops = 0; win && hops <= MAX_HOPS; hops++) {
    const api = attempt(() => {
      const candidate = (win as unknown as Record<string, Record<string, unknown> | undefined>)[key];
      return typeof candidate?.[init] === 'function' && typeof candidate[set] === 'function' ? candidate : undefined;
    });
    if (api) return api as T;
    const parent: Window | undefined = attempt(() => win!.parent);
    win = parent !== win ? parent : null;
  }
  return null;
}

/**
 * The API object `key` (`API`, `API_1484_11`, with the functions `init` and `set`) for the content running in `win`, found as the RTE
 * says: `win` and its parents up to the top, then the window that opened the top window (the LMS,
 * for a popup launch) and its parents, at most MAX_HOPS windows each way. A frame of another origin
 * on the way is skipped, not fatal. Null if none.
 */
export function findApi<T>(win: Window, key: string, init: string, set: string): T | null {
  return searchUpFrom<T>(win, key, init, set) ?? searchUpFrom<T>(attempt(() => win.top?.opener as Window | null), key, init, set);
}

/**
 * Most `cmi.objectives` (or `adl.data`) slots read to find the course's own: `_count` comes from
 * the LMS and a huge one would block the page for minutes (a course writes one objective per step).
 */
export const MAX_SCANNED_SLOTS = 1000;

/** The names one standard gives the calls both have: GetValue, SetValue, GetLastError, GetErrorString. */
export type ScormMethodNames = [get: string, set: string, lastError: string, errorString: string];

/** SCORM error 101 (1.2: General Exception; 2004: General Exception): what an unreadable error code counts as. */
const GENERAL_EXCEPTION = 101;

/**
 * Calls to an LMS API, each logged when refused (`<method>(args) failed: <code> <error string>`).
 * Results are read as strings (some LMSs answer booleans or numbers); a throwing LMS is logged.
 */
export function scormCalls(api: object, [getName, setName, lastErrorName, errorStringName]: ScormMethodNames, log: (message: string) => void) {
  const methods = api as Record<string, (...args: string[]) => unknown>;
  const lastError = (): number => {
    const code = attempt(() => Number(methods[lastErrorName]!())) ?? NaN;
    return Number.isFinite(code) ? code : GENERAL_EXCEPTION;
  };
  /** `<code> <the LMS's error string>`. */
  const describeError = (code = lastError()) => `${code} ${attempt(() => methods[errorStringName]!(String(code))) ?? ''}`;
  const call = (method: string, ...args: string[]): string | undefined => {
    try {
      return String(methods[method]!(...args) ?? '');
    } catch (error) {
      log(`${method} threw: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  return {
    call,
    /** Initialize, Commit, Terminate (or their LMS* names): a failure is logged, never fatal. */
    signal(method: string): boolean {
      // 101/103 on Initialize usually means an earlier page of this session initialised already: go on.
      const ok = call(method, '') === 'true';
      if (!ok) log(`${method}("") failed: ${describeError()}`);
      return ok;
    },
    /** GetValue; "" when the LMS reports an error (logged unless `quiet`). */
    get(element: string, quiet?: boolean): string {
      const value = call(getName, element);
      const code = lastError();
      if (!code) return value ?? '';
      if (!quiet) log(`${getName}(${element}) failed: ${describeError(code)}`);
      return '';
    },
    /** SetValue; false (and a warning) when the LMS refuses the value. */
    set(element: string, value: string): boolean {
      const result = call(setName, element, value);
      if (result === undefined) return false;
      const code = lastError();
      if (result === 'true' && !code) return true;
      // Long values (the saved state) are cut in logs.
      const shown = value.length > 80 ? `${value.slice(0, 77)}… (${value.length} characters)` : value;
      log(`${setName}(${element}, ${shown}) refused: ${describeError(code)}`);
      return false;
    },
  };
}
