// CsoundPerformanceThread: ctcsound's class of that name. The performance runs on another thread over the same
// Csound instance (its shared memory) while this thread keeps calling the Csound object: channels are atomic in
// Csound, and events and orchestra compiles take Csound's queued (async) paths while the performer runs.
// In Node the performer is a worker_threads Worker (performer-node-worker.ts, started by platform-node.ts); in a
// browser an AudioWorkletProcessor (worklet/processor.ts, bundled into dist/worklet.js). Node given an
// `audioContext` of node-web-audio-api plays through that same AudioWorkletProcessor, on the library's audio thread.
import { CSOUND_ERROR } from './constants.js';
import type { Csound } from './csound.js';
import type { EngineModule } from './engine-module.js';
import { CsoundError } from './errors.js';
import { hostLink, type HostLink } from './internal.js';
import { LIMITS, describeValue, expectInteger } from './limits.js';
import { MAXIMUM_PAGES } from './loader.js';
import { Control, Owner, Stat, State, type PerformerLink } from './performer-control.js';
import { platform, type WorkerPerformer } from './platform.js';
import { setAudioThreadBusy } from './proc-stat.js';
import type { AudioContextLike, AudioWorkletNodeLike } from './types.js';

/** Options of a performance thread (extras of this binding). */
export interface PerformanceThreadOptions {
  /** Stack of the performer thread in bytes (default 1 MiB). */
  stackSize?: number;
  /**
   * The (Offline)AudioContext to perform in; its sample rate must equal the orchestra's sr, and the instance needs
   * host audio I/O (`hostAudioIO`). Browser: without one, play() creates an AudioContext at the orchestra's sr.
   * Node: a context of node-web-audio-api (an optional peer dependency) makes the performer the same
   * AudioWorkletProcessor as in browsers, playing on the library's audio output; without one the performer is a
   * worker that renders as fast as it can (to a file, or to the output ring).
   */
  audioContext?: AudioContextLike;
  /**
   * Frames of an output ring the performer fills with spout after each k-cycle, read with readOutput().
   * Node: the performer waits when the ring is full, so the reader sets the pace (e.g. a sound card callback).
   * Browser: the audio thread never waits; when the ring is full it drops frames, and the reader (a scope, a
   * meter) gets the audio that fits.
   */
  outputRingFrames?: number;
  /**
   * Browser: a clock for the audio-thread statistics, element 0 holding microseconds (modulo 2^31) that another
   * thread keeps current, on a SharedArrayBuffer. An AudioWorklet has only Date.now(), so without one audioStats()
   * has 1 ms resolution. `npm run bench:browser` runs such a clock in a worker (it keeps a core busy).
   */
  audioClock?: Int32Array;
}

/** Whether a buffer is a SharedArrayBuffer (where the type exists). */
function isShared(buffer: ArrayBufferLike): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer;
}

/** Interval at which the host thread routes the performer's messages and writes recorded audio. */
const SERVICE_INTERVAL_MS = 10;
const DEFAULT_STACK = 1 << 20;
/** Free memory (64 KiB pages) added before a performance starts: 64 MiB. */
const RESERVE_PAGES = 1024;

interface Recorder {
  ring(): number;
  startRing(channels: number, frames: number, wait: boolean): number;
  read(destination: number, maxFrames: number): number;
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

/** How long a realtime AudioContext may take to resume and construct the performer (attach + first k-cycle). */
const WORKLET_READY_TIMEOUT_MS = 10_000;
/**
 * How long stop() waits for the k-cycle under way. One still running then is taken for one that never returns (an
 * endless loop in the orchestra): the performer is ended by force and the instance retired.
 */
const STOP_GRACE_MS = 500;
/** How long a call on the host thread waits, after pause() or stop(), for the k-cycle under way to end. */
const PARK_WAIT_MS = 250;
/** The performance thread that performs each instance (at most one). */
const performers = new WeakMap<Csound, CsoundPerformanceThread>();
const SharedBuffer = typeof SharedArrayBuffer === 'undefined' ? ArrayBuffer : SharedArrayBuffer;

export class CsoundPerformanceThread {
  private readonly csound: Csound;
  private readonly link: HostLink;
  private readonly host: PerformerHostModule;
  // Without cross-origin isolation a page has no SharedArrayBuffer; play() then explains which headers to send.
  private readonly control = new Int32Array(new SharedBuffer(Control.Length * 4));
  private readonly stats = new Float64Array(new SharedBuffer(Stat.Length * 8));
  private readonly recorder: Recorder;
  private readonly output: Recorder | null;
  private outputScratch = { ptr: 0, frames: 0 };
  /** Channels per frame of the output ring (the orchestra's nchnls when the thread was made). */
  private outputChannels = 0;
  /** View on outputScratch, remade only when the scratch block or the memory's buffer changes. */
  private outputView: Float64Array | null = null;
  private readonly audioClock: Int32Array | null;
  private readonly stackSize: number;
  /** Whether the performer is a Node worker (it may wait for room in its rings), not an audio thread. */
  private readonly canWait: boolean;
  private context: BaseAudioContext | null;
  private node: AudioWorkletNode | null = null;
  private worker: WorkerPerformer | null = null;
  private thread = 0;
  private service: ReturnType<typeof setInterval> | null = null;
  private runStatus = 0;
  private running = false;
  private finished: Promise<number> | null = null;
  private stopTimer: ReturnType<typeof setTimeout> | null = null;
  /** True once the performer was given up (ended by force, or it trapped): no more calls into the engine. */
  private abandoned = false;

  /** Creates the performance thread for `csound` (the seed passes `cs.csound()`; here the Csound object). */
  constructor(csound: Csound, options: PerformanceThreadOptions = {}) {
    if (csound === null || typeof csound !== 'object' || !(hostLink in csound)) {
      throw new CsoundError('CsoundPerformanceThread', CSOUND_ERROR, 'the argument must be a Csound object');
    }
    checkThreadOptions(options);
    this.csound = csound;
    this.link = csound[hostLink]();
    const isNode = platform().name === 'node';
    this.host = this.link.module as PerformerHostModule;
    this.recorder = new this.host.Recorder();
    this.stackSize = options.stackSize ?? DEFAULT_STACK;
    this.context = (options.audioContext as BaseAudioContext | undefined) ?? null;
    // The performer waits for room in its rings only in a worker; an audio thread never waits.
    this.canWait = isNode && this.context === null;
    this.audioClock = options.audioClock ?? null;
    if (this.audioClock !== null && !(this.audioClock instanceof Int32Array && isShared(this.audioClock.buffer) && this.audioClock.length > 0)) {
      throw new CsoundError('CsoundPerformanceThread', CSOUND_ERROR, 'audioClock must be an Int32Array on a SharedArrayBuffer');
    }
    this.output = null;
    if (options.outputRingFrames !== undefined) {
      const frames = options.outputRingFrames;
      const most = Math.floor(LIMITS.ringSamples / Math.max(csound.channels(), 1));
      if (!Number.isInteger(frames) || frames < csound.ksmps() || frames > most) {
        throw new CsoundError('CsoundPerformanceThread', CSOUND_ERROR, `outputRingFrames must be an integer from ksmps ` +
          `(${csound.ksmps()}) to ${most} (${LIMITS.ringSamples} samples over nchnls), got ${String(frames)}`);
      }
      this.output = new this.host.Recorder();
      this.outputChannels = csound.channels();
      // An audio thread must not wait for the reader.
      this.output.startRing(this.outputChannels, frames, this.canWait);
    }
  }

  /**
   * Moves the frames the performer has produced since the last call into `target` (interleaved, nchnls per
   * frame, Csound's 0dBFS units) and returns how many frames it moved. Needs the `outputRingFrames` option.
   * Allocates nothing once it has been called with a target of the same size, so it can feed a display every frame.
   */
  readOutput(target: Float64Array): number {
    if (this.output === null) throw new CsoundError('readOutput', CSOUND_ERROR, 'create the thread with { outputRingFrames }');
    if (!(target instanceof Float64Array)) {
      throw new CsoundError('readOutput', CSOUND_ERROR, `target must be a Float64Array, got ${target === null ? 'null' : typeof target}`);
    }
    // A retired instance's allocator may be locked for good.
    if (!this.link.alive()) return 0;
    const channels = this.outputChannels;
    const frames = Math.floor(target.length / channels);
    if (this.outputScratch.frames < frames) {
      if (this.outputScratch.ptr !== 0) this.host._free(this.outputScratch.ptr);
      this.outputScratch = { ptr: this.host._malloc(frames * channels * 8), frames };
      this.outputView = null;
    }
    const got = this.output.read(this.outputScratch.ptr, frames);
    const buffer = this.link.memory.buffer;
    if (this.outputView === null || this.outputView.buffer !== buffer) {
      this.outputView = new Float64Array(buffer, this.outputScratch.ptr, this.outputScratch.frames * channels);
    }
    const view = this.outputView;
    for (let i = 0, n = got * channels; i < n; i++) target[i] = view[i];
    return got;
  }

  /**
   * Starts the performance, or continues it after pause(). The Csound instance must be compiled and started.
   * The returned Promise resolves once the performer is running (in a browser the worklet module loads first);
   * it may be ignored, as the seed's play() returns nothing.
   */
  play(): Promise<void> {
    let started: Promise<void>;
    if (this.finished === null) {
      started = this.launch();
    } else {
      // Continues a paused performance; one that is stopping or has ended stays so.
      Atomics.compareExchange(this.control, Control.State, State.Paused, State.Running);
      Atomics.notify(this.control, Control.State);
      started = Promise.resolve();
    }
    // The seed's play() returns nothing, so the Promise may be ignored: a failed start must not end the process as
    // an unhandled rejection (join() settles with a negative status too).
    started.catch(() => {});
    return started;
  }

  /** The (Offline)AudioContext the performer runs in, once play() has started it (browser, or Node with one). */
  audioContext(): AudioContextLike | null {
    return this.node === null ? null : (this.context as AudioContextLike | null);
  }

  /**
   * The control block shared with the performer (Int32Array): [1] counts the render quanta (browser) or
   * k-cycles (Node) performed so far. For tests and meters; do not write to it.
   */
  controlBlock(): Int32Array {
    return this.control;
  }

  /** The AudioWorkletNode that performs, browser or Node with a context (connect a source to it for `ins`/`inch`). */
  audioNode(): AudioWorkletNodeLike | null {
    return this.node as AudioWorkletNodeLike | null;
  }

  /** Pauses the performance: the performer stops calling performKsmps until play() or togglePause(). */
  pause(): void {
    if (this.running) Atomics.store(this.control, Control.State, State.Paused);
  }

  togglePause(): void {
    if (Atomics.load(this.control, Control.State) === State.Paused) this.play();
    else this.pause();
  }

  /**
   * Stops the performance (it cannot be continued); join() resolves when the performer has ended. The performer
   * ends after the k-cycle under way; if that k-cycle has not returned 0.5 s later (an endless loop in the
   * orchestra), the performer is ended by force (Node: the worker is terminated; browser: the node is disconnected),
   * the instance is retired and join() resolves with a negative status.
   */
  stop(): void {
    Atomics.store(this.control, Control.State, State.Stop);
    Atomics.notify(this.control, Control.State);
    if (!this.running) return;
    // A performer waiting for room in the output ring must see the stop.
    if (!this.abandoned) this.output?.stop();
    if (!this.link.alive()) {
      this.abandon(null);
    } else if (this.stopTimer === null) {
      this.stopTimer = setTimeout(() => this.stopOverdue(), STOP_GRACE_MS);
    }
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
    // Checked before copying: an array-like claiming a billion elements would hang Array.from.
    const length = (pFields as ArrayLike<number> | null | undefined)?.length;
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > LIMITS.pfields) {
      throw new CsoundError('scoreEvent', CSOUND_ERROR, `pFields must be an array of at most ${LIMITS.pfields} numbers`);
    }
    const values = Array.from(pFields);
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
    if (samplebits !== 16 && samplebits !== 24 && samplebits !== 32) {
      throw new CsoundError(op, CSOUND_ERROR, `samplebits must be 16, 24 or 32, got ${describeValue(samplebits)}`);
    }
    const sr = this.csound.sr();
    const ksmps = this.csound.ksmps();
    const channels = Math.max(this.csound.channels(), 1);
    const frames = Math.max(Math.ceil(sr * 2), expectInteger(op, 'numbufs', numbufs, 1, LIMITS.ringSamples) * ksmps);
    if (frames * channels > LIMITS.ringSamples) {
      throw new CsoundError(op, CSOUND_ERROR, `a ring of ${frames} frames × ${channels} channels is over the limit of ` +
        `${LIMITS.ringSamples} samples: give fewer numbufs (at most ${Math.floor(LIMITS.ringSamples / channels / ksmps)})`);
    }
    // In a worker the performer may wait for room (nothing is lost); an audio thread never waits.
    const code = this.recorder.start(filename, samplebits, this.csound.channels(), sr, this.csound.get0dBFS(), frames, this.canWait);
    if (code !== 0) throw new CsoundError(op, code, `cannot record to ${filename}: ${this.recorder.error()}`);
  }

  /** Stops recording and closes the file (its header is finished). */
  stopRecord(): void {
    if (this.link.alive()) this.recorder.stop();
  }

  /**
   * Audio-thread statistics (browser performer): quanta rendered, mean and longest process() time in ms (1 ms
   * resolution, as the audio thread has only Date.now(), unless the `audioClock` option gives it a finer clock),
   * and underruns (quanta not fully rendered in time).
   * For a CPU meter: meanMs / quantumMs.
   */
  audioStats(): { quanta: number; meanMs: number; maxMs: number; underruns: number; quantumMs: number } {
    const quanta = this.stats[Stat.Quanta];
    const rate = this.context?.sampleRate ?? this.csound.sr();
    return {
      quanta,
      meanMs: quanta > 0 ? this.stats[Stat.TotalMs] / quanta : 0,
      maxMs: this.stats[Stat.MaxMs],
      underruns: this.stats[Stat.Underruns],
      quantumMs: (128 / rate) * 1000,
    };
  }

  /** Resets the audio-thread statistics (e.g. after start-up, to measure a steady state). */
  resetAudioStats(): void {
    this.stats.fill(0);
  }

  /** Frames the recorder lost because the ring was full (only on an audio thread, which cannot wait). */
  droppedRecordFrames(): number {
    return this.recorder.droppedFrames();
  }

  private launch(): Promise<void> {
    const isNode = platform().name === 'node';
    this.csound.csound(); // throws when the instance was destroyed or retired
    const other = performers.get(this.csound);
    if (other !== undefined && other !== this) {
      throw new CsoundError('play', CSOUND_ERROR, 'another CsoundPerformanceThread performs this instance; an ' +
        'instance has one performing thread: stop() that one and await its join() first');
    }
    if (!isNode && typeof crossOriginIsolated !== 'undefined' && !crossOriginIsolated) {
      return Promise.reject(new CsoundError('play', CSOUND_ERROR, 'the page is not cross-origin isolated, so ' +
        'the audio thread cannot share the engine\'s memory: serve the page with ' +
        '"Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp"'));
    }
    this.reserveMemory();
    this.thread = this.host._csound_wasm_thread_create(this.stackSize);
    if (this.thread === 0) return Promise.reject(new CsoundError('play', CSOUND_ERROR, 'cannot allocate the performer thread'));
    // A realtime performer starts held (State.Starting) until it has attached and performed its first k-cycle;
    // a worker or an offline context can run at once.
    const realtime = !this.canWait && !(this.context !== null && isOfflineContext(this.context));
    Atomics.store(this.control, Control.State, realtime ? State.Starting : State.Running);
    this.running = true;
    performers.set(this.csound, this);
    Atomics.store(this.control, Control.Owner, Owner.Idle);
    this.link.setPerforming(() => this.mayBeInCsound());
    let started: Promise<void>;
    if (this.canWait) {
      started = this.startNodeWorker();
    } else {
      let resolveEnd!: (status: number) => void;
      this.finished = new Promise<number>((resolve) => {
        resolveEnd = resolve;
      });
      this.resolveEnd = resolveEnd;
      started = this.startWorklet().catch((error: unknown) => {
        // The processor may not exist yet, or still be in its first k-cycle: end it by taking Owner, or give it up.
        Atomics.store(this.control, Control.State, State.Stop);
        if (Atomics.compareExchange(this.control, Control.Owner, Owner.Idle, Owner.Host) === Owner.Performer) {
          this.abandon(`play(): ${(error as Error).message}`);
        } else {
          this.endWorklet(-1);
        }
        throw error;
      });
    }
    this.service = setInterval(() => this.serviceTick(), SERVICE_INTERVAL_MS);
    return started;
  }

  /**
   * Grows the shared memory ahead of the performance so that allocations during it rarely need to grow it: an
   * engine instance on another thread learns of a growth only later and can trap meanwhile if it is handed memory
   * beyond the size it knows.
   */
  private reserveMemory(): void {
    const memory = this.link.memory;
    const pages = memory.buffer.byteLength / 65536;
    const target = Math.min(MAXIMUM_PAGES, pages + RESERVE_PAGES);
    if (target > pages) memory.grow(target - pages);
  }

  /**
   * Browser, or Node with a node-web-audio-api context: the performer is an AudioWorkletProcessor
   * (worklet/processor.ts) on the audio rendering thread.
   */
  private async startWorklet(): Promise<void> {
    const sr = this.csound.sr();
    const isNode = platform().name === 'node';
    if (!this.csound.hostAudioIO()) {
      // Without it Csound would open an audio device or a file from the audio thread, which cannot do either.
      throw new CsoundError('play', CSOUND_ERROR, `${isNode ? 'with an AudioContext' : 'in a browser'} the ` +
        `performer plays spout: create the Csound with { hostAudioIO: true }${isNode ? '' : ' (the default in ' +
        'browsers)'} or call setHostAudioIO() before compiling`);
    }
    if (this.context !== null && typeof (this.context as Partial<BaseAudioContext>).audioWorklet?.addModule !== 'function') {
      throw new CsoundError('play', CSOUND_ERROR, 'options.audioContext has no audioWorklet: give an AudioContext or ' +
        `OfflineAudioContext${isNode ? ' of node-web-audio-api (1.0 or later)' : ''}`);
    }
    // Node: the library's AudioWorkletNode (a context of the library is required there); browser: the global one.
    const WorkletNode = isNode ? await platform().audioWorkletNodeClass!(this.context!) : AudioWorkletNode;
    const context = this.context ?? new AudioContext({ sampleRate: sr, latencyHint: 'interactive' });
    this.context = context;
    if (context.sampleRate !== sr) {
      throw new CsoundError('play', CSOUND_ERROR, `the AudioContext runs at ${context.sampleRate} Hz but the ` +
        `orchestra's sr is ${sr} Hz; create the context with { sampleRate: ${sr} }`);
    }
    const workletUrl = platform().workletUrl!(this.link.workletUrl);
    try {
      await context.audioWorklet.addModule(workletUrl);
    } catch (cause) {
      const where = workletUrl.startsWith('blob:') ? `the embedded worklet (${workletUrl})` : workletUrl;
      throw new CsoundError('play', CSOUND_ERROR, `cannot load the AudioWorklet module from ${where}: ${String(cause)}. ` +
        (isNode ? 'Check that the file is dist/worklet.js of this csound-wasm version (Csound.create({ workletUrl }) ' +
          'takes a path or a file: URL)'
          : 'Check that the URL serves dist/worklet.js of this csound-wasm version as JavaScript with the page\'s ' +
          'cross-origin headers, or, where a Content-Security-Policy refuses blob: workers, pass ' +
          'Csound.create({ workletUrl }) with a copy of csound-wasm/worklet'));
    }
    const nchnls = this.csound.channels(false);
    const nchnlsInput = this.csound.channels(true);
    this.node = new WorkletNode(context, 'csound-performer', {
      numberOfInputs: nchnlsInput > 0 ? 1 : 0,
      numberOfOutputs: 1,
      outputChannelCount: [nchnls],
      channelCount: Math.max(nchnlsInput, 1),
      channelCountMode: 'explicit',
      processorOptions: {
        ...this.performerLink(),
        stats: this.stats,
        clock: this.audioClock,
        ksmps: this.csound.ksmps(),
        nchnls,
        nchnlsInput,
        spout: this.csound.spout().byteOffset,
        spin: this.csound.spin().byteOffset,
        zeroDbfs: this.csound.get0dBFS(),
      },
    });
    // cpumeter in a browser reads the audio thread's busy time (js/proc-stat.ts).
    setAudioThreadBusy(() => this.stats[Stat.TotalMs]);
    let readyNow!: () => void;
    let failNow!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      readyNow = resolve;
      failNow = reject;
    });
    ready.catch(() => {}); // an offline context does not wait for it
    this.node.port.onmessage = (event: MessageEvent<{ cmd: string; message?: string; trapped?: boolean }>) => {
      if (event.data.cmd === 'ready') {
        readyNow();
      } else if (event.data.cmd === 'error') {
        const message = event.data.message ?? 'the performer failed';
        if (event.data.trapped) {
          // The processor has ended (Failed, Ended); the instance's state is unknown.
          this.abandon(message);
        } else {
          this.link.flushMessages();
          platform().writeMessage(`csound-wasm performer: ${message}\n`, 'error', 'stderr');
        }
        failNow(new CsoundError('play', CSOUND_ERROR, message));
      }
    };
    if (isOfflineContext(context)) {
      this.node.connect(context.destination);
      return;
    }
    // Pre-roll: the node joins the graph only once the processor has attached to the instance and performed
    // the first k-cycle (the slow one: first calls, init passes), so the first quantum it renders is on time.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CsoundError('play', CSOUND_ERROR, 'the audio thread did not start the ' +
        `performer within ${WORKLET_READY_TIMEOUT_MS / 1000} s (is the AudioContext running?)`)), WORKLET_READY_TIMEOUT_MS);
    });
    try {
      if (context.state !== 'running') await Promise.race([(context as AudioContext).resume(), timeout]);
      await Promise.race([ready, timeout]);
    } finally {
      clearTimeout(timer);
    }
    this.node.connect(context.destination);
    Atomics.compareExchange(this.control, Control.State, State.Starting, State.Running);
  }

  private performerLink(): PerformerLink {
    return {
      wasmModule: this.link.wasmModule,
      memory: this.link.memory,
      handle: this.link.handle,
      thread: this.thread,
      ring: this.recorder.ring(),
      output: this.output?.ring() ?? 0,
      control: this.control,
    };
  }

  /** Node: the performer worker; resolves once it performs, rejects when it could not start. */
  private startNodeWorker(): Promise<void> {
    const worker = platform().startWorker!(this.performerLink(), {
      // A file-system call of the performer, run here on the thread that owns the file system.
      onFileSystemCall: () => this.host._emscripten_main_thread_process_queued_calls(),
      onError: (message) => {
        this.link.flushMessages();
        platform().writeMessage(`csound-wasm performer: ${message}\n`, 'error', 'stderr');
      },
    });
    this.worker = worker;
    this.finished = worker.exited.then((status) => {
      if (Atomics.load(this.control, Control.Failed) === 1) {
        this.abandon(`the performer trapped (${worker.failure() ?? 'no message'})`);
      }
      const ended = Atomics.load(this.control, Control.Ended) === 1;
      this.finish(this.abandoned ? -1 : status ?? (ended ? Atomics.load(this.control, Control.Status) : -1));
      return this.runStatus;
    });
    return worker.started.catch((cause: unknown) => {
      throw new CsoundError('play', CSOUND_ERROR, `the performer worker did not start: ${(cause as Error).message}`);
    });
  }

  private resolveEnd: ((status: number) => void) | null = null;

  /**
   * Whether the performer may be inside a Csound call now, or start one, so that a call on the host thread must
   * take Csound's queued path. After pause() or stop() the performer starts no more k-cycles (it reads State after
   * it takes Owner), so this waits for the one under way, if any, and then says no.
   */
  private mayBeInCsound(): boolean {
    // A trapped performer keeps Owner: its locks may be held, and the instance is about to be retired.
    if (Atomics.load(this.control, Control.Failed) === 1) return true;
    if (Atomics.load(this.control, Control.Ended) === 1) return false;
    const state = Atomics.load(this.control, Control.State);
    if (state === State.Running || state === State.Starting) return true;
    const deadline = performance.now() + PARK_WAIT_MS;
    while (Atomics.load(this.control, Control.Owner) === Owner.Performer) {
      if (Atomics.load(this.control, Control.Ended) === 1) return Atomics.load(this.control, Control.Failed) === 1;
      if (performance.now() > deadline) return true;
    }
    return false;
  }

  private serviceTick(): void {
    if (!this.link.alive()) {
      // Retired by a trap on this thread while the performer ran: it may be stuck on a lock the trap left held.
      this.abandon(null);
      return;
    }
    this.link.flushMessages();
    this.recorder.drain();
    // Browser: the processor ended (score end, stop, an error); a trap is handled when its message arrives.
    if (this.worker === null && Atomics.load(this.control, Control.Ended) === 1 && Atomics.load(this.control, Control.Failed) === 0) {
      this.endWorklet(Atomics.load(this.control, Control.Status));
    }
  }

  /** stop() was called STOP_GRACE_MS ago and the performer has not ended. */
  private stopOverdue(): void {
    this.stopTimer = null;
    if (!this.running || this.abandoned || Atomics.load(this.control, Control.Ended) === 1) return;
    const owner = Atomics.compareExchange(this.control, Control.Owner, Owner.Idle, Owner.Host);
    if (owner === Owner.Performer) {
      this.abandon(`stop(): the performer's k-cycle did not return within ${STOP_GRACE_MS} ms (an endless loop in ` +
        `the orchestra?), so it was ${this.worker !== null ? 'terminated' : 'disconnected'}`);
    } else if (this.worker === null) {
      // Browser: no process() call is under way, and none will perform (a suspended or idle AudioContext).
      this.endWorklet(1);
    }
    // Node, Owner idle: the worker is between k-cycles and ends by itself.
  }

  /**
   * Gives the performer up: it trapped, or a k-cycle never returns, or a trap on this thread retired the instance
   * while it performed. The instance is retired (with `reason`, unless it already is) and no call goes into the
   * engine any more: its locks and allocator may be in any state. Node: the worker is terminated, and join()
   * settles when it has exited. Browser: the node is disconnected (an AudioWorklet cannot be ended from outside;
   * the audio thread stays in a loop that never returns) and join() settles now. Both with a negative status.
   */
  private abandon(reason: string | null): void {
    if (this.abandoned || !this.running) return;
    this.abandoned = true;
    Atomics.store(this.control, Control.State, State.Stop);
    if (reason !== null) this.link.retire(reason);
    if (this.worker !== null) {
      void this.worker.terminate();
    } else {
      this.endWorklet(-1);
    }
  }

  /** Browser: ends the performance on the host side, disconnects the node and settles join(). */
  private endWorklet(status: number): void {
    const resolve = this.resolveEnd;
    if (resolve === null) return;
    this.resolveEnd = null;
    this.finish(status);
    this.node?.disconnect();
    resolve(this.runStatus);
  }

  private finish(status: number): void {
    if (this.service !== null) clearInterval(this.service);
    this.service = null;
    if (this.stopTimer !== null) clearTimeout(this.stopTimer);
    this.stopTimer = null;
    if (this.abandoned) status = Math.min(status, -1);
    this.link.setPerforming(null);
    if (performers.get(this.csound) === this) performers.delete(this.csound);
    // A retired instance is not touched again: a performer ended by force or a trap may have left its locks held.
    if (this.link.alive()) {
      this.recorder.stop();
      this.output?.stop();
      // The performance is over: close its output file, as csPerfThread does when its loop ends.
      if (status >= 0) {
        try {
          this.csound.cleanup();
        } catch {
          // The CsoundError's messages went to the message sink; a trap retired the instance.
          status = -1;
        }
      }
      this.link.flushMessages();
      if (this.link.alive()) this.host._csound_wasm_thread_free(this.thread);
    }
    this.thread = 0;
    this.worker = null;
    this.running = false;
    // A stop or the end of the score: a positive status; an error: negative.
    this.runStatus = status === 0 ? 1 : status;
  }
}

/** Checks the types and ranges of the performance thread's options (outputRingFrames needs the instance). */
function checkThreadOptions(options: unknown): void {
  const op = 'CsoundPerformanceThread';
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new CsoundError(op, CSOUND_ERROR, `options must be an object, got ${describeValue(options)}`);
  }
  const o = options as PerformanceThreadOptions;
  // The performer's C stack: 64 KiB to 64 MiB.
  if (o.stackSize !== undefined) expectInteger(op, 'options.stackSize', o.stackSize, 1 << 16, 1 << 26);
  if (o.audioContext !== undefined && (typeof o.audioContext !== 'object' || o.audioContext === null)) {
    throw new CsoundError(op, CSOUND_ERROR, `options.audioContext must be an AudioContext, got ${describeValue(o.audioContext)}`);
  }
}

function isOfflineContext(context: BaseAudioContext): boolean {
  // Node has no global OfflineAudioContext: node-web-audio-api's renders with startRendering() too.
  if (typeof OfflineAudioContext !== 'undefined' && context instanceof OfflineAudioContext) return true;
  return typeof (context as Partial<OfflineAudioContext>).startRendering === 'function';
}
