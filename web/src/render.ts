// "Render to WAV": the text is performed offline on a Csound instance of its own, on this thread, in slices
// that let the page update between them (progress bar, console). Each k-cycle's spout is converted to 24-bit
// PCM and the WAV file is assembled here, so whatever output options the CSD sets (-odac, -o …) do not matter.
import { Csound, type MessageCallback } from 'csound-wasm';

const SLICE_MS = 40;
/** A slice also ends after this fraction of the render, so the progress bar moves on any machine. */
const SLICE_FRACTION = 1 / 32;
const MAX_SECONDS = 600;

export interface RenderResult {
  wav: Uint8Array<ArrayBuffer>;
  seconds: number;
  channels: number;
  sampleRate: number;
  /** Peak level in dBFS (-Infinity for silence). */
  peakDb: number;
}

export interface RenderOptions {
  /** Upper bound of the length; the render also stops where the score ends. */
  seconds: number;
  onProgress(fraction: number): void;
  onMessage: MessageCallback;
  /** Called before compiling (e.g. to set options); the instance is the render's own. */
  configure?(csound: Csound): void;
  /** Sets channel values after the start (the sliders' current values). */
  prepare?(csound: Csound): void;
  /** Polled between slices; true cancels the render. */
  cancelled?(): boolean;
}

export async function renderWav(text: string, options: RenderOptions): Promise<RenderResult> {
  if (!(options.seconds > 0) || options.seconds > MAX_SECONDS) {
    throw new RangeError(`the render length must be between 0 and ${MAX_SECONDS} seconds, got ${options.seconds}`);
  }
  const cs = await Csound.create({ messages: 'none', hostAudioIO: true });
  try {
    cs.setMessageCallback(options.onMessage);
    options.configure?.(cs);
    cs.compileCsdText(text);
    cs.start();
    options.prepare?.(cs);
    const sampleRate = cs.sr();
    const ksmps = cs.ksmps();
    const channels = cs.channels();
    const scale = 1 / cs.get0dBFS();
    const scoreEnd = cs.scoreEndTime();
    const seconds = scoreEnd !== null && scoreEnd > 0 ? Math.min(options.seconds, scoreEnd) : options.seconds;
    const totalCycles = Math.ceil((seconds * sampleRate) / ksmps);
    const frames = totalCycles * ksmps;
    const wav = new Uint8Array(44 + frames * channels * 3);
    const spout = cs.spout();
    let offset = 44;
    let peak = 0;
    let cycle = 0;
    const sliceCycles = Math.max(1, Math.ceil(totalCycles * SLICE_FRACTION));
    while (cycle < totalCycles) {
      const sliceEnd = performance.now() + SLICE_MS;
      const sliceLast = Math.min(totalCycles, cycle + sliceCycles);
      while (cycle < sliceLast && performance.now() < sliceEnd) {
        if (cs.performKsmps() !== 0) {
          cycle = totalCycles + 1; // the score ended early: keep what was rendered
          break;
        }
        for (let i = 0; i < spout.length; i++) {
          const value = Math.max(-1, Math.min(1, spout[i] * scale));
          peak = Math.max(peak, Math.abs(value));
          const sample = Math.round(value * 8388607);
          wav[offset] = sample & 0xff;
          wav[offset + 1] = (sample >> 8) & 0xff;
          wav[offset + 2] = (sample >> 16) & 0xff;
          offset += 3;
        }
        cycle++;
      }
      options.onProgress(Math.min(1, cycle / totalCycles));
      if (options.cancelled?.()) throw new Error('the render was cancelled');
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const data = wav.subarray(0, offset);
    writeWavHeader(data, channels, sampleRate, offset - 44);
    const rendered = (offset - 44) / (3 * channels * sampleRate);
    return { wav: data, seconds: rendered, channels, sampleRate, peakDb: peak > 0 ? 20 * Math.log10(peak) : -Infinity };
  } finally {
    cs.destroy();
  }
}

/** The 44-byte header of a 24-bit PCM WAV file with `dataBytes` bytes of samples. */
export function writeWavHeader(target: Uint8Array, channels: number, sampleRate: number, dataBytes: number): void {
  const view = new DataView(target.buffer, target.byteOffset, 44);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 3, true);
  view.setUint16(32, channels * 3, true);
  view.setUint16(34, 24, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
}
