/**
 * Reads what the SCO asked of the LMS, from the log the host page keeps (lms-host-page.ts).
 */
import type { Page } from 'playwright-core';

export interface LmsCall {
  /** SCORM 1.2's LMS* names, or SCORM 2004's (a host started with `standard: 'scorm2004'`). */
  fn: 'LMSInitialize' | 'LMSGetValue' | 'LMSSetValue' | 'LMSCommit' | 'LMSFinish' | 'Initialize' | 'GetValue' | 'SetValue' | 'Commit' | 'Terminate';
  args: (string | null)[];
  argTypes: string[];
  /** What the API returned to the SCO ("true"/"false" or the value). */
  result: string;
  /** `LMSGetLastError()` right after the call: "0" when accepted. */
  error: string;
}

export function lmsCalls(hostPage: Page): Promise<LmsCall[]> {
  return hostPage.evaluate(() => (window as unknown as { __lms: { calls: LmsCall[] } }).__lms.calls);
}

/** The SCO's `LMSSetValue` calls, in order, as [element, value, error]. */
export async function setValueCalls(hostPage: Page): Promise<{ element: string; value: string; error: string }[]> {
  return (await lmsCalls(hostPage))
    .filter((c) => c.fn === 'LMSSetValue')
    .map((c) => ({ element: String(c.args[0]), value: String(c.args[1]), error: c.error }));
}

/** The API's current CMI data, flattened, as scorm-again would commit it now. */
export function apiState(hostPage: Page): Promise<Record<string, string>> {
  return hostPage.evaluate(
    () =>
      (window as unknown as { __lms: { api: { renderCommitCMI(t: boolean): Record<string, string> } } }).__lms.api.renderCommitCMI(
        false,
      ),
  );
}
