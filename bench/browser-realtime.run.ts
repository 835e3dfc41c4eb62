// Realtime performer in headless Chromium: audio-thread time per quantum and underruns over BENCH_SECONDS (60 by
// default) of a 3-voice vco2+moogladder CSD, against the same number of performKsmps calls in a plain Node loop.
import { it } from 'vitest';
import { Csound } from '../dist/js/index.js';
import { launchBrowser, openPage } from '../tests/browser/browser.js';
import { startServer } from '../tests/browser/server.js';
import { voicesCsd } from './voices.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);

it(`realtime performer, ${SECONDS} s`, async () => {
  const csd = voicesCsd(3600);
  const server = await startServer();
  const browser = await launchBrowser();
  const page = await openPage(browser, `${server.url}/tests/browser/pages/performer.html`);
  try {
    await page.page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
    // A worker keeps a microsecond clock in shared memory for the audio thread (it has only Date.now()). It must run
    // on another core than the audio thread to tick during process(); check the figure against a CPU profile.
    await page.page.evaluate((text) => (window as unknown as { startRealtime(c: string, o: object): Promise<string> })
      .startRealtime(text, { clock: 'worker' }), csd);
    const stats = await page.page.evaluate(async (seconds) => {
      const w = window as unknown as { rt: { pt: { resetAudioStats(): void; audioStats(): Record<string, number> } } };
      await new Promise((resolve) => setTimeout(resolve, 500));
      w.rt.pt.resetAudioStats();
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      return w.rt.pt.audioStats();
    }, SECONDS);

    // The same work in a plain loop: 128 frames per quantum at ksmps 32 = 4 performKsmps calls.
    const cs = await Csound.create({ messages: 'none' });
    cs.compileCsdText(csd.replace('-d -m0', '-n -d -m0'));
    cs.start();
    const calls = stats.quanta * (128 / cs.ksmps());
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) cs.performKsmps();
    const loopMsPerQuantum = (performance.now() - t0) / stats.quanta;
    cs.destroy();

    console.log(`\nrealtime AudioContext in headless Chromium, ${SECONDS} s, 3-voice vco2+moogladder, ksmps 32:`);
    console.log(`  quanta rendered: ${stats.quanta}, underruns: ${stats.underruns}`);
    console.log(`  audio thread per quantum: mean ${stats.meanMs.toFixed(3)} ms, longest ${stats.maxMs.toFixed(3)} ms ` +
      `(quantum lasts ${stats.quantumMs.toFixed(2)} ms; load ${((100 * stats.meanMs) / stats.quantumMs).toFixed(1)} %)`);
    console.log(`  same performKsmps calls in a Node loop: ${loopMsPerQuantum.toFixed(3)} ms per quantum ` +
      `(worklet / loop: ${(stats.meanMs / loopMsPerQuantum).toFixed(2)}×)`);
  } finally {
    await page.close();
    await browser.close();
    await server.close();
  }
});
