// CsoundPerformanceThread: ctcsound's class of that name. The performance runs on another thread over the same
// Csound instance (its shared memory) while this thread keeps calling the Csound object: channels are atomic in
// Csound, and events and orchestra compiles take Csound's queued (async) paths while the performer runs.
// In Node the performer is a worker_threads Worker (performer-node-worker.ts).
import { CSOUND_ERROR } from './constants.js';
import type { Csound } from './csound.js';
import type { EngineModule } from './engine-module.js';
import { CsoundError } from './errors.js';
import { hostLink, type HostLink } from './internal.js';
import { Control, State } from './performer-control.js';

/** Options of a performance thread (extras of this binding). */
export interface PerformanceThreadOptions {
  /** Stack of the performer thread in bytes (default 1 MiB). */
  stackSize?: number;
}

/** Interval at which the host thread routes the performer's messages and writes recorded audio. */
const SERVICE_INTERVAL_MS = 10;
const DEFAULT_STACK = 1 << 20;

interface Recorder {
  ring(): number;
  start(path: string, bits: number, channels: number, sr: number, zeroDbfs: number, frames: number, wait: boolean): number;
  drain(): number;
  stop(): number;
  recording(): boolean;
  droppedFrames(): number;
  error(): string;
  delete(): void;
}

interface PerformerHostModule extends EngineModule {
  _csound_wasm_thread_create(stackSize: number): number;
  _csound_wasm_thread_free(thread: number): void;
  _emscripten_main_thread_process_queued_calls(): void;
  Recorder: new () => Recorder;
}

type WorkerLike = {
  on(event: 'message', listener: (message: { cmd?: string; status?: number }) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'exit', listener: (code: number) => void): void;
  terminate(): Promise<number>;
};

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

export class CsoundPerformanceThread {
  private readonly csound: Csound;
  private readonly link: HostLink;
  private readonly host: PerformerHostModule;
  private readonly control = new Int32Array(new SharedArrayBuffer(Control.Length * 4));
  private readonly recorder: Recorder;
  private readonly stackSize: number;
  private worker: WorkerLike | null = null;
  private thread = 0;
  private service: ReturnType<typeof setInterval> | null = null;
  private runStatus = 0;
  private running = false;
  private finished: Promise<number> | null = null;

  /** Creates the performance thread for `csound` (the seed passes `cs.csound()`; here the Csound object). */
  constructor(csound: Csound, options: PerformanceThreadOptions = {}) {
    if (csound === null || typeof csound !== 'object' || !(hostLink in csound)) {
      throw new CsoundError('CsoundPerformanceThread', CSOUND_ERROR, 'the argument must be a Csound object');
    }
    this.csound = csound;
    this.link = csound[hostLink]();
    this.host = this.link.module as PerformerHostModule;
    this.recorder = new this.host.Recorder();
    this.stackSize = options.stackSize ?? DEFAULT_STACK;
  }

  /** Starts the performance, or continues it after pause(). The Csound instance must be compiled and started. */
  play(): void {
    if (this.worker === null && this.finished === null) {
      this.launch();
    } else {
      Atomics.store(this.control, Control.State, State.Running);
      Atomics.notify(this.control, Control.State);
    }
  }

  /** Pauses the performance: the performer stops calling performKsmps until play() or togglePause(). */
  pause(): void {
    if (this.running) Atomics.store(this.control, Control.State, State.Paused);
  }

  togglePause(): void {
    if (Atomics.load(this.control, Control.State) === State.Paused) this.play();
    else this.pause();
  }

  /** Stops the performance (it cannot be continued); join() resolves when the performer has ended. */
  stop(): void {
    Atomics.store(this.control, Control.State, State.Stop);
    Atomics.notify(this.control, Control.State);
  }

  /** True while the performer thread exists (playing or paused). */
  isRunning(): boolean {
    return this.running;
  }

  /** 0 while playing (or before play), > 0 when the score ended or stop() was called, < 0 on an error. */
  status(): number {
    return this.runStatus;
  }

  /**
   * Waits for the performance to end and returns status() (JS cannot block the main thread, so this is a
   * Promise). Resolves at once with status() when the thread was never started.
   */
  join(): Promise<number> {
    return this.finished ?? Promise.resolve(this.runStatus);
  }

  /**
   * Sends a score event through the performer's queue. With `absp2mode` non-zero, p2 is an absolute score time
   * (the start time is made relative to the current score time, as csPerfThread does).
   */
  scoreEvent(absp2mode: number, opcod: string, pFields: ArrayLike<number>): void {
    const types: Record<string, number> = { i: 0, f: 1, e: 2 };
    const type = typeof opcod === 'string' ? types[opcod] : undefined;
    if (type === undefined) {
      throw new CsoundError('scoreEvent', CSOUND_ERROR, `opcod must be 'i', 'f' or 'e', got ${String(opcod)}`);
    }
    const values = Array.from(pFields ?? []);
    if (absp2mode && values.length > 1) values[1] = Math.max(0, values[1] - this.csound.scoreTime());
    this.csound.event(type, values, true);
  }

  /** Sends score lines through the performer's queue (csoundInputMessageAsync). */
  inputMessage(message: string): void {
    this.csound.eventString(message, true);
  }

  /**
   * Records the output (spout) to a WAV file in the engine's file system (or, in Node, a mounted host folder):
   * `samplebits` 16 or 24 (PCM) or 32 (float). `numbufs` sizes the hand-over ring in ksmps blocks (at least two
   * seconds of audio are kept). The performer copies each k-cycle into the ring; this thread writes the file.
   */
  record(filename: string, samplebits = 16, numbufs = 4): void {
    const op = 'record';
    if (typeof filename !== 'string') throw new CsoundError(op, CSOUND_ERROR, 'filename must be a string');
    const sr = this.csound.sr();
    const frames = Math.max(Math.ceil(sr * 2), numbufs * this.csound.ksmps());
    // In a worker the performer may wait for room (nothing is lost); an audio thread never waits.
    const code = this.recorder.start(filename, samplebits, this.csound.channels(), sr, this.csound.get0dBFS(), frames, isNode);
    if (code !== 0) throw new CsoundError(op, code, `cannot record to ${filename}: ${this.recorder.error()}`);
  }

  /** Stops recording and closes the file (its header is finished). */
  stopRecord(): void {
    this.recorder.stop();
  }

  /** Frames the recorder lost because the ring was full (only on an audio thread, which cannot wait). */
  droppedRecordFrames(): number {
    return this.recorder.droppedFrames();
  }

  private launch(): void {
    if (!isNode) {
      throw new CsoundError('play', CSOUND_ERROR, 'the browser performer (AudioWorklet) is not built yet');
    }
    this.thread = this.host._csound_wasm_thread_create(this.stackSize);
    if (this.thread === 0) throw new CsoundError('play', CSOUND_ERROR, 'cannot allocate the performer thread');
    Atomics.store(this.control, Control.State, State.Running);
    this.running = true;
    this.link.setPerforming(true);
    this.finished = this.startNodeWorker();
    this.service = setInterval(() => this.serviceTick(), SERVICE_INTERVAL_MS);
  }

  private async startNodeWorker(): Promise<number> {
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(new URL('./performer-node-worker.js', import.meta.url), {
      workerData: {
        wasmModule: this.link.wasmModule,
        memory: this.link.memory,
        handle: this.link.handle,
        thread: this.thread,
        ring: this.recorder.ring(),
        control: this.control,
      },
    }) as unknown as WorkerLike;
    this.worker = worker;
    return new Promise<number>((resolve) => {
      let status: number | null = null;
      worker.on('message', (message) => {
        if (message?.cmd === 'processQueuedMainThreadWork') {
          // A file-system call of the performer, run here on the thread that owns the file system.
          this.host._emscripten_main_thread_process_queued_calls();
        } else if (message?.cmd === 'ended') {
          status = message.status ?? 0;
        }
      });
      worker.on('error', (error) => {
        this.link.flushMessages();
        status = -1;
        process.stderr.write(`csound-wasm performer: ${error.message}\n`);
      });
      worker.on('exit', () => {
        this.finish(status ?? -1);
        resolve(this.runStatus);
      });
    });
  }

  private serviceTick(): void {
    this.link.flushMessages();
    this.recorder.drain();
  }

  private finish(status: number): void {
    if (this.service !== null) clearInterval(this.service);
    this.service = null;
    this.recorder.stop();
    this.link.setPerforming(false);
    // The performance is over: close its output file, as csPerfThread does when its loop ends.
    if (status >= 0) this.csound.cleanup();
    this.link.flushMessages();
    this.host._csound_wasm_thread_free(this.thread);
    this.thread = 0;
    this.worker = null;
    this.running = false;
    // A stop or the end of the score: a positive status; an error: negative.
    this.runStatus = status === 0 ? 1 : status;
  }
}
