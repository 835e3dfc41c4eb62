// What every browser consumer app does with csound-wasm, exposed on `window.consumerChecks` for the test driver
// (tests/consumers/consumers.test.ts copies this file into each app as src/checks.js). Each app imports the
// package its own way and hands the API over, so this file imports nothing and every bundler sees the same code.
//
// The driver passes the CSD in; results are plain objects (structured-clone/JSON safe) so that both Playwright
// (Chromium) and WebDriver BiDi (Firefox) carry them back unchanged.

/** Float32 samples as base64 of their little-endian bytes: exact, and a quarter the size of a JSON array. */
function float32ToBase64(samples) {
  const bytes = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Message and stack: Firefox's stack does not repeat the message. */
function describeError(error) {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param api the package's exports as the app imported them ({ Csound, CsoundPerformanceThread })
 * @param createOptions passed to Csound.create (e.g. { wasmUrl } where the bundler needs it)
 */
export async function exposeChecks(api, createOptions = {}) {
  const { Csound, CsoundPerformanceThread } = api;
  // Loading the engine at startup is what an app does first, and where a wasm the bundler lost shows up.
  const probe = await Csound.create({ ...createOptions, messages: 'none' });
  const version = probe.version();
  probe.destroy();

  window.consumerChecks = {
    /**
     * Plays the CSD in a realtime AudioContext for `seconds`, draining the performer's output ring meanwhile.
     * Reports the audio thread's quanta and underruns and how loud the drained output was.
     */
    async play(csd, seconds) {
      const cs = await Csound.create({ ...createOptions, messages: 'none' });
      cs.compileCsdText(csd);
      cs.start();
      const nchnls = cs.channels();
      const audioContext = new AudioContext({ sampleRate: cs.sr(), latencyHint: 'interactive' });
      const pt = new CsoundPerformanceThread(cs, { outputRingFrames: 8192, audioContext });
      const report = { crossOriginIsolated, contextState: audioContext.state, framesRead: 0, peak: 0 };
      try {
        // A browser that holds audio back leaves resume() pending forever; the timeout turns that into a report.
        await withTimeout(pt.play(), 15_000, 'CsoundPerformanceThread.play()');
        report.contextState = audioContext.state;
        const scratch = new Float64Array(1024 * nchnls);
        const until = performance.now() + seconds * 1000;
        while (performance.now() < until) {
          await sleep(20);
          for (let frames = pt.readOutput(scratch); frames > 0; frames = pt.readOutput(scratch)) {
            report.framesRead += frames;
            for (let i = 0; i < frames * nchnls; i++) report.peak = Math.max(report.peak, Math.abs(scratch[i]));
          }
        }
        const stats = pt.audioStats();
        report.quanta = stats.quanta;
        report.underruns = stats.underruns;
        report.meanMs = stats.meanMs;
        report.quantumMs = stats.quantumMs;
      } catch (error) {
        report.error = describeError(error);
        report.contextState = audioContext.state;
      } finally {
        pt.stop();
        await withTimeout(pt.join(), 5_000, 'join()').catch(() => {});
        await audioContext.close().catch(() => {});
      }
      return report;
    },

    /**
     * Renders `seconds` of the CSD in an OfflineAudioContext through the performer; returns each channel's
     * samples (Float32, as Web Audio carries them) in base64.
     */
    async renderOffline(csd, seconds) {
      const cs = await Csound.create({ ...createOptions, messages: 'none' });
      cs.compileCsdText(csd);
      cs.start();
      const numberOfChannels = cs.channels();
      const sampleRate = cs.sr();
      const audioContext = new OfflineAudioContext({ numberOfChannels, length: Math.round(seconds * sampleRate), sampleRate });
      const pt = new CsoundPerformanceThread(cs, { audioContext });
      await pt.play();
      const buffer = await audioContext.startRendering();
      await withTimeout(pt.join(), 5_000, 'join() after the offline render');
      const channels = [];
      for (let c = 0; c < numberOfChannels; c++) channels.push(float32ToBase64(buffer.getChannelData(c)));
      return { sampleRate, channels };
    },
  };
  window.consumerReady = { version };
}

/** Shows a failed start in the page and to the driver instead of a blank page. */
export function reportStartupError(error) {
  window.consumerStartupError = describeError(error);
  document.body.textContent = `csound-wasm failed to start: ${window.consumerStartupError}`;
}
