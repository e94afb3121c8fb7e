/**
 * Debian's Chromium through playwright-core: no browser download, the flags the CI machine needs.
 *
 * One Chromium per test run: the global setup (chromium-server.ts) starts it as a server, and
 * `launchChromium()` in each test file connects to it (a connection costs milliseconds, a launch
 * about a second of CPU); outside that setup it launches its own.
 *
 * Every browser context it hands out is watched: an uncaught error thrown in any of its pages
 * (Playwright's `weberror`) fails the test that is running (page-errors.ts, checked by the setup
 * file page-error-check.ts), unless the test said it expects it with `expectPageError(/…/)`.
 * Playwright waits default to BROWSER_WAIT_MS (timeouts.ts).
 */
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_OPTIONS } from './chromium-server.js';
import { recordPageError } from './page-errors.js';
import { BROWSER_WAIT_MS } from './timeouts.js';

export { CHROMIUM_PATH } from './chromium-server.js';

export { expectPageError } from './page-errors.js';

const watchedContexts = new WeakSet<BrowserContext>();

function watch(context: BrowserContext): BrowserContext {
  // browser.newPage() opens its context through browser.newContext(): watch each once.
  if (watchedContexts.has(context)) return context;
  watchedContexts.add(context);
  context.setDefaultTimeout(BROWSER_WAIT_MS);
  context.on('weberror', (webError) => {
    const error = webError.error();
    const where = webError.page()?.url() ?? 'a page';
    recordPageError(`${error.stack ?? error.message} (in ${where})`);
  });
  return context;
}

/** Routes every context and page the tests open through `watch`. */
function watched(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = async (options) => watch(await newContext(options));
  browser.newPage = async (options) => {
    const page = await newPage(options);
    watch(page.context());
    return page;
  };
  return browser;
}

/** The run's shared Chromium (a connection; `close()` only disconnects), or a new one. */
export async function launchChromium(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  const browser = endpoint ? await chromium.connect(endpoint) : await chromium.launch(CHROMIUM_OPTIONS);
  return watched(browser);
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket endpoint (chromium-server.ts), when the setup started one. */
    chromiumEndpoint: string | undefined;
  }
}
