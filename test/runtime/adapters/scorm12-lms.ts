/**
 * The LMS side for SCORM 1.2 adapter tests: scorm-again's Scorm12API (a real, spec-checking
 * implementation), plus wrappers that record every call or make scorm-again itself answer
 * with a given error code for one element.
 */
import { Scorm12API } from 'scorm-again';
import type { Scorm12Api } from '../../../src/runtime/adapters/scorm12-api.js';

/** A scorm-again LMS holding `cmi` (flattened, e.g. `{ 'cmi.core.entry': 'resume' }`). */
export function newLms(cmi: Record<string, string> = {}): Scorm12API {
  const lms = new Scorm12API({ logLevel: 5 });
  if (Object.keys(cmi).length > 0) lms.loadFromFlattenedJSON(cmi);
  return lms;
}

/** Everything the LMS holds after the session, including write-only elements. */
export function lmsData(lms: Scorm12API): Record<string, any> {
  return (lms.renderCommitCMI(true) as { cmi: Record<string, any> }).cmi;
}

export interface LmsCall {
  method: keyof Scorm12Api;
  args: string[];
  result: unknown;
  /** LMSGetLastError right after the call. */
  error: string;
}

/** Wraps `api` so every LMS call is recorded with the error code it left. */
export function recording(api: Scorm12Api): { api: Scorm12Api; calls: LmsCall[] } {
  const calls: LmsCall[] = [];
  const methods = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'] as const;
  const wrapped = forwarding(api);
  for (const method of methods) {
    (wrapped as unknown as Record<string, (...args: string[]) => unknown>)[method] = (...args: string[]) => {
      const result = (api[method] as (...a: string[]) => unknown).apply(api, args);
      calls.push({ method, args, result, error: String(api.LMSGetLastError()) });
      return result;
    };
  }
  return { api: wrapped, calls };
}

/** The values the adapter set, element → last value. */
export function setValues(calls: LmsCall[]): Map<string, string> {
  return new Map(calls.filter((c) => c.method === 'LMSSetValue').map((c) => [c.args[0]!, c.args[1]!]));
}

/**
 * A call scorm-again answers with each error code: the element (and value) the call is
 * redirected to, so the code, and its error string, come from scorm-again itself.
 */
const PROVOKE = {
  set: {
    201: ['cmi.objectives.999.id', 'x'],
    401: ['cmi.core.not_an_element', 'x'],
    402: ['cmi.core._children', 'x'],
    403: ['cmi.core.student_name', 'x'],
    405: ['cmi.core.score.raw', 'not a number'],
  },
  get: {
    201: 'cmi.objectives.999.id',
    401: 'cmi.core.not_an_element',
    404: 'cmi.core.exit',
  },
} as const;

export type SetRefusal = keyof typeof PROVOKE.set;
export type GetRefusal = keyof typeof PROVOKE.get;
export const SET_REFUSALS = Object.keys(PROVOKE.set).map(Number) as SetRefusal[];
export const GET_REFUSALS = Object.keys(PROVOKE.get).map(Number) as GetRefusal[];

/** A plain object forwarding every SCORM 1.2 call to `lms`, for wrappers to override. */
export function forwarding(lms: Scorm12Api): Scorm12Api {
  return {
    LMSInitialize: (p) => lms.LMSInitialize(p),
    LMSFinish: (p) => lms.LMSFinish(p),
    LMSGetValue: (el) => lms.LMSGetValue(el),
    LMSSetValue: (el, v) => lms.LMSSetValue(el, v),
    LMSCommit: (p) => lms.LMSCommit(p),
    LMSGetLastError: () => lms.LMSGetLastError(),
    LMSGetErrorString: (code) => lms.LMSGetErrorString(code),
    LMSGetDiagnostic: (code) => lms.LMSGetDiagnostic(code),
  };
}

/** An LMS that refuses every LMSSetValue on elements matching `element`, with `code`. */
export function refusingSet(lms: Scorm12API, element: RegExp, code: SetRefusal): Scorm12Api {
  const [target, value] = PROVOKE.set[code];
  return {
    ...forwarding(lms),
    LMSSetValue: (el, v) => (element.test(el) ? lms.LMSSetValue(target, value) : lms.LMSSetValue(el, v)),
  };
}

/** An LMS that fails every LMSGetValue on elements matching `element`, with `code`. */
export function refusingGet(lms: Scorm12API, element: RegExp, code: GetRefusal): Scorm12Api {
  const target = PROVOKE.get[code];
  return {
    ...forwarding(lms),
    LMSGetValue: (el) => (element.test(el) ? lms.LMSGetValue(target) : lms.LMSGetValue(el)),
  };
}
