// Proves the browser test harness: the static server (COOP/COEP or not), headless Chromium (playwright-core) and
// Firefox (puppeteer-core), cross-origin isolation, OfflineAudioContext, AudioWorklet and a realtime
// AudioContext. It does not load csound-wasm itself.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser, type BrowserName, type OpenedPage, type TestBrowser, type TestPage } from './browser.js';
import { NO_ISOLATION_PREFIX, startServer, type RunningServer } from './server.js';

const SMOKE = '/tests/browser/pages/smoke.html';

interface Render {
  sampleRate: number;
  length: number;
  channels: number;
  samples: number[];
}
interface Isolation {
  crossOriginIsolated: boolean;
  isSecureContext: boolean;
  sharedArrayBufferType: string;
  sharedArrayBuffer: { ok: boolean; byteLength?: number; value?: number; error?: string };
  sharedMemory: {
    ok: boolean;
    byteLength?: number;
    bufferType?: string;
    grow?: number;
    byteLengthAfterGrow?: number;
    postable?: true | string;
    error?: string;
  };
}
interface Realtime {
  constructed: boolean;
  error?: string;
  initialState?: string;
  state?: string;
  resume?: string;
  sampleRate?: number;
  wallSeconds?: number;
  contextSeconds?: number;
  workletSeconds?: number;
  workletSampleRate?: number;
}
interface SmokeApi {
  isolation(): Isolation;
  renderOscillator(o: { sampleRate?: number; seconds?: number; frequency?: number; worklet?: boolean }): Promise<Render>;
  realtime(o: { sampleRate?: number; listenMs?: number }): Promise<Realtime>;
}
declare global {
  interface Window {
    smoke: SmokeApi;
    smokeReady?: boolean;
  }
}

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

function peak(samples: number[]): number {
  return samples.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
}

function rms(samples: number[]): number {
  return Math.sqrt(samples.reduce((s, x) => s + x * x, 0) / samples.length);
}

/** Raw GET (no URL normalisation by the client), for the server's own checks. */
function rawGet(path: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}/`, { path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  it('serves repo files with MIME types and COOP/COEP, and without them under the no-isolation prefix', async () => {
    const page = await rawGet(SMOKE);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['cross-origin-embedder-policy']).toBe('require-corp');

    const js = await rawGet('/tests/browser/pages/gain-processor.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.body).toContain("registerProcessor('gain-processor'");

    const json = await rawGet('/package.json');
    expect(json.headers['content-type']).toMatch(/^application\/json/);

    const plain = await rawGet(NO_ISOLATION_PREFIX.slice(0, -1) + SMOKE);
    expect(plain.status).toBe(200);
    expect(plain.body).toBe(page.body);
    expect(plain.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(plain.headers['cross-origin-embedder-policy']).toBeUndefined();

    expect((await rawGet('/tests/browser/pages/no-such-file.html')).status).toBe(404);
    for (const escape of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const res = await rawGet(escape);
      expect(res.status, escape).not.toBe(200);
      expect(res.body).not.toContain('root:');
    }
  });
});

describe.each<BrowserName>(['chromium', 'firefox'])('headless %s', (name) => {
  let browser: TestBrowser | undefined;
  let launchError: Error | undefined;

  // If the browser is missing, launchTestBrowser() throws with install instructions and every test below
  // fails with that message (they are not skipped).
  beforeAll(async () => {
    try {
      browser = await launchTestBrowser(name);
    } catch (err) {
      launchError = err as Error;
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens `path` on the test server, runs `body`, and on failure adds the page's console and errors. */
  async function onPage<T>(path: string, body: (p: OpenedPage<TestPage>) => Promise<T>): Promise<T> {
    if (!browser) throw launchError ?? new Error('the browser was not launched');
    const opened = await browser.open(server.url + path);
    try {
      await opened.page.waitForFunction(() => window.smokeReady === true, null, { timeout: 10_000 });
      return await body(opened);
    } catch (err) {
      if (err instanceof Error) err.message += `\n--- browser ---\n${opened.report()}`;
      throw err;
    } finally {
      await opened.close();
    }
  }

  it('is cross-origin isolated: SharedArrayBuffer and shared WebAssembly.Memory work', async () => {
    const iso = await onPage(SMOKE, ({ page }) => page.evaluate(() => window.smoke.isolation()));
    expect(iso.isSecureContext).toBe(true);
    expect(iso.crossOriginIsolated).toBe(true);
    expect(iso.sharedArrayBuffer).toEqual({ ok: true, byteLength: 8, value: 42 });
    expect(iso.sharedMemory).toEqual({
      ok: true,
      byteLength: 65536,
      bufferType: '[object SharedArrayBuffer]',
      grow: 1,
      byteLengthAfterGrow: 131072,
      postable: true,
    });
  });

  it('is not cross-origin isolated when the page is served without COOP/COEP', async () => {
    const iso = await onPage(NO_ISOLATION_PREFIX.slice(0, -1) + SMOKE, ({ page }) => page.evaluate(() => window.smoke.isolation()));
    expect(iso.isSecureContext).toBe(true);
    expect(iso.crossOriginIsolated).toBe(false);
    expect(iso.sharedArrayBufferType).toBe('undefined');
    expect(iso.sharedArrayBuffer.ok).toBe(false);
    // Both browsers still create a shared WebAssembly.Memory (its buffer is a SharedArrayBuffer), but it
    // cannot be handed to a worker or worklet.
    expect(iso.sharedMemory.ok).toBe(true);
    expect(iso.sharedMemory.postable).toMatch(/DataCloneError/);
  });

  it('OfflineAudioContext renders a 0.1 s oscillator that is not silent', async () => {
    const r = await onPage(SMOKE, ({ page }) => page.evaluate(() => window.smoke.renderOscillator({ sampleRate: 44100, seconds: 0.1 })));
    expect(r).toMatchObject({ sampleRate: 44100, length: 4410, channels: 1 });
    expect(r.samples).toHaveLength(4410);
    expect(peak(r.samples)).toBeGreaterThan(0.99);
    expect(peak(r.samples)).toBeLessThanOrEqual(1);
    expect(rms(r.samples)).toBeCloseTo(Math.SQRT1_2, 2);
  });

  it('an AudioWorklet (gain 0.5) in an OfflineAudioContext halves the oscillator, sample for sample', async () => {
    const { plain, halved } = await onPage(SMOKE, async ({ page }) => ({
      plain: await page.evaluate(() => window.smoke.renderOscillator({ sampleRate: 48000, seconds: 0.1 })),
      halved: await page.evaluate(() => window.smoke.renderOscillator({ sampleRate: 48000, seconds: 0.1, worklet: true })),
    }));
    expect(halved.length).toBe(plain.length);
    expect(halved.samples).toHaveLength(4800);
    expect(peak(plain.samples)).toBeGreaterThan(0.99);
    let maxDiff = 0;
    let worst = -1;
    for (let i = 0; i < plain.samples.length; i++) {
      const d = Math.abs(halved.samples[i] - plain.samples[i] * 0.5);
      if (d > maxDiff) [maxDiff, worst] = [d, i];
    }
    // Multiplying a float32 by 0.5 is exact, and the worklet adds no latency: the match is exact.
    expect(maxDiff, `worst sample ${worst}: ${halved.samples[worst]} vs ${plain.samples[worst]} * 0.5`).toBe(0);
  });

  it('a realtime AudioContext runs without a user gesture, its clock and an AudioWorklet advance', async () => {
    const results = await onPage(SMOKE, async ({ page }) => ({
      default: await page.evaluate(() => window.smoke.realtime({ listenMs: 300 })),
      at44100: await page.evaluate(() => window.smoke.realtime({ sampleRate: 44100, listenMs: 300 })),
      at48000: await page.evaluate(() => window.smoke.realtime({ sampleRate: 48000, listenMs: 300 })),
    }));
    for (const [name, rt] of Object.entries(results)) {
      const what = `${name}: ${JSON.stringify(rt)}`;
      expect(rt.constructed, what).toBe(true);
      expect(rt.state, what).toBe('running');
      expect(rt.resume, what).toBe('resolved');
      // The clock and the audio thread advance at roughly real time (generous bounds: CI machines are noisy).
      expect(rt.contextSeconds!, what).toBeGreaterThan(0.1);
      expect(rt.workletSeconds!, what).toBeGreaterThan(0.1);
      expect(rt.contextSeconds!, what).toBeLessThan(rt.wallSeconds! + 0.5);
    }
    expect(results.at44100.sampleRate).toBe(44100);
    expect(results.at44100.workletSampleRate).toBe(44100);
    expect(results.at48000.sampleRate).toBe(48000);
    expect(results.at48000.workletSampleRate).toBe(48000);
  });
});
