// The browser performer (an AudioWorklet) when things go wrong or are used right after a state change: calls right
// after play() and pause(), misuse, stop() with a suspended context, traps on either thread and a k-cycle that
// never returns. Each test opens a page of its own: after a runaway the audio thread of that page stays busy.
// Every test runs in Chromium and in Firefox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser, type BrowserName, type OpenedPage, type TestBrowser, type TestPage } from './browser.js';
import { startServer, type RunningServer } from './server.js';

function csd(orc: string, score: string): string {
  return `<CsoundSynthesizer>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1
${orc}
</CsInstruments>
<CsScore>
${score}
</CsScore>
</CsoundSynthesizer>
`;
}

const TONE = 'instr 1\n  outs oscili(0.2, 440), oscili(0.2, 660)\nendin';
/** A k-rate loop that never ends: kx grows until adding 1 no longer changes it, and stays ≥ 0. */
const RUNAWAY = 'instr 9\n  kx = 0\n  while kx >= 0 do\n    kx += 1\n  od\nendin';
/**
 * olabuffer checks its overlap factor with an integer remainder, so an overlap of 0 divides by zero: a wasm trap in
 * the init pass, on whichever thread runs it. (A failure that writes to stderr first, like gmm's, does not get
 * that far on the audio thread: see docs/API.md.)
 */
const DIVIDE_BY_ZERO = 'instr 3\n  kArr[] init 64\n  aout olabuffer kArr, 0\n  outs aout, aout\nendin';

/** What the page's helpers and objects look like from page.evaluate() (see pages/performer-failures.html). */
interface Page {
  setup(csd: string, options?: object): Promise<Rt>;
  errorOf(body: () => unknown): Promise<{ name: string; message: string } | null>;
  rt: Rt;
}
interface Rt {
  cs: {
    compileOrc(o: string): number;
    evalCode(c: string): number;
    scoreTime(): number;
    event(t: number, p: number[]): number;
    performKsmps(): number;
    destroy(): void;
  };
  pt: {
    play(): Promise<void>;
    pause(): void;
    stop(): void;
    join(): Promise<number>;
    isRunning(): boolean;
    controlBlock(): Int32Array;
    audioContext(): AudioContext;
  };
  messages: string[];
}
const win = () => window as unknown as Page;
void win;

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

describe.each<BrowserName>(['chromium', 'firefox'])('%s', (name) => {
  let browser: TestBrowser;

  beforeAll(async () => {
    browser = await launchTestBrowser(name);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a fresh page, runs `body` with it, and closes it (without waiting for ever on a page whose audio is stuck). */
  async function withPage<T>(body: (page: TestPage, opened: OpenedPage<TestPage>) => Promise<T>): Promise<T> {
    const opened = await browser.open(`${server.url}/tests/browser/pages/performer-failures.html`);
    try {
      await opened.page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
      return await body(opened.page, opened);
    } finally {
      await Promise.race([opened.close(), new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
  }

  it('compileOrc right after play() is merged at once, and evalCode sees it', async () => {
    await withPage(async (page, opened) => {
      const result = await page.evaluate(async (text) => {
        const w = window as unknown as Page;
        const { cs, pt } = await w.setup(text);
        await pt.play();
        const started = performance.now();
        const code = cs.compileOrc('giA = 42');
        const value = cs.evalCode('return giA');
        const ms = performance.now() - started;
        pt.stop();
        return { code, value, ms, status: await pt.join() };
      }, csd(TONE, 'i 1 0 3600'));
      expect(result.code, opened.report()).toBe(0);
      expect(result.value).toBe(42);
      expect(result.ms).toBeLessThan(900);
      expect(result.status).toBeGreaterThan(0);
    });
  });

  it('pause() right after play(): the next compile runs on the page thread at once', async () => {
    await withPage(async (page, opened) => {
      const result = await page.evaluate(async (text) => {
        const w = window as unknown as Page;
        const { cs, pt } = await w.setup(text);
        await pt.play();
        pt.pause();
        const started = performance.now();
        const code = cs.compileOrc('giB = 43');
        const value = cs.evalCode('return giB + 1');
        const ms = performance.now() - started;
        const held = cs.scoreTime();
        await new Promise((resolve) => setTimeout(resolve, 100));
        const still = cs.scoreTime() === held;
        await pt.play();
        await new Promise((resolve) => setTimeout(resolve, 100));
        const moving = cs.scoreTime() > held;
        pt.stop();
        return { code, value, ms, still, moving, status: await pt.join() };
      }, csd(TONE, 'i 1 0 3600'));
      expect(result.code, opened.report()).toBe(0);
      expect(result.value).toBe(44);
      expect(result.ms).toBeLessThan(900);
      expect(result.still).toBe(true);
      expect(result.moving).toBe(true);
      expect(result.status).toBeGreaterThan(0);
    });
  });

  it('refuses performKsmps on the page thread and a second performer while the worklet performs', async () => {
    await withPage(async (page, opened) => {
      const result = await page.evaluate(async (text) => {
        const w = window as unknown as Page & { api: { CsoundPerformanceThread: new (cs: unknown) => Rt['pt'] } };
        const { cs, pt } = await w.setup(text);
        await pt.play();
        const perform = await w.errorOf(() => cs.performKsmps());
        const destroy = await w.errorOf(() => cs.destroy());
        const second = await w.errorOf(() => new w.api.CsoundPerformanceThread(cs).play());
        pt.stop();
        const status = await pt.join();
        const after = await w.errorOf(() => cs.performKsmps());
        return { perform, destroy, second, status, after };
      }, csd(TONE, 'i 1 0 3600'));
      expect(result.perform, opened.report()).toMatchObject({ name: 'CsoundError' });
      expect(result.perform!.message).toMatch(/a CsoundPerformanceThread performs this instance; performKsmps on this thread/);
      expect(result.destroy!.message).toMatch(/a CsoundPerformanceThread performs this instance/);
      expect(result.second!.message).toMatch(/another CsoundPerformanceThread performs this instance/);
      expect(result.status).toBeGreaterThan(0);
      expect(result.after?.message ?? '').not.toMatch(/CsoundPerformanceThread/);
    });
  });

  it('stop() while the AudioContext is suspended: the page thread ends the performance', async () => {
    await withPage(async (page, opened) => {
      const result = await page.evaluate(async (text) => {
        const w = window as unknown as Page;
        const { cs, pt } = await w.setup(text);
        await pt.play();
        await pt.audioContext().suspend();
        const stopped = performance.now();
        pt.stop();
        const status = await pt.join();
        return { status, ms: performance.now() - stopped, running: pt.isRunning(), value: cs.evalCode('return 6 * 7') };
      }, csd(TONE, 'i 1 0 3600'));
      expect(result.status, opened.report()).toBeGreaterThan(0);
      expect(result.ms).toBeLessThan(1000);
      expect(result.running).toBe(false);
      expect(result.value).toBe(42); // a clean end: the instance is this thread's again
    });
  });

  it('a trap on the audio thread: silence from that k-cycle on, join() negative, messages kept, instance retired', async () => {
    await withPage(async (page, opened) => {
      const result = await page.evaluate(async (text) => {
        const w = window as unknown as Page;
        const sr = 44100;
        const context = new OfflineAudioContext({ numberOfChannels: 2, length: sr / 2, sampleRate: sr });
        const { cs, pt, messages } = await w.setup(text, { audioContext: context });
        await pt.play();
        const channel = (await context.startRendering()).getChannelData(0);
        const status = await pt.join();
        let lastSound = -1;
        for (let i = 0; i < channel.length; i++) if (channel[i] !== 0) lastSound = i;
        const later = await w.errorOf(() => cs.scoreTime());
        return { status, lastSound, later, messages: messages.join('') };
      }, csd(`${TONE}\n${DIVIDE_BY_ZERO}`, 'i 1 0 1\ni 3 0.2 0.1'));
      expect(result.status, opened.report()).toBeLessThan(0);
      // The trap is in the k-cycle that starts instr 3 (frame 8832, the first k-cycle boundary after 0.2 s).
      expect(result.lastSound).toBeGreaterThan(8700);
      expect(result.lastSound).toBeLessThan(8832);
      expect(result.messages).toMatch(/new alloc for instr 3/);
      expect(result.messages).toMatch(/csound-wasm: the performer trapped \(RuntimeError: (integer )?divide by zero\)/);
      expect(result.later!.message).toMatch(/this instance was retired: the performer trapped/);
    });
  });

  it('a trap on the page thread during playback ends the performance: join() negative, the page lives on', async () => {
    await withPage(async (page, opened) => {
      const result = await page.evaluate(async (text) => {
        const w = window as unknown as Page;
        const { cs, pt } = await w.setup(text);
        await pt.play();
        const trap = await w.errorOf(() => cs.compileOrc('instr 2\n/* TODO\nendin\n'));
        pt.stop();
        const status = await pt.join();
        const later = await w.errorOf(() => cs.scoreTime());
        return { trap, status, later, running: pt.isRunning() };
      }, csd(TONE, 'i 1 0 3600'));
      expect(result.trap!.message, opened.report()).toMatch(/the engine trapped/);
      expect(result.status).toBeLessThan(0);
      expect(result.running).toBe(false);
      expect(result.later!.message).toMatch(/this instance was retired: the engine trapped in compileOrc/);
      expect(await page.evaluate(() => 6 * 7)).toBe(42);
    });
  });

  it('stop() ends a k-cycle that never returns within 1 s: node disconnected, instance retired, page responsive', async () => {
    await withPage(async (page, opened) => {
      const result = await page.evaluate(async (text) => {
        const w = window as unknown as Page;
        const { cs, pt, messages } = await w.setup(text);
        await pt.play();
        cs.event(0, [9, 0, 1]);
        // The loop has begun once instr 9 has started and the quantum counter stands still for 300 ms.
        let blocks = -1;
        for (let still = 0; still < 3;) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          const now = Atomics.load(pt.controlBlock(), 1);
          still = now === blocks && messages.some((m) => m.includes('new alloc for instr 9')) ? still + 1 : 0;
          blocks = now;
        }
        const stopped = performance.now();
        pt.stop();
        const status = await pt.join();
        const ms = performance.now() - stopped;
        const later = await w.errorOf(() => cs.scoreTime());
        const destroy = await w.errorOf(() => cs.destroy());
        return { status, ms, later, destroy, running: pt.isRunning() };
      }, csd(`${TONE}\n${RUNAWAY}`, 'i 1 0 3600'));
      console.log(`${name}: stop() of a runaway k-cycle took ${result.ms.toFixed(0)} ms until join() settled`);
      expect(result.ms, opened.report()).toBeLessThan(1000);
      expect(result.status).toBeLessThan(0);
      expect(result.running).toBe(false);
      expect(result.later!.message).toMatch(/this instance was retired: stop\(\): the performer's k-cycle did not return/);
      expect(result.destroy).toBeNull();
      expect(await page.evaluate(() => 6 * 7)).toBe(42);
    });
  });
});
