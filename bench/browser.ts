// The browser part of the suite, in headless Chromium (Debian's, through the test tier's launchBrowser()), on
// bench/pages/bench.html served with the cross-origin isolation headers:
// - csound-wasm: CsoundPerformanceThread in an OfflineAudioContext of the CSD's length; the time is that of
//   startRendering() (the AudioWorklet performs the k-cycles as fast as the context pulls them);
// - @csound/browser 6.18.7: its SharedArrayBuffer worker renders with -n; the time is start() to renderEnded.
// Both are wall-clock times in the page (a page has no CPU clock).
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, type OpenedPage } from '../tests/browser/browser.js';
import { startServer, type RunningServer } from '../tests/browser/server.js';
import { ensureCsoundBrowser } from './csound-browser.js';

type Files = Record<string, Uint8Array>;

const base64 = (files: Files): Record<string, string> =>
  Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')]));

interface PageWindow {
  pageReady?: boolean;
  renderWorklet(a: object): Promise<{ ms: number; nchnls: number; channels: string[] | null; messages: string[] }>;
  renderCsoundBrowser(a: object): Promise<{ ms?: number; audio?: string | null; error?: string; messages: string[] }>;
}

export class BrowserBench {
  /** Why @csound/browser cannot be measured (not fetched), or null. */
  csoundBrowserError: string | null = null;
  version: string | null = null;
  private csoundBrowserUrl = '';

  private constructor(
    private server: RunningServer,
    private browser: Browser,
    private page: OpenedPage,
  ) {}

  /**
   * Runs `fn(arg)` in the page, at most `timeoutMs`: a render that never ends (an engine that waits for realtime
   * input, a crashed worker) is abandoned, and the page is opened anew so that it stops using the CPU.
   */
  private async evaluate<A, R>(fn: (arg: A) => Promise<R>, arg: A, timeoutMs: number): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no result after ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    });
    try {
      return await Promise.race([this.page.page.evaluate(fn as (a: unknown) => Promise<R>, arg as unknown), timeout]);
    } catch (error) {
      if (/no result after/.test((error as Error).message)) await this.reopen();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async reopen(): Promise<void> {
    await this.page.close().catch(() => {});
    this.page = await openPage(this.browser, `${this.server.url}/bench/pages/bench.html`);
    await this.page.page.waitForFunction(() => (window as unknown as PageWindow).pageReady === true);
  }

  static async open(repoRoot: string): Promise<BrowserBench> {
    const server = await startServer();
    const browser = await launchBrowser();
    const page = await openPage(browser, `${server.url}/bench/pages/bench.html`);
    await page.page.waitForFunction(() => (window as unknown as PageWindow).pageReady === true);
    const bench = new BrowserBench(server, browser, page);
    bench.version = `Chromium ${browser.version()}`;
    try {
      bench.csoundBrowserUrl = ensureCsoundBrowser(repoRoot);
    } catch (error) {
      bench.csoundBrowserError = (error as Error).message;
    }
    return bench;
  }

  /** Renders `seconds` in an OfflineAudioContext; with keepAudio, also the output, interleaved like spout. */
  async worklet(csd: string, files: Files, seconds: number, keepAudio: boolean): Promise<{ ms: number; interleaved?: Float32Array; messages: string[] }> {
    const result = await this.evaluate(
      (a) => (window as unknown as PageWindow).renderWorklet(a),
      { csd, files: base64(files), seconds, keepAudio },
      30_000 + seconds * 5_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${this.page.report()}`);
    });
    if (!keepAudio || !result.channels) return { ms: result.ms, messages: result.messages };
    const channels = result.channels.map((text) => {
      const bytes = Buffer.from(text, 'base64');
      return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    });
    const frames = channels[0].length;
    const interleaved = new Float32Array(frames * channels.length);
    for (let i = 0; i < frames; i++) for (let c = 0; c < channels.length; c++) interleaved[i * channels.length + c] = channels[c][i];
    return { ms: result.ms, interleaved, messages: result.messages };
  }

  /** Renders with @csound/browser: `-n` when timing, raw doubles read back from its file system with keepAudio. */
  async csoundBrowser(csd: string, files: Files, seconds: number, keepAudio: boolean): Promise<{ ms?: number; samples?: Float64Array; error?: string; messages?: string[] }> {
    let result: Awaited<ReturnType<PageWindow['renderCsoundBrowser']>>;
    try {
      result = await this.evaluate(
        (a) => (window as unknown as PageWindow).renderCsoundBrowser(a),
        { url: this.csoundBrowserUrl, csd, files: base64(files), keepAudio },
        30_000 + seconds * 5_000,
      );
    } catch (error) {
      return { error: (error as Error).message.split('\n')[0] };
    }
    if (result.error) {
      const said = result.messages.filter((m) => /error|not found|unable|failed/i.test(m)).slice(0, 2).join(' ').trim();
      return { error: said ? `${result.error}: ${said}` : result.error };
    }
    if (!keepAudio || !result.audio) return { ms: result.ms, messages: result.messages };
    const bytes = Buffer.from(result.audio, 'base64');
    const copy = new Uint8Array(bytes.byteLength - (bytes.byteLength % 8));
    copy.set(bytes.subarray(0, copy.length));
    return { ms: result.ms, samples: new Float64Array(copy.buffer), messages: result.messages };
  }

  async close(): Promise<void> {
    await this.page.close();
    await this.browser.close();
    await this.server.close();
  }
}
