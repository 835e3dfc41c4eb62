// The performer on the audio thread: an AudioWorkletProcessor that performs the main thread's Csound instance on
// its shared memory. It instantiates the same compiled module on that memory (performer-attach), then in each
// process() call performs as many k-cycles as the 128-frame quantum needs, for any ksmps: spout is read and spin
// is written frame by frame, and a k-cycle runs whenever the current one has been consumed.
// process() allocates nothing: views and counters are made in the constructor (views on shared memory stay valid
// when it grows).
// @ts-ignore -- resolved by scripts/build-browser.mjs to the web build of the Emscripten glue (an ES module)
import createCsoundEngineModule from 'csound-wasm:glue';
import type { EngineFactory } from '../js/engine-module.js';
import { attachPerformer, type PerformerModule } from '../js/performer-attach.js';
import { Control, Owner, Stat, State, type PerformerLink } from '../js/performer-control.js';

// AudioWorkletGlobalScope, declared here: TypeScript's DOM library does not describe it.
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: unknown);
}
declare const sampleRate: number;
declare function registerProcessor(name: string, ctor: new (options: ProcessorInit) => AudioWorkletProcessor): void;

/** What the host thread passes in processorOptions (see js/performance-thread.ts). */
export interface PerformerOptions extends PerformerLink {
  stats: Float64Array;
  /** Microseconds (modulo 2^31) kept current by another thread, or null for Date.now(). */
  clock: Int32Array | null;
  ksmps: number;
  nchnls: number;
  nchnlsInput: number;
  spout: number;
  spin: number;
  zeroDbfs: number;
}

interface ProcessorInit {
  processorOptions: PerformerOptions;
}

// The glue touches a few globals the audio thread's scope lacks; give it harmless ones.
const scope = globalThis as unknown as Record<string, unknown>;
scope.performance ??= { now: () => Date.now() };
scope.setTimeout ??= () => 0;
scope.clearTimeout ??= () => {};
scope.postMessage ??= () => {};
scope.location ??= { href: '' };

class CsoundPerformerProcessor extends AudioWorkletProcessor {
  private readonly options: PerformerOptions;
  private performer: PerformerModule | null = null;
  // Views on a shared memory stay valid when it grows.
  private readonly spout: Float64Array;
  private readonly spin: Float64Array;
  private readonly control: Int32Array;
  private readonly stats: Float64Array;
  private readonly gain: number;
  /** How long a quantum lasts, ms (128 frames at the context's rate). */
  private readonly quantumMs: number;
  /** Frame of the current k-cycle's spout to read next; ksmps means "perform the next k-cycle first". */
  private position: number;
  private ended = false;
  /** Microseconds from the host's clock thread, or null: Date.now(), in ms. */
  private readonly clock: Int32Array | null;
  /** Milliseconds per tick of that clock. */
  private readonly msPerTick: number;

  constructor(init: ProcessorInit) {
    super();
    const options = init.processorOptions;
    this.options = options;
    this.control = options.control;
    this.stats = options.stats;
    this.clock = options.clock;
    this.msPerTick = this.clock !== null ? 0.001 : 1;
    this.gain = 1 / options.zeroDbfs;
    this.quantumMs = (128 / sampleRate) * 1000;
    this.position = options.ksmps;
    this.spout = new Float64Array(options.memory.buffer, options.spout, options.ksmps * options.nchnls);
    this.spin = new Float64Array(options.memory.buffer, options.spin, options.ksmps * Math.max(options.nchnlsInput, 1));
    try {
      this.performer = attachPerformer({
        factory: createCsoundEngineModule as EngineFactory,
        wasmModule: options.wasmModule,
        memory: options.memory,
        thread: options.thread,
        canBlock: false,
      });
    } catch (error) {
      // Nothing of Csound ran here: the instance is fine, this performance cannot start.
      this.port.postMessage({ cmd: 'error', message: `cannot attach to the instance: ${String(error)}`, trapped: false });
      this.finish(-1);
    }
    if (this.performer !== null) this.preroll();
    this.port.postMessage({ cmd: 'ready' });
  }

  /**
   * Performs the first k-cycle here, before the node is in the graph (the host connects it on 'ready'): the first
   * k-cycle is by far the slowest (first calls into the module on this thread, the score's first init passes),
   * and done in process() it would make the first quantum late.
   */
  private preroll(): void {
    const { handle, ring, output: outputRing } = this.options;
    // The host may have given up waiting (and taken Owner) or been stopped meanwhile.
    if (Atomics.compareExchange(this.control, Control.Owner, Owner.Idle, Owner.Performer) !== Owner.Idle) {
      this.ended = true;
      return;
    }
    const state = Atomics.load(this.control, Control.State);
    if (state !== State.Starting && state !== State.Running) {
      Atomics.store(this.control, Control.Owner, Owner.Idle);
      return;
    }
    let result: number;
    try {
      result = this.performer!._csound_wasm_perform(handle, 1, ring, outputRing);
    } catch (error) {
      this.trapped(error);
      return;
    }
    Atomics.store(this.control, Control.Owner, Owner.Idle);
    if (result !== 0) this.finish(result);
    else this.position = 0;
  }

  /**
   * A trap (or an escaped jump) inside Csound: the performance cannot go on and the instance's state is unknown.
   * Owner stays taken, so the host ends the performance without touching Csound and retires the instance.
   */
  private trapped(error: unknown): void {
    this.port.postMessage({ cmd: 'error', message: `the performer trapped (${String(error)})`, trapped: true });
    Atomics.store(this.control, Control.Failed, 1);
    this.finish(-1);
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const started = this.now();
    const output = outputs[0];
    const input = inputs.length > 0 ? inputs[0] : undefined;
    const frames = output[0].length;
    if (this.performer === null || this.ended) {
      for (let c = 0; c < output.length; c++) output[c].fill(0);
      return false;
    }
    // Take Owner first, then read State: a host that sees Owner idle after it set Paused or Stop knows that no
    // k-cycle is under way or can start. Owner.Host: the host has ended the performance.
    if (Atomics.compareExchange(this.control, Control.Owner, Owner.Idle, Owner.Performer) !== Owner.Idle) {
      this.ended = true;
      for (let c = 0; c < output.length; c++) output[c].fill(0);
      return false;
    }
    const state = Atomics.load(this.control, Control.State);
    if (state !== State.Running) {
      Atomics.store(this.control, Control.Owner, Owner.Idle);
      for (let c = 0; c < output.length; c++) output[c].fill(0);
      if (state === State.Stop) this.finish(1);
      return !this.ended;
    }
    const { ksmps, nchnls, nchnlsInput, handle, ring, output: outputRing } = this.options;
    for (let frame = 0; frame < frames; frame++) {
      if (this.position === ksmps) {
        let result: number;
        try {
          result = this.performer._csound_wasm_perform(handle, 1, ring, outputRing);
        } catch (error) {
          for (let c = 0; c < output.length; c++) output[c].fill(0, frame);
          this.trapped(error);
          return false;
        }
        if (result !== 0) {
          Atomics.store(this.control, Control.Owner, Owner.Idle);
          for (let c = 0; c < output.length; c++) output[c].fill(0, frame);
          this.finish(result);
          return false;
        }
        this.position = 0;
      }
      const base = this.position * nchnls;
      for (let c = 0; c < output.length && c < nchnls; c++) output[c][frame] = this.spout[base + c] * this.gain;
      if (input !== undefined && nchnlsInput > 0) {
        const inBase = this.position * nchnlsInput;
        for (let c = 0; c < nchnlsInput; c++) {
          const channel = input[c];
          this.spin[inBase + c] = channel !== undefined ? channel[frame] * this.options.zeroDbfs : 0;
        }
      }
      this.position++;
    }
    Atomics.store(this.control, Control.Owner, Owner.Idle);
    Atomics.add(this.control, Control.Blocks, 1);
    const elapsed = ((this.now() - started) | 0) * this.msPerTick; // | 0: the microsecond clock wraps at 2^31
    this.performer.addBusyTime?.(elapsed);
    this.stats[Stat.Quanta]++;
    this.stats[Stat.TotalMs] += elapsed;
    if (elapsed > this.stats[Stat.MaxMs]) this.stats[Stat.MaxMs] = elapsed;
    if (elapsed > this.quantumMs) this.stats[Stat.Underruns]++;
    return true;
  }

  /** Microseconds (modulo 2^31) from the clock thread, else Date.now() in ms. */
  private now(): number {
    return this.clock !== null ? Atomics.load(this.clock, 0) : Date.now();
  }

  private finish(status: number): void {
    this.ended = true;
    Atomics.store(this.control, Control.Status, status);
    Atomics.store(this.control, Control.Ended, 1);
  }
}

registerProcessor('csound-performer', CsoundPerformerProcessor);
