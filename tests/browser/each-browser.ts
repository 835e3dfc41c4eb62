// The frame most browser test files share: the same tests once per browser against one test page. Kept out of
// browser.ts, which the benchmarks import outside Vitest.
import { afterAll, beforeAll, describe } from 'vitest';
import { launchTestBrowser, type BrowserName, type OpenedPage, type TestBrowser, type TestPage } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/** What eachBrowserWithPage() hands its tests: the page, opened once per browser before they run. */
export interface PageSession {
  opened: OpenedPage<TestPage>;
}

/**
 * Runs `body`'s tests once per browser (Chromium, Firefox) against one test page: starts the test server and the
 * browser, opens `pagePath` (e.g. '/tests/browser/pages/stk.html') and waits until the page sets
 * `window.pageReady`; closes everything after the tests.
 */
export function eachBrowserWithPage(pagePath: string, body: (name: BrowserName, session: PageSession) => void): void {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  describe.each<BrowserName>(['chromium', 'firefox'])('%s', (name) => {
    let browser: TestBrowser | undefined;
    const session = {} as PageSession;
    beforeAll(async () => {
      browser = await launchTestBrowser(name);
      session.opened = await browser.open(`${server.url}${pagePath}`);
      await session.opened.page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
    });
    afterAll(async () => {
      await session.opened?.close();
      await browser?.close();
    });
    body(name, session);
  });
}
