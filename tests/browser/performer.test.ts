// The browser performer: CsoundPerformanceThread drives an AudioWorkletProcessor that performs the page's Csound
// instance on its shared memory. An OfflineAudioContext render must equal the Node render sample for sample.
// Every test runs in Chromium and in Firefox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Csound } from '../../dist/js/index.js';
import { launchTestBrowser, type BrowserName, type OpenedPage, type TestBrowser, type TestPage } from './browser.js';
import { NO_ISOLATION_PREFIX, startServer, type RunningServer } from './server.js';

const SECONDS = 0.5;

function csd(ksmps: number, sr = 44100): string {
  return `<CsoundSynthesizer>
<CsInstruments>
sr = ${sr}
ksmps = ${ksmps}
nchnls = 2
0dbfs = 1
instr 1
  kcut expseg 300, p3, 5000
  a1 vco2 0.4, p4
  a1 moogladder a1, kcut, 0.5
  a2 oscili 0.3, p4 * 1.01
  outs a1, a2
endin
</CsInstruments>
<CsScore>
i 1 0 0.2 220
i 1 0.15 0.3 330
</CsScore>
</CsoundSynthesizer>
`;
}

/** The reference: the same CSD performed in Node, spout converted to float32 as Web Audio carries it. */
async function nodeRender(text: string): Promise<Float32Array[]> {
  const cs = await Csound.create({ messages: 'none' });
  cs.compileCsdText(text);
  cs.start();
  const nchnls = cs.channels();
  const scale = 1 / cs.get0dBFS();
  const channels: number[][] = Array.from({ length: nchnls }, () => []);
  const spout = cs.spout();
  while (cs.performKsmps() === 0) {
    for (let i = 0; i < spout.length; i++) channels[i % nchnls].push(spout[i] * scale);
  }
  cs.destroy();
  return channels.map((c) => Float32Array.from(c));
}

const REALTIME_CSD = `<CsoundSynthesizer>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1
instr 1 ; plays the control channel "level" as a constant signal
  klevel chnget "level"
  aout = klevel
  outs aout, aout
endin
instr 2 ; prints from the audio thread
  prints "hello from the audio thread %d\\n", p4
  turnoff
endin
</CsInstruments>
<CsScore>
i 1 0 3600
</CsScore>
</CsoundSynthesizer>
`;

type Tapped = Array<[blocks: number, sample: number]>;
const rtWindow = 'window as unknown as RealtimeWindow';
interface RealtimeWindow {
  startRealtime(csd: string): Promise<string>;
  tapped(from?: number): Tapped;
  rt: {
    cs: { setControlChannel(n: string, v: number): void; compileOrc(o: string): number; scoreTime(): number; event(t: number, p: number[]): number };
    pt: {
      controlBlock(): Int32Array;
      pause(): void;
      play(): Promise<void>;
      audioStats(): { quanta: number; meanMs: number; maxMs: number; underruns: number; quantumMs: number };
      resetAudioStats(): void;
    };
    messages: string[];
  };
}
void rtWindow;

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

describe.each<BrowserName>(['chromium', 'firefox'])('%s', (name) => {
  let browser: TestBrowser;
  let page: OpenedPage<TestPage>;

  beforeAll(async () => {
    browser = await launchTestBrowser(name);
    page = await browser.open(`${server.url}/tests/browser/pages/performer.html`);
    await page.page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
  }, 60_000);

  afterAll(async () => {
    await page?.close();
    await browser?.close();
  });

  describe('browser performer (AudioWorklet)', () => {
    for (const ksmps of [1, 10, 32, 64, 100, 128, 256, 1000]) {
      it(`renders in an OfflineAudioContext exactly as Node does, ksmps ${ksmps}`, async () => {
        const text = csd(ksmps);
        const expected = await nodeRender(text);
        const rendered = await page.page.evaluate(
          ([t, s]) => (window as unknown as { renderOffline(c: string, s: number): Promise<{ channels: number[][] }> }).renderOffline(t, s),
          [text, SECONDS] as const,
        );
        expect(rendered.channels.length, page.report()).toBe(expected.length);
        for (let c = 0; c < expected.length; c++) {
          const got = Float32Array.from(rendered.channels[c]);
          const frames = expected[c].length;
          expect(frames).toBeGreaterThanOrEqual(0.44 * 44100); // the score ends at 0.45 s
          let firstDifference = -1;
          for (let i = 0; i < frames && firstDifference < 0; i++) if (got[i] !== expected[c][i]) firstDifference = i;
          expect(firstDifference, `channel ${c}: first difference at frame ${firstDifference}`).toBe(-1);
          // After the score's end the performer outputs silence.
          expect(got.subarray(frames).every((x) => x === 0)).toBe(true);
        }
      });
    }

    it('record() in the browser writes a WAV in the virtual file system whose samples equal spout', async () => {
      const text = csd(32);
      const expected = await nodeRender(text);
      const rendered = await page.page.evaluate(
        ([t, s]) =>
          (window as unknown as { renderOffline(c: string, s: number, r: undefined, f: string): Promise<{ recorded: number[] }> })
            .renderOffline(t, s, undefined, '/rec.wav'),
        [text, SECONDS] as const,
      );
      const wav = Uint8Array.from(rendered.recorded);
      const view = new DataView(wav.buffer);
      expect(String.fromCharCode(...wav.subarray(0, 4))).toBe('RIFF');
      expect(view.getUint16(20, true)).toBe(3); // IEEE float
      expect(view.getUint16(22, true)).toBe(2);
      let offset = 12;
      while (String.fromCharCode(...wav.subarray(offset, offset + 4)) !== 'data') offset += 8 + view.getUint32(offset + 4, true);
      const frames = view.getUint32(offset + 4, true) / 8;
      expect(frames).toBe(expected[0].length);
      let mismatches = 0;
      for (let f = 0; f < frames; f++) {
        for (let c = 0; c < 2; c++) if (view.getFloat32(offset + 8 + (f * 2 + c) * 4, true) !== expected[c][f]) mismatches++;
      }
      expect(mismatches).toBe(0);
    });

    it('readOutput() gives the main thread the audio thread\'s output, frame for frame, through the output ring', async () => {
      const text = csd(32);
      const expected = await nodeRender(text);
      const result = await page.page.evaluate(
        ([t, s]) =>
          (window as unknown as { renderWithOutputRing(c: string, s: number, r: number, k: number): Promise<{ nchnls: number; zeroDbfs: number; read: number[] }> })
            .renderWithOutputRing(t, s, 44100, 1000),
        [text, SECONDS] as const,
      );
      const frames = result.read.length / result.nchnls;
      expect(frames, page.report()).toBe(expected[0].length);
      let mismatches = 0;
      for (let f = 0; f < frames; f++) {
        for (let c = 0; c < result.nchnls; c++) {
          if (Math.fround(result.read[f * result.nchnls + c] / result.zeroDbfs) !== expected[c][f]) mismatches++;
        }
      }
      expect(mismatches).toBe(0);
    });

    it('a full output ring on the audio thread drops frames instead of stalling the audio', async () => {
      const text = csd(32);
      const result = await page.page.evaluate(
        ([t, s]) =>
          (window as unknown as { renderWithOutputRing(c: string, s: number, r: number, k: number): Promise<{ nchnls: number; read: number[] }> })
            .renderWithOutputRing(t, s, 4096, 1000),
        [text, SECONDS] as const,
      );
      // Nobody read during the render: the ring kept its first 4096 frames (whole k-cycles) and the render finished.
      expect(result.read.length / result.nchnls).toBe(4096);
    });

    it("refuses an AudioContext whose rate is not the orchestra's sr, naming both rates", async () => {
      const error = await page.page.evaluate(
        ([t]) => {
          const w = window as unknown as { errorOf(f: () => Promise<unknown>): Promise<unknown>; renderOffline(c: string, s: number, r: number): Promise<unknown> };
          return w.errorOf(() => w.renderOffline(t, 0.1, 48000));
        },
        [csd(32)] as const,
      );
      expect(error).toMatchObject({ name: 'CsoundError' });
      expect((error as { message: string }).message).toContain('48000 Hz');
      expect((error as { message: string }).message).toContain('44100 Hz');
    });

    it('works on the main thread of a page that is not cross-origin isolated, and play() says which headers to send', async () => {
      const plain = await browser.open(`${server.url}${NO_ISOLATION_PREFIX}tests/browser/pages/performer.html`);
      try {
        await plain.page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
        const result = await plain.page.evaluate(async ([t]) => {
          const w = window as unknown as {
            errorOf(f: () => Promise<unknown>): Promise<unknown>;
            renderOffline(c: string, s: number): Promise<unknown>;
            createCsound(): Promise<{ evalCode(c: string): number }>;
          };
          const cs = await w.createCsound();
          return { isolated: crossOriginIsolated, value: cs.evalCode('return 6 * 7'), error: await w.errorOf(() => w.renderOffline(t, 0.1)) };
        }, [csd(32)] as const);
        expect(result.isolated).toBe(false);
        expect(result.value, plain.report()).toBe(42);
        expect(result.error, JSON.stringify(result.error)).toMatchObject({ name: "CsoundError" });
        const message = (result.error as { message: string }).message;
        expect(message).toContain('Cross-Origin-Opener-Policy: same-origin');
        expect(message).toContain('Cross-Origin-Embedder-Policy: require-corp');
      } finally {
        await plain.close();
      }
    });
  });

  describe('browser performer in a realtime AudioContext', () => {
    let rt: OpenedPage<TestPage>;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    beforeAll(async () => {
      rt = await browser.open(`${server.url}/tests/browser/pages/performer.html`);
      await rt.page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
      const state = await rt.page.evaluate((text) => (window as unknown as RealtimeWindow).startRealtime(text), REALTIME_CSD);
      expect(state, rt.report()).toBe('running');
      await rt.page.waitForFunction(() => (window as unknown as RealtimeWindow).tapped().length > 20);
    });

    afterAll(async () => {
      await rt?.close();
    });

    // Pre-roll: the processor attaches and performs the first k-cycle (first calls into the module on the audio
    // thread, the score's init passes) before the node joins the graph, so the first quanta are on time. That first
    // k-cycle took 18-39 ms inside the first process() before, and every fresh Play counted an underrun.
    // retry: on a loaded machine the OS can deschedule the audio thread for a quantum, which says nothing about the
  // start-up (seen once in 8 Firefox runs with both cores busy).
  it('a fresh Play reports 0 underruns', { retry: 2 }, async () => {
      const fresh = await browser.open(`${server.url}/tests/browser/pages/performer.html`);
      try {
        await fresh.page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
        await fresh.page.evaluate((text) => (window as unknown as RealtimeWindow).startRealtime(text), REALTIME_CSD);
        await fresh.page.waitForFunction(() => (window as unknown as RealtimeWindow).rt.pt.audioStats().quanta > 100);
        const stats = await fresh.page.evaluate(() => (window as unknown as RealtimeWindow).rt.pt.audioStats());
        console.log(`fresh Play: ${stats.quanta} quanta, longest ${stats.maxMs} ms, underruns ${stats.underruns}`);
        expect(stats.underruns, fresh.report()).toBe(0);
      } finally {
        await fresh.close();
      }
    });

    // The quantum counter is read on both sides of the write: the main thread can be descheduled between the read
    // and the write (CI saw 4-5 quanta on a loaded 2-core machine when only the count before the write was taken),
    // so latency is counted from the quanta completed once the write has returned; the straddle is logged.
    it('a control-channel write on the main thread reaches the output in the next quantum', async () => {
      const latencies: number[] = [];
      const straddles: number[] = [];
      for (const level of [0.25, 0.5, 0.125, 0.75]) {
        const [before, after] = await rt.page.evaluate((value) => {
          const w = window as unknown as RealtimeWindow;
          const control = w.rt.pt.controlBlock();
          const blocks = Atomics.load(control, 1);
          w.rt.cs.setControlChannel('level', value);
          return [blocks, Atomics.load(control, 1)];
        }, level);
        await sleep(100);
        const tapped = await rt.page.evaluate(() => (window as unknown as RealtimeWindow).tapped());
        const first = tapped.find(([blocks, sample]) => blocks > before && sample === level);
        expect(first, `level ${level} never reached the output`).toBeDefined();
        latencies.push(first![0] - after);
        straddles.push(after - before);
      }
      console.log(`channel write → output latency, in quanta after the write returned: ${latencies.join(', ')}; ` +
        `quanta completed while the write ran: ${straddles.join(', ')}`);
      // The quantum under way when the write returns may miss it; the one after must have it.
      for (const quanta of latencies) expect(quanta).toBeLessThanOrEqual(2);
    });

    it('pause gives silence and holds score time; play continues', async () => {
      await rt.page.evaluate(() => (window as unknown as RealtimeWindow).rt.cs.setControlChannel('level', 0.5));
      await sleep(50);
      const before = await rt.page.evaluate(() => {
        const w = window as unknown as RealtimeWindow;
        w.rt.pt.pause();
        return w.tapped().length;
      });
      await sleep(200);
      const paused = await rt.page.evaluate((from) => {
        const w = window as unknown as RealtimeWindow;
        return { tapped: w.tapped(from), time: w.rt.cs.scoreTime() };
      }, before + 4);
      expect(paused.tapped.length).toBeGreaterThan(20);
      expect(paused.tapped.every(([, sample]) => sample === 0)).toBe(true);
      await sleep(100);
      expect(await rt.page.evaluate(() => (window as unknown as RealtimeWindow).rt.cs.scoreTime())).toBe(paused.time);
      const resumedFrom = await rt.page.evaluate(async () => {
        const w = window as unknown as RealtimeWindow;
        const from = w.tapped().length;
        await w.rt.pt.play();
        return from;
      });
      await sleep(200);
      const resumed = await rt.page.evaluate((from) => (window as unknown as RealtimeWindow).tapped(from), resumedFrom + 4);
      expect(resumed.some(([, sample]) => sample === 0.5)).toBe(true);
      expect(await rt.page.evaluate(() => (window as unknown as RealtimeWindow).rt.cs.scoreTime())).toBeGreaterThan(paused.time);
    });

    // The compile runs on the main thread; the audio thread only merges the result at a k-cycle boundary (about
    // 0.25 ms for 40 instruments, with patches/csound/0002 and 0005 keeping the freeing off it), so its longest
    // quantum stays under the quantum's duration. This is the first compile batch on this page, the case that
    // stalled for 30-180 ms in about a quarter of fresh pages until k-cycles stopped allocating
    // (patches/csound/0007) and the audio thread's lock waits stopped sharing the main thread's
    // (cpp/futex_wait.c): 0 of 80 batches since, also with both cores kept busy. retry: a quantum can still be long
    // when the OS deschedules the audio thread on a loaded machine, which has nothing to do with the compile.
    it('compiling a 200-line orchestra on the main thread keeps every audio quantum under its duration', { retry: 2 }, async () => {
      const lines: string[] = [];
      for (let i = 0; i < 40; i++) {
        lines.push(`instr ${100 + i}`, `  a1 vco2 0.1, ${110 + i}`, `  a1 moogladder a1, ${1000 + 10 * i}, 0.3`, '  outs a1 * 0, a1 * 0', 'endin');
      }
      const orc = lines.join('\n');
      expect(lines.length).toBe(200);
      const stats = await rt.page.evaluate(async (code) => {
        const w = window as unknown as RealtimeWindow;
        w.rt.pt.resetAudioStats();
        const started = performance.now();
        for (let i = 0; i < 5; i++) w.rt.cs.compileOrc(code);
        const compileMs = (performance.now() - started) / 5;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { ...w.rt.pt.audioStats(), compileMs };
      }, orc);
      console.log(`200-line compileOrc on the main thread: ${stats.compileMs.toFixed(1)} ms each; audio thread meanwhile: ` +
        `${stats.quanta} quanta, mean ${stats.meanMs.toFixed(3)} ms, longest ${stats.maxMs} ms (1 ms resolution), ` +
        `quantum ${stats.quantumMs.toFixed(2)} ms, underruns ${stats.underruns}`);
      expect(stats.quanta).toBeGreaterThan(50);
      expect(stats.compileMs).toBeGreaterThan(3);
      expect(stats.maxMs).toBeLessThan(stats.quantumMs);
      expect(stats.underruns).toBe(0);
    });

    // The statistics take the audioClock when one is given. Checked with a clock that never moves, on an orchestra
    // heavy enough that Date.now() crosses a millisecond within some process() call: with the clock every quantum
    // reads exactly 0, without it the longest reads at least 1 ms. (A running clock thread is what the benchmark
    // uses; here it would make the test depend on it being scheduled on another core than the audio thread.)
    it('audioStats() times process() with the audioClock when one is given', async () => {
      const voices = Array.from({ length: 16 }, (_, i) => `i 1 0 3600 ${110 * (i + 1)}`).join('\n');
      const heavy = csd(32).replace(/i 1 0 0\.2 220\ni 1 0\.15 0\.3 330/, voices);
      expect(heavy).toContain('i 1 0 3600 1760');
      const statsWith = async (clock: string | undefined) => {
        const opened = await browser.open(`${server.url}/tests/browser/pages/performer.html`);
        try {
          await opened.page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
          await opened.page.evaluate(([text, kind]) => (window as unknown as { startRealtime(c: string, o: object): Promise<string> })
            .startRealtime(text!, { clock: kind }), [heavy, clock] as const);
          return await opened.page.evaluate(async () => {
            const w = window as unknown as RealtimeWindow;
            await new Promise((resolve) => setTimeout(resolve, 200));
            w.rt.pt.resetAudioStats();
            await new Promise((resolve) => setTimeout(resolve, 400));
            return w.rt.pt.audioStats();
          });
        } finally {
          await opened.close();
        }
      };
      const frozen = await statsWith('frozen');
      expect(frozen.quanta).toBeGreaterThan(80);
      expect(frozen.maxMs).toBe(0);
      expect(frozen.meanMs).toBe(0);
      const dateNow = await statsWith(undefined);
      expect(dateNow.quanta).toBeGreaterThan(80);
      expect(dateNow.maxMs).toBeGreaterThanOrEqual(1);
    });

    it('messages printed on the audio thread reach the main thread', async () => {
      await rt.page.evaluate(() => (window as unknown as RealtimeWindow).rt.cs.event(0, [2, 0, 0.1, 42]));
      await rt.page.waitForFunction(() =>
        (window as unknown as RealtimeWindow).rt.messages.some((m) => m.includes('hello from the audio thread 42')),
      );
    });
  });
});
