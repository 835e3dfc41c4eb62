// The browser entry (dist/browser.js) finds its wasm next to itself and embeds its AudioWorklet; `wasmUrl` and
// `workletUrl` override both, and a failed load is a CsoundError that names the URL. Its default message sink
// sends errors to console.error and Csound's ordinary lines (printed with the error attribute) to console.log.
import { describe, expect, it } from 'vitest';
import { eachBrowserWithPage } from './each-browser.js';

interface LoadError {
  name: string;
  message: string;
  isCsoundError: boolean;
}
interface LoadingWindow {
  pageReady?: boolean;
  createError(options: object): Promise<LoadError | null>;
  renderOffline(options: object): Promise<{ peak: number; error: LoadError | null }>;
  defaultMessages(): Promise<void>;
}

eachBrowserWithPage('/tests/browser/pages/loading.html', (_browserName, session) => {
describe('loading the browser entry', () => {
  it('renders with the defaults: the wasm next to the module, the embedded worklet', async () => {
    const result = await session.opened.page.evaluate(() => (window as unknown as LoadingWindow).renderOffline({}));
    expect(result.error, session.opened.report()).toBeNull();
    expect(result.peak).toBeCloseTo(0.5, 3);
  });

  it('renders with explicit wasmUrl and workletUrl (the files a CDN or a strict CSP page would serve)', async () => {
    const result = await session.opened.page.evaluate(() =>
      (window as unknown as LoadingWindow).renderOffline({ wasmUrl: '/dist/csound-engine.wasm', workletUrl: '/dist/worklet.js' }));
    expect(result.error, session.opened.report()).toBeNull();
    expect(result.peak).toBeCloseTo(0.5, 3);
  });

  it('a wasm URL that answers 404 is a CsoundError naming the URL and the status', async () => {
    const error = await session.opened.page.evaluate(() => (window as unknown as LoadingWindow).createError({ wasmUrl: '/missing/engine.wasm' }));
    expect(error?.isCsoundError).toBe(true);
    expect(error?.message).toMatch(/\/missing\/engine\.wasm answered HTTP 404/);
    expect(error?.message).toMatch(/wasmUrl/);
  });

  it('a wasm URL that answers with an HTML page (an SPA fallback) is a CsoundError that says so', async () => {
    const error = await session.opened.page.evaluate(() =>
      (window as unknown as LoadingWindow).createError({ wasmUrl: '/tests/browser/pages/loading.html' }));
    expect(error?.isCsoundError).toBe(true);
    expect(error?.message).toMatch(/loading\.html answered with text\/html.*not WebAssembly/);
  });

  it('a worklet URL that does not load is a CsoundError from play() naming the URL', async () => {
    const result = await session.opened.page.evaluate(() =>
      (window as unknown as LoadingWindow).renderOffline({ workletUrl: '/missing/worklet.js' }));
    expect(result.error?.isCsoundError).toBe(true);
    expect(result.error?.message).toMatch(/play failed .*cannot load the AudioWorklet module from \/missing\/worklet\.js/);
  });
});

describe('the default message sink in a browser', () => {
  it("sends Csound's banner and progress lines to console.log and a compile error to console.error", async () => {
    const before = session.opened.console.length;
    await session.opened.page.evaluate(() => (window as unknown as LoadingWindow).defaultMessages());
    // Console events reach the test a little after the call returns.
    for (let waited = 0; waited < 5000 && !session.opened.console.slice(before).some((line) => line.includes('end of score')); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const lines = session.opened.console.slice(before);
    const banner = lines.find((line) => line.includes('--Csound version'));
    expect(banner, lines.join('\n')).toMatch(/^\[log\]/);
    // Csound prints these with the error attribute, like every line of its banner.
    expect(lines.find((line) => line.includes('end of score'))).toMatch(/^\[log\]/);
    const error = lines.find((line) => /error: syntax error.*oscilli/.test(line));
    expect(error, lines.join('\n')).toMatch(/^\[error\]/);
  });
});
});
