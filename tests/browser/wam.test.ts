// csound-wasm/wam in a real WAM 2 host page (pages/wam.html: the WAM SDK's initializeWamHost, plugins made with
// createCsoundWam): parameters from the CSD's chn_k hints, automation that changes the sound at its time, MIDI
// notes (scheduled by the page and emitted by another WAM on the audio thread), an effect's input and latency,
// state round trips and the generated GUI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser, type BrowserName, type OpenedPage, type TestBrowser, type TestPage } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/** A synthesizer with three parameters of the three hint types; `drone` adds an always-on sine scaled by gain. */
function synthCsd(drone: boolean): string {
  return `<CsoundSynthesizer>
<CsOptions>
-d
</CsOptions>
<CsInstruments>
; name: Test Synth
; vendor: csound-wasm tests
; description: three parameters and a MIDI voice
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1
chn_k "cutoff", 1, 3, 1000, 20, 20000
chn_k "gain", 1, 2, 0.5, 0, 1
chn_k "wave", 1, 1, 1, 0, 3
chn_k "level", 2
massign 0, 2

instr 1
  a1 oscili 0.5 * chnget:k("gain"), 441
  outs a1, a1
endin

instr 2
  icps cpsmidi
  kenv madsr 0.005, 0.05, 0.8, 0.05
  a1 vco2 0.3 * kenv * chnget:k("gain"), icps
  a1 butterlp a1, chnget:k("cutoff")
  outs a1, a1
endin
</CsInstruments>
<CsScore>
${drone ? 'i1 0 3600' : ''}
</CsScore>
</CsoundSynthesizer>
`;
}

const EFFECT_CSD = `<CsoundSynthesizer>
<CsInstruments>
; name: Test Effect
sr = 44100
ksmps = 64
nchnls = 1
nchnls_i = 1
0dbfs = 1
chn_k "amount", 1, 2, 0.5, 0, 1
instr 1
  a1 inch 1
  out a1 * chnget:k("amount")
endin
</CsInstruments>
<CsScore>
i1 0 1
</CsScore>
</CsoundSynthesizer>
`;

interface InfoFields {
  id: string;
  label: string;
  type: string;
  minValue: number;
  maxValue: number;
  defaultValue: number;
  discreteStep: number;
  exponent: number;
  normalizedDefault: number;
  denormalizedHalf: number;
  text: string;
}
interface ParameterData {
  id: string;
  value: number;
  normalized: boolean;
}
interface WamWindow {
  pageReady?: boolean;
  offlineAutomation(csd: string): Promise<{
    descriptor: Record<string, unknown>;
    staticDescriptor: Record<string, unknown>;
    name: string;
    isWebAudioModule: boolean;
    info: Record<string, InfoFields>;
    values: Record<string, ParameterData>;
    normalizedValues: Record<string, ParameterData>;
    delay: number;
    ksmps: number;
    rms: number[];
    lastSound: number;
    processed: Array<{ type: string; data: ParameterData; time: number }>;
    gainAfter: number;
  }>;
  offlineEffect(csd: string): Promise<{ descriptor: Record<string, unknown>; delay: number; input: number[]; output: number[] }>;
  startRealtime(csd: string): Promise<{ sampleRate: number; csoundSr: number }>;
  liveRms(): number;
  sendMidi(bytes: number[]): void;
  midiReported(): number[][];
  emitFromSdkWam(bytes: number[]): Promise<void>;
  stopRealtime(): Promise<void>;
  stateRoundTrip(csd: string, otherCsd: string): Promise<{
    state: { csd: string; parameters: Record<string, number> };
    before: Record<string, ParameterData>;
    restored: { csd: string; parameters: Record<string, number> };
    replaced: { ids: string[]; values: Record<string, ParameterData>; csd: string; name: string };
    initial: { csd: string; parameters: Record<string, number> };
    genericInfo: { name: string; ids: string[]; isInstrument: boolean };
  }>;
  createError(csd: string): Promise<{ name: string; message: string } | null>;
  gui(csd: string): Promise<{
    described: Array<{ name: string; min: string; max: string; value: string }>;
    gainValue: number;
    waveSlider: string;
  }>;
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
    opened = await browser.open(`${server.url}/tests/browser/pages/wam.html`);
    await opened.page.waitForFunction(() => (window as unknown as WamWindow).pageReady === true);
  });

  afterAll(async () => {
    await opened?.close();
    await browser?.close();
  });

  it('lists the chn_k input channels as parameters with their hints, and an automation event changes the sound at its time', async () => {
    const result = await opened.page.evaluate((csd) => (window as unknown as WamWindow).offlineAutomation(csd), synthCsd(true));
    expect(result.isWebAudioModule).toBe(true);
    expect(result.name).toBe('Test Synth');
    expect(result.descriptor).toMatchObject({
      name: 'Test Synth',
      vendor: 'csound-wasm tests',
      description: 'three parameters and a MIDI voice',
      apiVersion: '2.0.0',
      isInstrument: true,
      hasMidiInput: true,
      hasAudioInput: false,
      hasAudioOutput: true,
      hasAutomationInput: true,
    });
    expect(result.staticDescriptor).toEqual(result.descriptor);
    // The output channel ("level", mode 2) and the transport channels are not parameters.
    expect(Object.keys(result.info).sort()).toEqual(['cutoff', 'gain', 'wave']);
    const { cutoff, gain, wave } = result.info;
    expect(cutoff).toMatchObject({ id: 'cutoff', label: 'cutoff', type: 'float', minValue: 20, maxValue: 20000, defaultValue: 1000, discreteStep: 0 });
    // Exponential: the middle of the normalized range is the geometric mean, as on an exponential slider.
    expect(cutoff.exponent).toBeGreaterThan(3);
    expect(cutoff.denormalizedHalf).toBeCloseTo(Math.sqrt(20 * 20000), 6);
    expect(gain).toMatchObject({ type: 'float', minValue: 0, maxValue: 1, defaultValue: 0.5, exponent: 0, normalizedDefault: 0.5, text: '0.500' });
    expect(wave).toMatchObject({ type: 'int', minValue: 0, maxValue: 3, defaultValue: 1, discreteStep: 1, exponent: 0, text: '1' });
    expect(result.values).toEqual({
      cutoff: { id: 'cutoff', value: 1000, normalized: false },
      gain: { id: 'gain', value: 0.5, normalized: false },
      wave: { id: 'wave', value: 1, normalized: false },
    });
    expect(result.normalizedValues.gain.value).toBeCloseTo(0.5, 12);
    expect(result.normalizedValues.wave.value).toBeCloseTo(1 / 3, 12);
    expect(result.delay).toBe(result.ksmps);

    // The drone (0.25 peak) plays until the automation sets gain to 0 at 0.5 s: the change lands within a render
    // quantum (128 frames) and a k-cycle (32) of the event's time.
    expect(result.rms[10], opened.report()).toBeCloseTo(0.25 / Math.SQRT2, 2);
    expect(result.rms[40]).toBeCloseTo(0.25 / Math.SQRT2, 2);
    expect(result.rms[60]).toBe(0);
    expect(result.lastSound).toBeGreaterThan(22050 - 128 - 32 - 1);
    expect(result.lastSound).toBeLessThan(22050 + 128 + 32 + 1);
    expect(result.gainAfter).toBe(0);
    expect(result.processed).toEqual([{ type: 'wam-automation', data: { id: 'gain', value: 0, normalized: false }, time: 0.5 }]);
  });

  it('is an effect when the CSD reads audio input: the input comes out ksmps frames later (getCompensationDelay)', async () => {
    const result = await opened.page.evaluate((csd) => (window as unknown as WamWindow).offlineEffect(csd), EFFECT_CSD);
    expect(result.descriptor).toMatchObject({ name: 'Test Effect', hasAudioInput: true, isInstrument: false, hasMidiInput: false });
    expect(result.delay).toBe(64);
    // out[n] = 0.5 · in[n − 64]; the first 64 frames are the silent k-cycle before any input arrived.
    let worst = 0;
    for (let n = 64; n < result.output.length; n++) worst = Math.max(worst, Math.abs(result.output[n] - 0.5 * result.input[n - 64]));
    expect(worst, opened.report()).toBeLessThan(1e-6);
    expect(Math.max(...result.output.slice(0, 64).map(Math.abs))).toBe(0);
    expect(Math.max(...result.output.map(Math.abs))).toBeGreaterThan(0.2);
  });

  it('plays MIDI notes: wam-midi events scheduled by the host and emitted by another WAM on the audio thread', async () => {
    const page = opened.page;
    const rates = await page.evaluate((csd) => (window as unknown as WamWindow).startRealtime(csd), synthCsd(false));
    // The CSD says sr = 44100; the plugin runs at the host's rate.
    expect(rates.csoundSr).toBe(rates.sampleRate);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await page.evaluate(() => (window as unknown as WamWindow).liveRms())).toBeLessThan(1e-4);
      await page.evaluate(() => (window as unknown as WamWindow).sendMidi([0x90, 57, 110]));
      await page.waitForFunction(() => (window as unknown as WamWindow).liveRms() > 0.02, undefined, { timeout: 10_000 });
      expect(await page.evaluate(() => (window as unknown as WamWindow).midiReported())).toEqual([[0x90, 57, 110]]);
      await page.evaluate(() => (window as unknown as WamWindow).sendMidi([0x80, 57, 0]));
      await page.waitForFunction(() => (window as unknown as WamWindow).liveRms() < 1e-4, undefined, { timeout: 10_000 });

      // An SDK-made WAM connected with connectEvents() sends the note from its processor.
      await page.evaluate(() => (window as unknown as WamWindow).emitFromSdkWam([0x90, 64, 100]));
      await page.waitForFunction(() => (window as unknown as WamWindow).liveRms() > 0.02, undefined, { timeout: 10_000 });
      await page.evaluate(() => (window as unknown as WamWindow).emitFromSdkWam([0x80, 64, 0]));
      await page.waitForFunction(() => (window as unknown as WamWindow).liveRms() < 1e-4, undefined, { timeout: 10_000 });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${opened.report()}`);
    } finally {
      await page.evaluate(() => (window as unknown as WamWindow).stopRealtime());
    }
  });

  it('round-trips its state: CSD text and parameter values, into a fresh instance, another CSD, an initial state', async () => {
    const result = await opened.page.evaluate(
      ([csd, other]) => (window as unknown as WamWindow).stateRoundTrip(csd, other),
      [synthCsd(true), EFFECT_CSD.replace(/amount/g, 'level')] as [string, string],
    );
    // The integer parameter rounds to its step.
    expect(result.state).toEqual({ csd: synthCsd(true), parameters: { cutoff: 5000, gain: 0.25, wave: 2 } });
    expect(result.before.gain.value).toBe(0.5);
    expect(result.restored).toEqual(result.state);
    expect(result.replaced.ids).toEqual(['level']);
    expect(result.replaced.values.level.value).toBe(0.75);
    expect(result.replaced.name).toBe('Test Effect');
    expect(result.initial).toEqual(result.state);
    expect(result.genericInfo).toEqual({ name: 'Csound Synth', ids: ['cutoff', 'gain', 'resonance'], isInstrument: true });
  });

  it('refuses a host page without cross-origin isolation with a CsoundError that names the headers', async () => {
    const page = await browser.open(`${server.url}/no-isolation/tests/browser/pages/wam.html`);
    try {
      await page.page.waitForFunction(() => (window as unknown as WamWindow).pageReady === true);
      const error = await page.page.evaluate((csd) => (window as unknown as WamWindow).createError(csd), synthCsd(false));
      expect(error?.name).toBe('CsoundError');
      expect(error?.message).toMatch(/not cross-origin isolated.*Cross-Origin-Opener-Policy: same-origin.*Cross-Origin-Embedder-Policy: require-corp/);
    } finally {
      await page.close();
    }
  });

  it('makes a GUI with a slider per parameter that sets the channel and follows changes', async () => {
    const result = await opened.page.evaluate((csd) => (window as unknown as WamWindow).gui(csd), synthCsd(true));
    expect(result.described).toEqual([
      { name: 'cutoff', min: '0', max: '1000', value: expect.any(String) },
      { name: 'gain', min: '0', max: '1000', value: '500' },
      { name: 'wave', min: '0', max: '3', value: '1' },
    ]);
    expect(Number(result.described[0].value)).toBeGreaterThan(300);
    expect(result.gainValue).toBe(1);
    expect(result.waveSlider).toBe('3');
  });
});
