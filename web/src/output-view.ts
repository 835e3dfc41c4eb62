// Oscilloscope and spectrum of the engine's output, read from the shared memory: the performer copies spout into
// an output ring after every k-cycle (CsoundPerformanceThread's outputRingFrames), and each animation frame drains
// it with readOutput(). Every array is made once per performance; a frame of drawing allocates nothing.
import { Fft } from './fft.js';

/** What the view needs from a performance. */
export interface OutputSource {
  readOutput(target: Float64Array): number;
}

const HISTORY = 8192; // mono frames kept, a power of two
const SCOPE_FRAMES = 2048;
const FFT_SIZE = 2048;
const READ_FRAMES = 2048;
const MIN_DB = -96;
/** The scope zooms in on quiet signals in steps of two, up to this factor; the label says by how much. */
const GAIN_LABELS = ['', '×2', '×4', '×8', '×16'];

export class OutputView {
  private readonly scopeCanvas: HTMLCanvasElement;
  private readonly spectrumCanvas: HTMLCanvasElement;
  private readonly scope: CanvasRenderingContext2D;
  private readonly spectrum: CanvasRenderingContext2D;
  private readonly history = new Float32Array(HISTORY);
  private written = 0;
  private readonly fft = new Fft(FFT_SIZE);
  private readonly window = new Float32Array(FFT_SIZE);
  private readonly re = new Float32Array(FFT_SIZE);
  private readonly im = new Float32Array(FFT_SIZE);
  private readonly levels = new Float32Array(FFT_SIZE / 2);
  /** x position of each FFT bin on a log-frequency axis, recomputed when the canvas size or sr changes. */
  private readonly binX = new Float32Array(FFT_SIZE / 2);
  private binXWidth = 0;
  private binXRate = 0;
  private source: OutputSource | null = null;
  private readBuffer = new Float64Array(0);
  private channels = 1;
  private scale = 1;
  private sampleRate = 48000;
  /** Recent peak of the signal, decaying slowly: sets the scope's zoom. */
  private peak = 0;

  constructor(scopeCanvas: HTMLCanvasElement, spectrumCanvas: HTMLCanvasElement) {
    this.scopeCanvas = scopeCanvas;
    this.spectrumCanvas = spectrumCanvas;
    const scope = scopeCanvas.getContext('2d');
    const spectrum = spectrumCanvas.getContext('2d');
    if (scope === null || spectrum === null) throw new Error('this browser gives no 2D canvas');
    this.scope = scope;
    this.spectrum = spectrum;
    for (let i = 0; i < FFT_SIZE; i++) this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (FFT_SIZE - 1));
    this.levels.fill(MIN_DB);
    // Draw at the screen's resolution: the canvases follow their laid-out size (only when it changes).
    const fit = (canvas: HTMLCanvasElement) => {
      const ratio = window.devicePixelRatio || 1;
      const width = Math.round(canvas.clientWidth * ratio);
      const height = Math.round(canvas.clientHeight * ratio);
      if (width > 0 && height > 0 && (canvas.width !== width || canvas.height !== height)) {
        canvas.width = width;
        canvas.height = height;
      }
    };
    new ResizeObserver(() => {
      fit(scopeCanvas);
      fit(spectrumCanvas);
    }).observe(scopeCanvas);
    this.draw();
  }

  /** Starts showing a performance: `channels` interleaved channels in `zeroDbfs` units at `sampleRate`. */
  attach(source: OutputSource, channels: number, zeroDbfs: number, sampleRate: number): void {
    this.source = source;
    this.channels = channels;
    this.scale = 1 / (zeroDbfs * channels);
    this.sampleRate = sampleRate;
    if (this.readBuffer.length !== READ_FRAMES * channels) this.readBuffer = new Float64Array(READ_FRAMES * channels);
  }

  /** Stops reading; the last picture fades out over the next frames. */
  detach(): void {
    this.source = null;
  }

  /** Drains the output ring into the history and redraws both views. Call once per animation frame. */
  update(): void {
    const source = this.source;
    if (source !== null) {
      for (let round = 0; round < 8; round++) {
        const frames = source.readOutput(this.readBuffer);
        this.append(frames);
        if (frames < READ_FRAMES) break;
      }
    } else {
      // Nothing playing: let the traces decay to silence instead of freezing.
      for (let i = 0; i < HISTORY; i++) this.history[i] *= 0.85;
    }
    this.draw();
  }

  private append(frames: number): void {
    const channels = this.channels;
    const buffer = this.readBuffer;
    for (let f = 0; f < frames; f++) {
      let sum = 0;
      for (let c = 0; c < channels; c++) sum += buffer[f * channels + c];
      this.history[this.written & (HISTORY - 1)] = sum * this.scale;
      this.written++;
    }
  }

  private draw(): void {
    this.drawScope();
    this.drawSpectrum();
  }

  private drawScope(): void {
    const canvas = this.scopeCanvas;
    const g = this.scope;
    const width = canvas.width;
    const height = canvas.height;
    g.fillStyle = '#0e1013';
    g.fillRect(0, 0, width, height);
    g.strokeStyle = '#262b33';
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(0, height / 2);
    g.lineTo(width, height / 2);
    g.stroke();
    // Trigger on a rising zero crossing so that periodic sounds stand still.
    const end = this.written;
    let framePeak = 0;
    for (let i = end - SCOPE_FRAMES; i < end; i++) framePeak = Math.max(framePeak, Math.abs(this.history[i & (HISTORY - 1)]));
    this.peak = Math.max(framePeak, this.peak * 0.97);
    let zoom = 0;
    // Silence stays at full scale: there is nothing to zoom into.
    while (this.peak > 0.001 && zoom < GAIN_LABELS.length - 1 && this.peak * (2 << zoom) < 0.9) zoom++;
    const gain = 1 << zoom;
    let start = end - SCOPE_FRAMES;
    for (let i = end - SCOPE_FRAMES; i > end - HISTORY + 1 && i > end - SCOPE_FRAMES - 1024; i--) {
      const before = this.history[(i - 1) & (HISTORY - 1)];
      const at = this.history[i & (HISTORY - 1)];
      if (before < 0 && at >= 0) {
        start = i;
        break;
      }
    }
    g.strokeStyle = '#5cc8b0';
    g.lineWidth = 1.5;
    g.beginPath();
    for (let i = 0; i < SCOPE_FRAMES; i++) {
      const value = this.history[(start + i) & (HISTORY - 1)];
      const x = (i / (SCOPE_FRAMES - 1)) * width;
      const y = height / 2 - Math.max(-1, Math.min(1, value * gain)) * (height / 2 - 2);
      if (i === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    }
    g.stroke();
    if (zoom > 0) {
      g.fillStyle = '#8a92a0';
      g.font = '12px system-ui, sans-serif';
      g.fillText(GAIN_LABELS[zoom], 6, 14);
    }
  }

  private drawSpectrum(): void {
    const canvas = this.spectrumCanvas;
    const g = this.spectrum;
    const width = canvas.width;
    const height = canvas.height;
    const bins = FFT_SIZE / 2;
    const end = this.written;
    for (let i = 0; i < FFT_SIZE; i++) {
      this.re[i] = this.history[(end - FFT_SIZE + i) & (HISTORY - 1)] * this.window[i];
      this.im[i] = 0;
    }
    this.fft.transform(this.re, this.im);
    const norm = 4 / FFT_SIZE;
    for (let k = 0; k < bins; k++) {
      const magnitude = Math.hypot(this.re[k], this.im[k]) * norm;
      const db = magnitude > 0 ? Math.max(MIN_DB, 20 * Math.log10(magnitude)) : MIN_DB;
      // Fast attack, slow release, like a meter.
      this.levels[k] = db > this.levels[k] ? db : this.levels[k] * 0.8 + db * 0.2;
    }
    this.updateBinPositions(width);
    g.fillStyle = '#0e1013';
    g.fillRect(0, 0, width, height);
    g.strokeStyle = '#262b33';
    g.lineWidth = 1;
    g.beginPath();
    for (let db = -24; db > MIN_DB; db -= 24) {
      const y = (db / MIN_DB) * height;
      g.moveTo(0, y);
      g.lineTo(width, y);
    }
    g.stroke();
    g.fillStyle = 'rgba(232, 168, 76, 0.35)';
    g.strokeStyle = '#e8a84c';
    g.lineWidth = 1.2;
    g.beginPath();
    g.moveTo(0, height);
    for (let k = 1; k < bins; k++) g.lineTo(this.binX[k], (this.levels[k] / MIN_DB) * height);
    g.lineTo(width, height);
    g.closePath();
    g.fill();
    g.stroke();
  }

  private updateBinPositions(width: number): void {
    if (width === this.binXWidth && this.sampleRate === this.binXRate) return;
    this.binXWidth = width;
    this.binXRate = this.sampleRate;
    const nyquist = this.sampleRate / 2;
    const low = Math.log(20);
    const high = Math.log(nyquist);
    for (let k = 1; k < FFT_SIZE / 2; k++) {
      const frequency = (k * this.sampleRate) / FFT_SIZE;
      this.binX[k] = ((Math.log(Math.max(20, frequency)) - low) / (high - low)) * width;
    }
  }
}
