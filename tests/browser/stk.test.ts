// STK instruments in browsers: the rawwaves (dist/stk-rawwaves.bin) arrive by a synchronous request of the page's
// thread when an orchestra using STK is compiled, and STK reads them from the instance's memory, so a note can
// start on the AudioWorklet (which cannot have file-system calls served while it performs).
import { describe, expect, it } from 'vitest';
import { eachBrowserWithPage } from './each-browser.js';

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

eachBrowserWithPage('/tests/browser/pages/stk.html', (_browserName, session) => {
  describe('STK rawwaves', () => {
    it('are there when a note played by the AudioWorklet needs them', async () => {
      const result = await session.opened.page.evaluate(() => (window as unknown as StkWindow).throughPerformer());
      expect(result.error, session.opened.report()).toBeNull();
      expect(result.files).toBe(41);
      expect(result.peak).toBeGreaterThan(0.01);
    });

    it('serve later instances of the page too (fetched once), on the page\'s own thread', async () => {
      const result = await session.opened.page.evaluate(() => (window as unknown as StkWindow).onPageThread());
      expect(result.error, session.opened.report()).toBeNull();
      expect(result.files).toBe(41);
      expect(result.peak).toBeGreaterThan(0.01);
    });
  });
});
