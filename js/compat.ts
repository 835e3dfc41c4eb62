// csound-wasm/compat: the shape of @csound/browser's API (`Csound({ audioContext, … })` resolving to an object of
// Promise-returning methods and events) over csound-wasm's synchronous API, so a host written for @csound/browser
// can switch by changing its import. Each method does its work on the calling thread and resolves once it is
// done; the performance runs in csound-wasm's AudioWorklet performer (CsoundPerformanceThread).
// Browser only. docs/COMPAT.md lists every method and how it differs.
//
// scripts/build-browser.mjs bundles this file into dist/compat.js with './api.js' rewritten to an import of
// './browser.js', so the page holds one copy of the engine (and one CsoundError class) whichever entry it imports.
import {
  Csound as Engine,
  CsoundError,
  CsoundPerformanceThread,
  CSOUND_ERROR,
  type CsoundMidiDevice,
} from './api.js';

/** Options of `Csound()`, as @csound/browser names them, plus two of csound-wasm's own. */
export interface CompatOptions {
  /** The AudioContext to perform in; without one, `Csound()` creates one (`latencyHint: 'interactive'`). */
  audioContext?: AudioContext;
  /**
   * Accepted for compatibility. The performer node has as many inputs as the orchestra's nchnls_i; Web Audio's
   * speaker mixing converts mono and stereo at each connection, as @csound/browser's worklet does by hand.
   */
  inputChannelCount?: number;
  /** Accepted for compatibility. The node has as many outputs as the orchestra's nchnls (see inputChannelCount). */
  outputChannelCount?: number;
  /** Connect the node to `audioContext.destination` when the performance starts (default true). */
  autoConnect?: boolean;
  /** Plugin libraries: not supported (every opcode is linked into the engine); a non-empty array is refused. */
  withPlugins?: object[];
  /** Accepted and ignored: the performance always runs in an AudioWorklet on the engine's shared memory. */
  useWorker?: boolean;
  /** Accepted and ignored: csound-wasm always uses shared memory, so the page must be cross-origin isolated. */
  useSAB?: boolean;
  /** ScriptProcessorNode: not supported; `true` is refused. */
  useSPN?: boolean;
  /** csound-wasm: where to load csound-engine.wasm from (see `Csound.create`). */
  wasmUrl?: string | URL;
  /** csound-wasm: the URL of a copy of `csound-wasm/worklet` (see `Csound.create`). */
  workletUrl?: string | URL;
}

/** The event names of @csound/browser. */
export type PublicEvents =
  | 'play'
  | 'pause'
  | 'stop'
  | 'realtimePerformanceStarted'
  | 'realtimePerformancePaused'
  | 'realtimePerformanceResumed'
  | 'realtimePerformanceEnded'
  | 'renderStarted'
  | 'renderEnded'
  | 'onAudioNodeCreated'
  | 'message';

export type EventListener = (...args: any[]) => void;

/** The file helpers of `csound.fs`, over the engine's virtual file system. */
export interface CsoundFs {
  /** Appends bytes (or text, as UTF-8) to a file, creating it when it does not exist. */
  appendFile(path: string, data: Uint8Array | string): Promise<void>;
  /** Writes a file, creating its folders. */
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  /** The bytes of a file, or undefined when there is no such file. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  unlink(path: string): Promise<void>;
  /** Names in a folder. */
  readdir(path: string): Promise<string[]>;
  /** Creates a folder and its parents. */
  mkdir(path: string): Promise<void>;
}

const DERIVED: Partial<Record<PublicEvents, 'play' | 'pause' | 'stop'>> = {
  realtimePerformanceStarted: 'play',
  realtimePerformanceResumed: 'play',
  realtimePerformancePaused: 'pause',
  realtimePerformanceEnded: 'stop',
  renderEnded: 'stop',
};

function unsupported(method: string, why: string): Promise<never> {
  return Promise.reject(new CsoundError(method, CSOUND_ERROR, `not supported by csound-wasm/compat: ${why} (docs/COMPAT.md)`));
}

/** @csound/browser paths are absolute from the root of the file system; so are these. */
function absolute(path: unknown): string {
  if (typeof path !== 'string') throw new CsoundError('fs', CSOUND_ERROR, `path must be a string, got ${typeof path}`);
  return path.startsWith('/') ? path : `/${path}`;
}

function tableNumber(method: string, value: unknown): number {
  const number = Number(value);
  if (!Number.isInteger(number)) throw new CsoundError(method, CSOUND_ERROR, `table number must be an integer, got ${String(value)}`);
  return number;
}

interface Render {
  stopRequested: boolean;
  done: Promise<number>;
}

/**
 * The object `Csound()` resolves to: @csound/browser's CsoundObj. Its methods are bound, so they can be passed
 * around as functions, as @csound/browser's can.
 */
export class CsoundObj {
  /** What this object is (@csound/browser names its backend here). */
  readonly name = 'csound-wasm: AudioWorklet on shared memory';
  /** Files in the engine's virtual file system. */
  readonly fs: CsoundFs;

  private readonly engine: Engine;
  private readonly context: AudioContext;
  private readonly ownsContext: boolean;
  private readonly autoConnect: boolean;
  private readonly listenersByEvent = new Map<string, Array<{ listener: EventListener; once: boolean }>>();
  private derivedState: 'play' | 'pause' | 'stop' | undefined;
  private performer: CsoundPerformanceThread | null = null;
  private node: AudioNode | undefined;
  private paused = false;
  private render: Render | null = null;
  private started = false;
  /** A performance ran to its end (or was stopped): Csound must be reset before it starts again. */
  private ended = false;
  private destroyed = false;
  private scoreOffset = 0;
  /** The rest of a message that did not end with a newline yet. */
  private partialLine = '';

  private constructor(engine: Engine, context: AudioContext, ownsContext: boolean, autoConnect: boolean) {
    this.engine = engine;
    this.context = context;
    this.ownsContext = ownsContext;
    this.autoConnect = autoConnect;
    for (const key of Object.getOwnPropertyNames(CsoundObj.prototype)) {
      const value = (this as unknown as Record<string, unknown>)[key];
      if (key !== 'constructor' && typeof value === 'function') {
        (this as unknown as Record<string, unknown>)[key] = value.bind(this);
      }
    }
    this.fs = {
      appendFile: async (path, data) => {
        const file = absolute(path);
        this.alive('fs.appendFile');
        const added = typeof data === 'string' ? new TextEncoder().encode(data) : data;
        if (!this.engine.fileExists(file)) return this.engine.writeFile(file, added);
        const old = this.engine.readFile(file);
        const joined = new Uint8Array(old.length + added.length);
        joined.set(old);
        joined.set(added, old.length);
        this.engine.writeFile(file, joined);
      },
      writeFile: async (path, data) => {
        this.alive('fs.writeFile');
        this.engine.writeFile(absolute(path), data);
      },
      readFile: async (path) => {
        const file = absolute(path);
        this.alive('fs.readFile');
        return this.engine.fileExists(file) ? this.engine.readFile(file) : undefined;
      },
      unlink: async (path) => {
        this.alive('fs.unlink');
        this.engine.removeFile(absolute(path));
      },
      readdir: async (path) => {
        this.alive('fs.readdir');
        return this.engine.listFiles(absolute(path));
      },
      mkdir: async (path) => {
        this.alive('fs.mkdir');
        this.engine.makeDir(absolute(path));
      },
    };
    engine.setMessageCallback((_attr, text) => this.deliverMessage(text));
    engine.setOption(`--sample-rate=${context.sampleRate}`);
    this.addListener('message', console.log);
  }

  /** @internal */
  static async create(options: CompatOptions): Promise<CsoundObj> {
    if (options.useSPN === true) {
      throw new CsoundError('Csound', CSOUND_ERROR, 'useSPN: there is no ScriptProcessorNode backend; the performance runs in an AudioWorklet');
    }
    if (options.withPlugins !== undefined && options.withPlugins.length > 0) {
      throw new CsoundError('Csound', CSOUND_ERROR, 'withPlugins: plugin libraries cannot be loaded; every opcode csound-wasm has is linked into its engine (docs/OPCODES.md)');
    }
    // Host audio I/O is turned on by start() for a realtime output only: with it Csound writes no output file.
    const engine = await Engine.create({ messages: 'none', hostAudioIO: false, wasmUrl: options.wasmUrl, workletUrl: options.workletUrl });
    const ownsContext = options.audioContext === undefined;
    const context = options.audioContext ?? new AudioContext({ latencyHint: 'interactive' });
    return new CsoundObj(engine, context, ownsContext, options.autoConnect ?? true);
  }

  // ---------------------------------------------------------------- internals

  private alive(method: string): void {
    if (this.destroyed) throw new CsoundError(method, CSOUND_ERROR, 'this Csound was destroyed');
  }

  /** Runs a call whose Csound return code is the result: a failure resolves with its code, as in @csound/browser. */
  private status(method: string, body: () => number | void): number {
    this.alive(method);
    try {
      const result = body();
      return typeof result === 'number' ? result : 0;
    } catch (error) {
      if (!(error instanceof CsoundError)) throw error;
      // Csound printed why (a syntax error, a rejected option); otherwise the reason is ours: say it.
      if (error.messages.length === 0) this.deliverMessage(`${error.message}\n`);
      return error.code === 0 ? CSOUND_ERROR : error.code;
    }
  }

  /** Messages as @csound/browser emits them: one line per event, without its newline, blank lines left out. */
  private deliverMessage(text: string): void {
    const lines = (this.partialLine + text).split('\n');
    this.partialLine = lines.pop() ?? '';
    for (const line of lines) {
      if (line.replace(/\r/g, '').length > 0) this.emit('message', line);
    }
  }

  private emit(event: PublicEvents, ...args: unknown[]): void {
    const entries = this.listenersByEvent.get(event);
    if (entries !== undefined) {
      for (const entry of [...entries]) {
        if (entry.once) this.removeEntry(event, entry.listener, true);
        try {
          entry.listener(...args);
        } catch (error) {
          // A listener's error must not break the engine call that printed the message: report it on its own.
          setTimeout(() => {
            throw error;
          });
        }
      }
    }
    const derived = DERIVED[event];
    if (derived !== undefined && this.derivedState !== derived) {
      this.derivedState = derived;
      this.emit(derived);
    }
  }

  private removeEntry(event: string, listener: EventListener, onceOnly = false): void {
    const entries = this.listenersByEvent.get(event);
    if (entries === undefined) return;
    const kept = entries.filter((e) => e.listener !== listener || (onceOnly && !e.once));
    if (kept.length > 0) this.listenersByEvent.set(event, kept);
    else this.listenersByEvent.delete(event);
  }

  private isRealtimeOutput(): boolean {
    // No -o, or a dac: the AudioWorklet plays spout. A file name (-o out.wav): an offline render into the
    // virtual file system, as @csound/browser does for any output that is not a dac.
    const name = this.engine.outputName();
    return name === '' || name.includes('dac');
  }

  /** Performs k-cycles until the end of the score or a stop(), yielding to the page every few milliseconds. */
  private renderInSlices(cleanup: boolean): Render {
    const render: Render = { stopRequested: false, done: Promise.resolve(0) };
    render.done = (async () => {
      let status = 0;
      try {
        while (!render.stopRequested && status === 0) {
          const sliceStart = performance.now();
          while (status === 0 && performance.now() - sliceStart < 8) status = this.engine.performKsmpsBlock(16);
          if (status === 0) await new Promise((resolve) => setTimeout(resolve, 0));
        }
      } catch (error) {
        status = error instanceof CsoundError ? error.code : CSOUND_ERROR;
      }
      if (cleanup && !this.destroyed) this.status('cleanup', () => this.engine.cleanup());
      this.ended = true;
      if (this.render === render) this.render = null;
      return status;
    })();
    this.render = render;
    return render;
  }

  private performanceEnded(performer: CsoundPerformanceThread): void {
    if (this.performer !== performer) return;
    this.performer = null;
    this.paused = false;
    this.ended = true;
    this.emit('realtimePerformanceEnded');
  }

  private refuseWhilePerforming(method: string): void {
    if (this.performer !== null || this.render !== null) {
      throw new CsoundError(method, CSOUND_ERROR, 'a performance is running: stop() it first');
    }
  }

  /** start() and perform(): csoundStart once per compile; after a performance has ended, reset() comes first. */
  private startOnce(method: string): number {
    if (this.ended) {
      this.deliverMessage(`csound-wasm/compat: ${method}() after the performance ended: call reset() and compile again\n`);
      return CSOUND_ERROR;
    }
    if (this.started) return 0;
    if (this.isRealtimeOutput()) this.engine.setHostAudioIO();
    const code = this.status('start', () => this.engine.start());
    if (code === 0) this.started = true;
    return code;
  }

  // ---------------------------------------------------------------- events

  /** Adds a listener (the same function added twice is called twice). */
  on(event: PublicEvents, listener: EventListener): this {
    const entries = this.listenersByEvent.get(event) ?? [];
    entries.push({ listener, once: false });
    this.listenersByEvent.set(event, entries);
    return this;
  }

  addListener(event: PublicEvents, listener: EventListener): this {
    return this.on(event, listener);
  }

  /** Adds a listener that is removed before its first call. */
  once(event: PublicEvents, listener: EventListener): this {
    const entries = this.listenersByEvent.get(event) ?? [];
    entries.push({ listener, once: true });
    this.listenersByEvent.set(event, entries);
    return this;
  }

  /** Removes every registration of `listener` for `event`. */
  off(event: PublicEvents, listener: EventListener): this {
    this.removeEntry(event, listener);
    return this;
  }

  removeListener(event: PublicEvents, listener: EventListener): this {
    return this.off(event, listener);
  }

  /** Removes the listeners of `event`, or of every event (the default `message` listener, console.log, too). */
  removeAllListeners(event?: PublicEvents): this {
    if (event === undefined) this.listenersByEvent.clear();
    else this.listenersByEvent.delete(event);
    return this;
  }

  eventNames(): string[] {
    return [...this.listenersByEvent.keys()];
  }

  /** The number of listeners of `event` (of all events without one). */
  listenerCount(event?: PublicEvents): number {
    if (event !== undefined) return this.listenersByEvent.get(event)?.length ?? 0;
    let count = 0;
    for (const entries of this.listenersByEvent.values()) count += entries.length;
    return count;
  }

  listeners(event: PublicEvents): EventListener[] {
    return (this.listenersByEvent.get(event) ?? []).map((e) => e.listener);
  }

  // ---------------------------------------------------------------- audio graph

  /** The AudioContext given to `Csound()`, or the one it created. */
  async getAudioContext(): Promise<AudioContext | undefined> {
    return this.context;
  }

  /** The performer's AudioWorkletNode: undefined until the first realtime start() has created it. */
  async getNode(): Promise<AudioNode | undefined> {
    return this.node;
  }

  async enableAudioInput(): Promise<never> {
    return unsupported('enableAudioInput', 'connect a MediaStreamAudioSourceNode (getUserMedia) to getNode() after start()');
  }

  // ---------------------------------------------------------------- instance

  async getVersion(): Promise<number> {
    this.alive('getVersion');
    return this.engine.version();
  }

  /** Csound 6.18's API version (csoundGetAPIVersion): 400. */
  async getAPIVersion(): Promise<number> {
    this.alive('getAPIVersion');
    return 400;
  }

  /** Csound is initialized when the instance is made; returns 0. */
  async initialize(): Promise<number> {
    this.alive('initialize');
    return 0;
  }

  /** Stops the performance and frees the engine; later calls reject. */
  async destroy(): Promise<undefined> {
    if (this.destroyed) return undefined;
    await this.stop();
    this.node?.disconnect();
    this.engine.destroy();
    this.destroyed = true;
    return undefined;
  }

  /** destroy(), then removes every listener and closes the AudioContext if `Csound()` created it. */
  async terminateInstance(): Promise<void> {
    await this.destroy();
    this.removeAllListeners();
    if (this.ownsContext && this.context.state !== 'closed') await this.context.close();
  }

  // ---------------------------------------------------------------- attributes

  async getSr(): Promise<number> {
    this.alive('getSr');
    return this.engine.sr();
  }

  async getKr(): Promise<number> {
    this.alive('getKr');
    return this.engine.kr();
  }

  async getKsmps(): Promise<number> {
    this.alive('getKsmps');
    return this.engine.ksmps();
  }

  async getNchnls(): Promise<number> {
    this.alive('getNchnls');
    return this.engine.channels(false);
  }

  async getNchnlsInput(): Promise<number> {
    this.alive('getNchnlsInput');
    return this.engine.channels(true);
  }

  async get0dBFS(): Promise<number> {
    this.alive('get0dBFS');
    return this.engine.get0dBFS();
  }

  async getA4(): Promise<number> {
    this.alive('getA4');
    return this.engine.A4();
  }

  async getCurrentTimeSamples(): Promise<number> {
    this.alive('getCurrentTimeSamples');
    return this.engine.currentTimeSamples();
  }

  async getSizeOfMYFLT(): Promise<number> {
    this.alive('getSizeOfMYFLT');
    return this.engine.sizeOfMYFLT();
  }

  async getOutputName(): Promise<string> {
    this.alive('getOutputName');
    return this.engine.outputName();
  }

  async getInputName(): Promise<never> {
    return unsupported('getInputName', 'the engine does not expose csoundGetInputName');
  }

  // ---------------------------------------------------------------- configuration

  /** Sets one option; resolves with 0, or with Csound's code when the option is refused (after compilation: > 0). */
  async setOption(option: string): Promise<number> {
    return this.status('setOption', () => {
      const code = this.engine.setOption(option);
      const skip = /^-\+?-?skip_seconds=(.+)$/.exec(option);
      if (skip !== null && Number.isFinite(Number(skip[1]))) this.scoreOffset = Number(skip[1]);
      return code;
    });
  }

  async setParams(params: Record<string, number>): Promise<undefined> {
    this.alive('setParams');
    this.engine.setParams(params);
    return undefined;
  }

  async getParams(): Promise<Record<string, number>> {
    this.alive('getParams');
    return { ...this.engine.params() } as unknown as Record<string, number>;
  }

  async getDebug(): Promise<number> {
    this.alive('getDebug');
    return this.engine.params().debug_mode;
  }

  async setDebug(debug: number): Promise<undefined> {
    this.alive('setDebug');
    this.engine.setDebug(Boolean(debug));
    return undefined;
  }

  // ---------------------------------------------------------------- compiling and performing

  async compileCsdText(csd: string): Promise<number> {
    return this.status('compileCsdText', () => this.engine.compileCsdText(csd));
  }

  /** Compiles a CSD file of the virtual file system (write it with `fs.writeFile` first). */
  async compileCsd(path: string): Promise<number> {
    return this.status('compileCsd', () => this.engine.compileCsd(path, 0));
  }

  /** Compiles orchestra code; while performing, the performer merges it at its next k-cycle. */
  async compileOrc(orc: string): Promise<number> {
    return this.status('compileOrc', () => this.engine.compileOrc(orc));
  }

  /** Runs orchestra code at i-time and resolves with the value of its `return`; NaN when it does not compile. */
  async evalCode(code: string): Promise<number> {
    this.alive('evalCode');
    let value = Number.NaN;
    this.status('evalCode', () => {
      value = this.engine.evalCode(code);
    });
    return value;
  }

  async parseOrc(_orc: string): Promise<never> {
    return unsupported('parseOrc', "the engine does not expose Csound's syntax tree; use compileOrc()");
  }

  async compileTree(_tree: unknown): Promise<never> {
    return unsupported('compileTree', "the engine does not expose Csound's syntax tree; use compileOrc()");
  }

  /**
   * Starts the performance. Real time (no -o, or -odac): creates the AudioWorklet performer in the AudioContext,
   * connects it to the destination (unless autoConnect is false) and resolves with 0 once it plays. A file
   * output (-o name.wav): renders into the virtual file system in slices on this thread and resolves with 0 once
   * the render has begun (`renderEnded` follows). Resolves with Csound's code when csoundStart fails, and with -1
   * when a performance is already running.
   */
  async start(): Promise<number> {
    this.alive('start');
    if (this.performer !== null || this.render !== null) {
      this.deliverMessage('csound-wasm/compat: start() was called while a performance is running\n');
      return CSOUND_ERROR;
    }
    const code = this.startOnce('start');
    if (code !== 0) return code;
    if (!this.isRealtimeOutput()) {
      this.emit('renderStarted');
      void this.renderInSlices(true).done.then(() => this.emit('renderEnded'));
      return 0;
    }
    const performer = new CsoundPerformanceThread(this.engine, { audioContext: this.context });
    this.performer = performer;
    try {
      await performer.play();
    } catch (error) {
      this.performer = null;
      throw error;
    }
    const node = performer.audioNode() as AudioNode;
    if (!this.autoConnect) node.disconnect(this.context.destination);
    this.node = node;
    this.emit('onAudioNodeCreated', node);
    this.emit('realtimePerformanceStarted');
    void performer.join().then(() => this.performanceEnded(performer));
    return 0;
  }

  /** Stops the performance (real time or render) and resolves once it has ended. */
  async stop(): Promise<undefined> {
    this.alive('stop');
    const performer = this.performer;
    if (performer !== null) {
      performer.stop();
      await performer.join();
      this.performanceEnded(performer);
    } else if (this.render !== null) {
      this.render.stopRequested = true;
      await this.render.done;
    }
    return undefined;
  }

  /** Pauses a realtime performance (the node outputs silence, score time holds). */
  async pause(): Promise<undefined> {
    this.alive('pause');
    if (this.performer !== null && !this.paused) {
      this.performer.pause();
      this.paused = true;
      this.emit('realtimePerformancePaused');
    }
    return undefined;
  }

  async resume(): Promise<undefined> {
    this.alive('resume');
    if (this.performer !== null && this.paused) {
      await this.performer.play();
      this.paused = false;
      this.emit('realtimePerformanceResumed');
    }
    return undefined;
  }

  /**
   * Performs until the end of the score (or a stop()) on this thread, in slices that let the page run, without
   * audio output; starts first if start() was not called. Resolves with the end status (> 0 at the end of the
   * score). Refused while a performance runs.
   */
  async perform(): Promise<number> {
    this.alive('perform');
    this.refuseWhilePerforming('perform');
    const code = this.startOnce('perform');
    if (code !== 0) return code;
    return this.renderInSlices(false).done;
  }

  /** One k-cycle on this thread; refused while a performance runs. */
  async performKsmps(): Promise<number> {
    this.alive('performKsmps');
    this.refuseWhilePerforming('performKsmps');
    return this.status('performKsmps', () => this.engine.performKsmps());
  }

  async performBuffer(): Promise<never> {
    return unsupported('performBuffer', 'the engine has no csoundPerformBuffer; use performKsmps()');
  }

  /** Closes the output (finishing a file's header); refused while a performance runs. */
  async cleanup(): Promise<number> {
    this.alive('cleanup');
    this.refuseWhilePerforming('cleanup');
    return this.status('cleanup', () => this.engine.cleanup());
  }

  /**
   * Stops a running performance, then resets Csound for a new compile; the AudioContext's sample rate stays the
   * orchestra's (--sample-rate), as in @csound/browser. Other options must be set again.
   */
  async reset(): Promise<number> {
    this.alive('reset');
    await this.stop();
    const code = this.status('reset', () => this.engine.reset());
    this.engine.setOption(`--sample-rate=${this.context.sampleRate}`);
    this.started = false;
    this.ended = false;
    this.scoreOffset = 0;
    return code;
  }

  // ---------------------------------------------------------------- buffers

  async getSpin(): Promise<number> {
    this.alive('getSpin');
    return this.engine.spin().byteOffset;
  }

  async getSpout(): Promise<number> {
    this.alive('getSpout');
    return this.engine.spout().byteOffset;
  }

  async getInputBuffer(): Promise<never> {
    return unsupported('getInputBuffer', 'there is no device buffer: the host moves audio through spin/spout');
  }

  async getOutputBuffer(): Promise<never> {
    return unsupported('getOutputBuffer', 'there is no device buffer: the host moves audio through spin/spout');
  }

  async getInputBufferSize(): Promise<never> {
    return unsupported('getInputBufferSize', 'there is no device buffer: the host moves audio through spin/spout');
  }

  async getOutputBufferSize(): Promise<never> {
    return unsupported('getOutputBufferSize', 'there is no device buffer: the host moves audio through spin/spout');
  }

  // ---------------------------------------------------------------- events and channels

  /** Sends score lines (csoundInputMessage; queued for the performer while one runs). Resolves with 0. */
  async inputMessage(scoreEvent: string): Promise<number> {
    this.alive('inputMessage');
    this.engine.eventString(scoreEvent);
    return 0;
  }

  async inputMessageAsync(scoreEvent: string): Promise<number> {
    this.alive('inputMessageAsync');
    this.engine.eventString(scoreEvent, true);
    return 0;
  }

  async setControlChannel(channelName: string, value: number): Promise<undefined> {
    this.alive('setControlChannel');
    this.engine.setControlChannel(channelName, value);
    return undefined;
  }

  /** The value of a control channel (0 when there is no such channel). */
  async getControlChannel(channelName: string): Promise<number> {
    this.alive('getControlChannel');
    return this.engine.controlChannel(channelName)[0];
  }

  async setStringChannel(channelName: string, value: string): Promise<undefined> {
    this.alive('setStringChannel');
    this.engine.setStringChannel(channelName, value);
    return undefined;
  }

  async getStringChannel(channelName: string): Promise<string> {
    this.alive('getStringChannel');
    return this.engine.stringChannel(channelName);
  }

  // ---------------------------------------------------------------- MIDI

  /** Queues one MIDI message for Csound's MIDI input, which opens only with -M0 (any -M) in the options. */
  async midiMessage(status: number, data1: number, data2: number): Promise<undefined> {
    this.alive('midiMessage');
    this.engine.pushMidi([status, data1, data2]);
    return undefined;
  }

  async getMIDIDevList(isOutput: number | boolean): Promise<CsoundMidiDevice[]> {
    this.alive('getMIDIDevList');
    return this.engine.midiDevList(Boolean(isOutput));
  }

  async getRtMidiName(): Promise<never> {
    return unsupported('getRtMidiName', 'there is no MIDI module: MIDI input comes from the host through midiMessage()');
  }

  async getMidiOutFileName(): Promise<never> {
    return unsupported('getMidiOutFileName', 'the engine does not expose the MIDI output file name');
  }

  // ---------------------------------------------------------------- score

  async isScorePending(): Promise<number> {
    this.alive('isScorePending');
    return this.engine.isScorePending() ? 1 : 0;
  }

  async setScorePending(pending: number): Promise<undefined> {
    this.alive('setScorePending');
    this.engine.setScorePending(Boolean(pending));
    return undefined;
  }

  /**
   * Reads, preprocesses and schedules score text (Csound's `readscore` opcode, run through evalCode: the
   * engine's API has no csoundReadScore). While performing, times count from now.
   */
  async readScore(score: string): Promise<undefined> {
    this.alive('readScore');
    if (typeof score !== 'string') throw new CsoundError('readScore', CSOUND_ERROR, `score must be a string, got ${typeof score}`);
    if (score.includes('}}')) {
      throw new CsoundError('readScore', CSOUND_ERROR, 'a score containing "}}" cannot be passed through the readscore opcode');
    }
    const result = this.engine.evalCode(`ires readscore {{${score}\n}}\nreturn ires`);
    if (result !== 0) throw new CsoundError('readScore', result, 'Csound did not read the score');
    return undefined;
  }

  async getScoreTime(): Promise<number> {
    this.alive('getScoreTime');
    return this.engine.scoreTime();
  }

  /** The offset set with setScoreOffsetSeconds() or setOption('-+skip_seconds=…') on this object (0 before). */
  async getScoreOffsetSeconds(): Promise<number> {
    this.alive('getScoreOffsetSeconds');
    return this.scoreOffset;
  }

  async setScoreOffsetSeconds(time: number): Promise<number> {
    this.alive('setScoreOffsetSeconds');
    this.engine.setScoreOffsetSeconds(Number(time));
    this.scoreOffset = Number(time);
    return 0;
  }

  async rewindScore(): Promise<number> {
    this.alive('rewindScore');
    this.engine.rewindScore();
    return 0;
  }

  // ---------------------------------------------------------------- tables

  private liveTable(method: string, table: unknown): Float64Array {
    this.alive(method);
    const view = this.engine.table(tableNumber(method, table));
    if (view === null) throw new CsoundError(method, CSOUND_ERROR, `there is no table ${String(table)}`);
    return view;
  }

  private tableIndex(method: string, view: Float64Array, index: unknown): number {
    const at = Number(index);
    if (!Number.isInteger(at) || at < 0 || at >= view.length) {
      throw new CsoundError(method, CSOUND_ERROR, `index ${String(index)} is outside the table (length ${view.length})`);
    }
    return at;
  }

  /** The length of a table, or -1 when it does not exist. */
  async tableLength(tableNum: number | string): Promise<number> {
    this.alive('tableLength');
    return this.engine.tableLength(tableNumber('tableLength', tableNum));
  }

  async tableGet(tableNum: number | string, tableIndex: number | string): Promise<number> {
    const view = this.liveTable('tableGet', tableNum);
    return view[this.tableIndex('tableGet', view, tableIndex)];
  }

  async tableSet(tableNum: number | string, tableIndex: number | string, value: number | string): Promise<undefined> {
    const view = this.liveTable('tableSet', tableNum);
    view[this.tableIndex('tableSet', view, tableIndex)] = Number(value);
    return undefined;
  }

  /** Copies an array into a table from index 0 (the table must be long enough). */
  async tableCopyIn(tableNum: number | string, array: ArrayLike<number>): Promise<undefined> {
    const view = this.liveTable('tableCopyIn', tableNum);
    if (array.length > view.length) {
      throw new CsoundError('tableCopyIn', CSOUND_ERROR, `${array.length} values do not fit in table ${String(tableNum)} (length ${view.length})`);
    }
    view.set(Array.from(array, Number));
    return undefined;
  }

  /** A copy of a table, or undefined when it does not exist. */
  async tableCopyOut(tableNum: number | string): Promise<Float64Array | undefined> {
    this.alive('tableCopyOut');
    const view = this.engine.table(tableNumber('tableCopyOut', tableNum));
    return view === null ? undefined : view.slice();
  }

  async getTable(tableNum: number | string): Promise<Float64Array | undefined> {
    return this.tableCopyOut(tableNum);
  }

  /** The GEN number and arguments a table was made with, or undefined when it does not exist. */
  async getTableArgs(tableNum: number | string): Promise<Float64Array | undefined> {
    this.alive('getTableArgs');
    const args = this.engine.tableArgs(tableNumber('getTableArgs', tableNum));
    return args === null ? undefined : Float64Array.from(args);
  }

  async isNamedGEN(_tableNum: number | string): Promise<never> {
    return unsupported('isNamedGEN', 'the engine does not expose csoundIsNamedGEN');
  }

  async getNamedGEN(_tableNum: number | string): Promise<never> {
    return unsupported('getNamedGEN', 'the engine does not expose csoundGetNamedGEN');
  }
}

/**
 * @csound/browser's entry: loads the engine and resolves to a CsoundObj whose methods return Promises. Rejects
 * with a CsoundError when the engine cannot load or an option cannot be honoured (useSPN, withPlugins).
 * @csound/browser resolves to undefined when the browser lacks Web Audio; here that rejects too.
 */
export async function Csound(options: CompatOptions = {}): Promise<CsoundObj> {
  return CsoundObj.create(options);
}

export { CsoundError };
