/**
 * How a cmi5 session ends, against an LMS that refuses what CATAPULT refuses (any request once
 * `terminated` is recorded: 8.1.2.0-2; a second `terminated`: 9.3.0.0-2/-5). Every exit path —
 * Leave, the page going away (closed window, reload, navigation), a reload afterwards, a refused
 * batch (409), a retry — ends with `terminated` stored once, last, after the resume state, and
 * nothing after it (checkLmsAfterEach: no refusal, no statement stored twice).
 */
import { describe, expect, it } from 'vitest';
import { sessionRecordKey } from '../../../src/runtime/cmi5/session-record.js';
import { checkLmsAfterEach, interaction, RETURN_URL, setting, verb, videoEvent } from './cmi5-setting.js';

checkLmsAfterEach();

const STATE = 'parcours-state';

async function started(t: ReturnType<typeof setting>, data: Record<string, unknown> = {}) {
  const launch = t.launch(data);
  const adapter = launch.open();
  await adapter.start();
  await t.waitFor(() => expect(t.definedOf(launch.sessionId).map(verb)).toEqual(['initialized']));
  return { ...launch, adapter };
}

/** A stand-in `document` whose visibility a test turns (the adapter tests run without a DOM). */
function hiddenPage() {
  const listeners = new Set<() => void>();
  const fake = {
    visibilityState: 'hidden',
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  (globalThis as { document?: unknown }).document = fake;
  return {
    show() {
      fake.visibilityState = 'visible';
      for (const listener of [...listeners]) listener();
    },
    remove() {
      delete (globalThis as { document?: unknown }).document;
    },
  };
}

const savedState = (t: ReturnType<typeof setting>) => JSON.parse(t.lms.readState(t, STATE) ?? '{}') as { state?: string };

describe('cmi5 session end: Leave', () => {
  it('with a request still in flight, sends terminated once, after it and after the resume state, then returns', async () => {
    const t = setting();
    const { sessionId, adapter } = await started(t);
    const release = t.lms.hold();
    adapter.recordInteraction(interaction());
    adapter.saveState('p2:answered');
    // The answer's request has left and waits for the LMS when the learner presses Leave.
    await t.waitFor(() => expect(t.lms.statementRequests).toHaveLength(2));
    adapter.finish('leave');
    release();
    await t.waitFor(() => expect(t.navigations).toEqual([RETURN_URL]));
    expect(t.ofSession(sessionId).map(verb)).toEqual(['initialized', 'answered', 'terminated']);
    expect(savedState(t).state).toBe('p2:answered');
    // Every statement request outlives the page (keepalive), none carried a statement twice.
    expect(t.lms.statementRequests.every((r) => r.keepalive)).toBe(true);
  });

  it('ends open videos first, and sends nothing for what the page does after it', async () => {
    const t = setting({});
    const { sessionId, adapter } = await started(t, { returnURL: undefined });
    adapter.recordVideoEvent?.(videoEvent('played'));
    adapter.finish('leave');
    // The page keeps running (no returnURL): late calls of the core send nothing.
    adapter.recordInteraction(interaction());
    adapter.recordVideoEvent?.(videoEvent('paused'));
    adapter.saveState('p2:late');
    adapter.setProgress({ completion: 'completed', success: 'passed', scorePercent: 100, progress: 1 });
    adapter.commit();
    adapter.finish('leave');
    await t.waitFor(() => expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized', 'terminated']));
    expect(t.ofSession(sessionId).map(verb)).toEqual(['initialized', 'initialized', 'played', 'paused', 'terminated', 'terminated']);
    expect(savedState(t).state).not.toBe('p2:late');
  });

  it('hurries when the window closes before the LMS answered: still one terminated', async () => {
    const t = setting();
    const { sessionId, adapter } = await started(t);
    adapter.saveState('p2:closing');
    const release = t.lms.hold();
    adapter.recordInteraction(interaction());
    adapter.finish('leave');
    adapter.finish('pagehide'); // the learner closed the window while Leave waited
    release();
    await t.waitFor(() => expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized', 'terminated']));
    expect(t.ofSession(sessionId).map(verb)).toEqual(['initialized', 'answered', 'terminated']);
  });

  it('goes to returnURL only once terminated is stored, resending it after a 503', async () => {
    const t = setting();
    const { sessionId, adapter } = await started(t);
    t.lms.answerNext(503, 503);
    adapter.finish('leave');
    await t.waitFor(() => expect(t.navigations).toEqual([RETURN_URL]));
    expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized', 'terminated']);
    expect(t.storedAtNavigation).toEqual([t.lms.statements.length]);
    expect(t.lms.statementRequests.filter((r) => r.status === 503)).toHaveLength(2);
  });
});

describe('cmi5 session end: returnURL', () => {
  it.each(['javascript:alert(document.cookie)', 'JaVaScRiPt:alert(1)', '   javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'])(
    'does not follow %j: the session ends as without one',
    async (returnURL) => {
      const t = setting();
      const { sessionId, adapter } = await started(t, { returnURL });
      adapter.finish('leave');
      await t.waitFor(() => expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized', 'terminated']));
      expect(t.navigations).toEqual([]);
    },
  );

  it('follows a relative returnURL resolved against the page', async () => {
    const t = setting({ pageUrl: 'https://lms.example.org/content/12/index.html?endpoint=x' });
    const { adapter } = await started(t, { returnURL: '../../course/12' });
    adapter.finish('leave');
    await t.waitFor(() => expect(t.navigations).toEqual(['https://lms.example.org/course/12']));
  });
});

describe('cmi5 session end: the page goes away (closed window, reload, navigation)', () => {
  it('sends terminated at once, in one keepalive request with what is queued; the state waits for the next launch', async () => {
    const t = setting();
    const { sessionId, adapter } = await started(t);
    adapter.saveState('p2:before');
    adapter.commit();
    await t.waitFor(() => expect(savedState(t).state).toBe('p2:before'));
    adapter.recordInteraction(interaction());
    adapter.saveState('p2:closed');
    adapter.finish('pagehide');
    // Nothing may wait for an answer: the request left before finish() returned.
    const last = t.lms.statementRequests.at(-1);
    expect(last?.keepalive).toBe(true);
    expect(last?.ids).toHaveLength(2);
    await t.waitFor(() => expect(t.ofSession(sessionId).map(verb)).toEqual(['initialized', 'answered', 'terminated']));
    // No PUT raced terminated (the LMS would refuse one arriving after it): the last state is
    // kept in this browser…
    expect(savedState(t).state).toBe('p2:before');
    expect(t.navigations).toEqual([]);
    // …and reaches the LMS in the next session, which starts from it.
    const next = t.launch();
    const info = await next.open().start();
    expect(info.savedState).toBe('p2:closed');
    await t.waitFor(() => expect(savedState(t).state).toBe('p2:closed'));
  });

  it('puts no state while the page is hidden (it may be closing): the change waits until it shows again', async () => {
    const t = setting();
    const { adapter } = await started(t);
    const page = hiddenPage();
    try {
      adapter.saveState('p2:hidden');
      adapter.commit(); // the core's checkpoint when the page is hidden
      // The PUT would have started by now: commit() pushes at once, set() on a zero timer.
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(savedState(t).state).toBeUndefined();
      page.show();
      await t.waitFor(() => expect(savedState(t).state).toBe('p2:hidden'));
    } finally {
      page.remove();
    }
  });

  it('does not send again what a request in flight carries', async () => {
    const t = setting();
    const { sessionId, adapter } = await started(t);
    const release = t.lms.hold();
    adapter.recordInteraction(interaction());
    await t.waitFor(() => expect(t.lms.statementRequests).toHaveLength(2));
    adapter.finish('pagehide');
    release();
    await t.waitFor(() => expect(t.ofSession(sessionId).map(verb)).toEqual(['initialized', 'answered', 'terminated']));
    expect(t.lms.statementRequests.map((r) => r.ids.length)).toEqual([1, 1, 1]);
  });

  it('after a reload, says the session has ended and sends nothing (no token fetch, no statement)', async () => {
    const t = setting();
    const { sessionId, adapter, open } = await started(t);
    adapter.finish('pagehide');
    await t.waitFor(() => expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized', 'terminated']));
    const requests = t.lms.statementRequests.length;
    const reloaded = open();
    expect(await reloaded.start()).toEqual({ savedState: null, mode: 'normal' });
    reloaded.recordInteraction(interaction());
    reloaded.finish('pagehide');
    expect(t.errors.map((e) => e.problem)).toEqual(['session-ended']);
    expect(t.lms.fetchCalls).toHaveLength(1);
    expect(t.lms.statementRequests).toHaveLength(requests);
  });

  it('after Leave, a reload says the same', async () => {
    const t = setting();
    const { adapter, open } = await started(t);
    adapter.finish('leave');
    adapter.finish('pagehide'); // the reload
    await open().start();
    expect(t.errors.map((e) => e.problem)).toEqual(['session-ended']);
    expect(t.lms.fetchCalls).toHaveLength(1);
  });

  it('a page that goes away while the launch is read sends nothing; the reloaded page sends initialized, once', async () => {
    const t = setting();
    const { sessionId, open } = t.launch();
    const leaving = open();
    const starting = leaving.start();
    leaving.finish('pagehide'); // the reload, before the token, LaunchData and resume document were read
    await starting;
    // Anything it had queued would have left on the queue's zero timer by now.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(t.lms.statementRequests).toEqual([]);
    expect(t.errors.map((e) => e.problem)).toEqual(['session-ended']);
    t.errors.length = 0;
    const reloaded = open();
    await reloaded.start();
    reloaded.finish('leave');
    await t.waitFor(() => expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized', 'terminated']));
    expect(t.lms.fetchCalls).toHaveLength(1);
  });

  it('a reload before the session began (token fetched, nothing sent) continues it with the same token', async () => {
    const t = setting();
    const { params, sessionId, open } = t.launch();
    // What the first page had done when it went away: the one-time token fetched and kept.
    const answer = (await (await t.lms.fetch(params.fetchUrl, { method: 'POST' })).json()) as { 'auth-token': string };
    t.browser.tab.setItem(sessionRecordKey(params), JSON.stringify({ fetchUrl: params.fetchUrl, token: answer['auth-token'], startedAt: Date.now(), sent: [], lastTimestamp: 0 }));
    const adapter = open();
    await adapter.start();
    adapter.finish('leave');
    await t.waitFor(() => expect(t.definedOf(sessionId).map(verb)).toEqual(['initialized', 'terminated']));
    expect(t.errors).toEqual([]);
    expect(t.lms.fetchCalls).toHaveLength(1);
  });
});

describe('cmi5 session end: refused batches and retries', () => {
  it('a batch refused with 409 goes again one statement at a time: terminated once', async () => {
    const t = setting();
    const { sessionId, adapter } = await started(t);
    adapter.recordInteraction(interaction());
    t.lms.answerNext(409);
    adapter.finish('pagehide');
    await t.waitFor(() => expect(t.ofSession(sessionId).map(verb)).toEqual(['initialized', 'answered', 'terminated']));
    expect(t.lms.statementRequests.map((r) => [r.ids.length, r.status])).toEqual([
      [1, 200],
      [2, 409],
      [1, 200],
      [1, 200],
    ]);
  });

  it('a request answered 503 goes again, once, with terminated still last', async () => {
    const t = setting();
    const { sessionId, adapter } = await started(t, { returnURL: undefined });
    adapter.recordInteraction(interaction());
    t.lms.answerNext(503);
    adapter.finish('pagehide');
    await t.waitFor(() => expect(t.ofSession(sessionId).map(verb)).toEqual(['initialized', 'answered', 'terminated']));
    expect(t.lms.statementRequests.filter((r) => r.status === 503)).toHaveLength(1);
  });
});
