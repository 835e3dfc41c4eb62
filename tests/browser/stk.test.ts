// STK instruments in browsers: the rawwaves (dist/stk-rawwaves.bin) arrive by a synchronous request of the page's
// thread when an orchestra using STK is compiled, and STK reads them from the instance's memory, so a note can
// start on the AudioWorklet (which cannot have file-system calls served while it performs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser, type BrowserName, type OpenedPage, type TestBrowser, type TestPage } from './browser.js';
import { startServer, type RunningServer } from './server.js';

interface Result {
  peak?: number;
  files?: number;
  error: string | null;
}
interface StkWindow {
  pageReady?: boolean;
  throughPerformer(): Promise<Result>;
  onPageThread(): Promise<Result>;
}

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

describe.each<BrowserName>(['chromium', 'firefox'])('%s', (name) => {
  let browser: TestBrowser;
  let opened: OpenedPage<TestPage>;

  beforeAll(async () => {
    browser = await launchTestBrowser(name);
    opened = await browser.open(`${server.url}/tests/browser/pages/stk.html`);
    await opened.page.waitForFunction(() => (window as unknown as StkWindow).pageReady === true);
  });

  afterAll(async () => {
    await opened?.close();
    await browser?.close();
  });

  describe('STK rawwaves', () => {
    it('are there when a note played by the AudioWorklet needs them', async () => {
      const result = await opened.page.evaluate(() => (window as unknown as StkWindow).throughPerformer());
      expect(result.error, opened.report()).toBeNull();
      expect(result.files).toBe(41);
      expect(result.peak).toBeGreaterThan(0.01);
    });

    it('serve later instances of the page too (fetched once), on the page\'s own thread', async () => {
      const result = await opened.page.evaluate(() => (window as unknown as StkWindow).onPageThread());
      expect(result.error, opened.report()).toBeNull();
      expect(result.files).toBe(41);
      expect(result.peak).toBeGreaterThan(0.01);
    });
  });
});
