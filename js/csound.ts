// The Csound class: ctcsound's `Csound`, method for method, in camelCase, synchronous on the thread that owns it.
// Every engine call goes through `call()` (which turns wasm traps and binding errors into CsoundError and routes
// the messages Csound printed) and every return code that can signal failure through `check()`.
import {
  CS_END_EVENT,
  CS_INSTR_EVENT,
  CS_TABLE_EVENT,
  CSOUND_AUDIO_CHANNEL,
  CSOUND_CHANNEL_TYPE_MASK,
  CSOUND_CONTROL_CHANNEL,
  CSOUND_ERROR,
  CSOUND_EXITJMP_SUCCESS,
  CSOUND_MEMORY,
  CSOUND_STRING_CHANNEL,
  CSOUNDMSG_ERROR,
} from './constants.js';
import { CsoundError, type CsoundMessage } from './errors.js';
import type { EngineModule, RawEngine } from './engine-module.js';
import { hostLink, type HostLink } from './internal.js';
import {
  LIMITS,
  channelsProblem,
  checkCreateOptions,
  checkParams,
  csdOptions,
  csdScore,
  csdTextProblem,
  expectInteger,
  headerProblem,
  orchestraTextProblem,
  parseScoreNumber,
  refuse,
  scoreTextProblem,
  skipSecondsOption,
  sortedScoreProblem,
  statementProblem,
} from './limits.js';
import { compiledEngine, instantiateEngine } from './loader.js';
import { MessageClassifier } from './message-kind.js';
import { platform } from './platform.js';
import {
  ControlChannelHints,
  CsoundParams,
  type ControlChannelInfo,
  type CsoundAudioDevice,
  type CsoundMidiDevice,
  type WasmMemory,
} from './types.js';

/** Options of `Csound.create()` (the seed's constructor arguments). */
export interface CsoundOptions {
  /** Any value; returned by `hostData()`, as the seed's host_data. */
  hostData?: unknown;
  /** Plugin directory override. There are no plugin files in wasm (all opcodes are linked in); kept for the seed. */
  opcodeDir?: string;
  /**
   * Where messages go when no message buffer or callback takes them: 'stderr' (Node: the process's stderr; browser:
   * the console, errors to console.error, warnings to console.warn, the rest to console.log), or 'none'.
   * Default 'stderr', like the csound command.
   */
  messages?: 'stderr' | 'none';
  /**
   * Where to load the engine's wasm from. Browser: a URL (default: csound-engine.wasm next to the package's module,
   * which Vite and webpack copy as an asset); Node: a file URL or path (default: the package's dist/ folder).
   * Each URL is compiled once per page or process.
   */
  wasmUrl?: string | URL;
  /**
   * Browser: the URL of the AudioWorklet module (a copy of `csound-wasm/worklet`, i.e. dist/worklet.js) that the
   * performance thread loads. Default: the same code, embedded in the package and loaded from a Blob URL.
   */
  workletUrl?: string | URL;
  /**
   * Move audio through spin/spout only (csoundSetHostImplementedAudioIO): no audio device and no output file.
   * Default: true in browsers, where the performer (an AudioWorklet) plays spout; false in Node.
   */
  hostAudioIO?: boolean;
  /**
   * DANGEROUS: lets the orchestra run shell commands on the host, as the user of this process (the `system` and
   * `system_i` opcodes, a CSD's `<CsScore bin="...">`). Only for CSDs you trust as you trust your own code.
   * Default false: those fail with a Csound init or compile error that says host commands are disabled.
   * Node only; browsers have no host commands, and there the option changes nothing.
   */
  allowSystem?: boolean;
}

export type MessageCallback = (attr: number, text: string) => void;

/**
 * Calls that perform, or end or restart the performance, on the calling thread: refused while a
 * CsoundPerformanceThread performs the instance (two threads would run Csound's performance at once).
 */
const PERFORMER_ONLY = new Set(['performKsmps', 'performKsmpsBlock', 'start', 'compile', 'cleanup', 'reset']);

const EVENT_LETTERS: Record<number, string> = { [CS_INSTR_EVENT]: 'i', [CS_TABLE_EVENT]: 'f', [CS_END_EVENT]: 'e' };

/** How many of the latest messages a CsoundError carries at most. */
const ERROR_MESSAGE_LIMIT = 50;

const CHANNEL_ERRORS: Record<number, string> = {
  [CSOUND_ERROR]: 'invalid channel name or type, or the channel exists with another type',
  [CSOUND_MEMORY]: 'not enough memory for the channel',
};

function expectString(operation: string, what: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new CsoundError(operation, CSOUND_ERROR, `${what} must be a string, got ${describe(value)}`);
  }
  return value;
}

function expectNumber(operation: string, what: string, value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new CsoundError(operation, CSOUND_ERROR, `${what} must be a number, got ${describe(value)}`);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string ${JSON.stringify(value)}` : typeof value;
}

export class Csound {
  private readonly module: EngineModule;
  private readonly memory: WebAssembly.Memory;
  private readonly wasmModule: WebAssembly.Module;
  /** True while a CsoundPerformanceThread performs this instance on another thread. */
  private performerProbe: (() => boolean) | null = null;
  /** True while a performer may be calling into this instance (see HostLink.setPerforming). */
  private get performing(): boolean {
    return this.performerProbe !== null && this.performerProbe();
  }
  private engine: RawEngine | null;
  /** Why the instance was retired (a trap, or a performer that had to be ended by force), or null. */
  private retired: string | null = null;
  /** Channels whose lock this thread holds (lockChannel without unlockChannel yet). */
  private readonly heldLocks = new Set<string>();
  private readonly userHostData: unknown;
  private readonly defaultSink: 'stderr' | 'none';
  private messageCallback: MessageCallback | null = null;
  private messageBuffer: CsoundMessage[] | null = null;
  private messageBufferToStdout = false;
  private readonly workletUrl: string | URL | undefined;
  private readonly messageKinds = new MessageClassifier();
  /** Messages printed during the current call, attached to a CsoundError if the call fails. */
  private callMessages: string[] = [];
  /** The score offset (setScoreOffsetSeconds, -+skip_seconds) in seconds: Csound skips to it in one call. */
  private scoreOffset = 0;
  /** Scratch block in wasm memory for audio-channel copies (ksmps doubles), grown on demand. */
  private scratch = { ptr: 0, bytes: 0 };

  private constructor(
    module: EngineModule,
    memory: WebAssembly.Memory,
    wasmModule: WebAssembly.Module,
    options: CsoundOptions,
  ) {
    this.module = module;
    this.memory = memory;
    this.wasmModule = wasmModule;
    this.userHostData = options.hostData;
    this.defaultSink = options.messages ?? 'stderr';
    if (options.opcodeDir !== undefined) {
      module.csoundSetOpcodedir(expectString('Csound.create', 'opcodeDir', options.opcodeDir));
    }
    this.engine = new module.Engine();
    this.workletUrl = options.workletUrl;
    if (options.hostAudioIO ?? platform().name === 'browser') this.engine.setHostAudioIO();
    // Host commands are denied from the engine's creation on; only a Node host can allow them.
    if (platform().name === 'browser') this.engine.setHostCommands(false, 'browsers cannot run them');
    else if (options.allowSystem === true) this.engine.setHostCommands(true, '');
    this.flushMessages();
  }

  /**
   * Creates a Csound instance (the seed's `Csound(host_data, opcode_dir)`). Asynchronous only because the wasm
   * loads; the first call compiles it, later calls reuse the compiled module and take milliseconds.
   */
  static async create(options: CsoundOptions = {}): Promise<Csound> {
    checkCreateOptions(options);
    let instance: Csound | null = null;
    // C code writing to stdout/stderr directly (Csound's banner before its message callback is set, a few
    // utilities) joins the message stream as plain messages: Csound writes all its messages to stderr, errors or not.
    const loaded = await instantiateEngine((text) => {
      instance?.deliver({ attr: 0, text: `${text}\n` });
    }, options.wasmUrl);
    instance = new Csound(loaded.module, loaded.memory, loaded.wasmModule, options);
    return instance;
  }

  // ---------------------------------------------------------------- internals

  private get raw(): RawEngine {
    if (this.engine === null) {
      throw new CsoundError('Csound', CSOUND_ERROR, this.retired === null ? 'this instance was destroyed'
        : `this instance was retired: ${this.retired}; create a new Csound`);
    }
    return this.engine;
  }

  /** Ends the use of an engine whose state is unknown; later calls throw, saying why (see HostLink.retire). */
  private retire(reason: string): void {
    if (this.engine === null) return;
    this.flushMessages();
    this.retired = reason;
    this.engine = null;
    this.deliver({ attr: CSOUNDMSG_ERROR, text: `csound-wasm: ${reason}\n` });
  }

  /** Runs one engine call: wasm traps and binding errors become CsoundError; printed messages are routed. */
  private call<T>(operation: string, body: (engine: RawEngine) => T): T {
    const engine = this.raw;
    if (this.performerProbe !== null && PERFORMER_ONLY.has(operation)) {
      throw new CsoundError(operation, CSOUND_ERROR, 'a CsoundPerformanceThread performs this instance; ' +
        `${operation} on this thread would run Csound on two threads at once: stop() the thread and await its join() first`);
    }
    this.callMessages = [];
    try {
      return body(engine);
    } catch (cause) {
      if (cause instanceof CsoundError) throw cause;
      throw this.callFailure(operation, cause);
    } finally {
      try {
        if (this.engine !== null && this.engine.pendingMessages() > 0) this.flushMessages();
      } catch (cause) {
        // eslint-disable-next-line no-unsafe-finally -- a trap while routing the messages: the call failed after all
        throw this.callFailure(operation, cause);
      }
    }
  }

  /**
   * The CsoundError for an exception out of the engine. One that leaves the engine's state unknown retires this
   * instance (others are unaffected): a trap (RuntimeError, Emscripten's Aborted() too), the JS stack exhausted
   * inside Csound (a UDO recursing some 5,000 levels), or a value that is not an Error: a longjmp without a
   * target (Emscripten throws Infinity for it), a C++ exception (a bare number), an exit().
   */
  private callFailure(operation: string, cause: unknown): CsoundError {
    // Emscripten throws Infinity for a longjmp whose target is gone: say so rather than print "Infinity".
    const detail = cause instanceof Error ? `${cause.name}: ${cause.message}`
      : cause === Infinity ? 'a longjmp (csound->LongJmp) with no live target' : String(cause);
    let unknownState: string | null = null;
    if (cause instanceof WebAssembly.RuntimeError) unknownState = 'the engine trapped';
    else if (cause instanceof RangeError && /call stack/i.test(cause.message)) {
      unknownState = 'the call nested too deeply for the JavaScript stack (e.g. a UDO recursing thousands of levels)';
    } else if (!(cause instanceof Error)) unknownState = 'Csound left the call abnormally (a jump or exception out of C)';
    try {
      this.flushMessages();
    } catch {
      // The engine's memory is corrupt: its messages are lost with it.
      unknownState ??= 'the engine trapped';
    }
    if (unknownState === null) return new CsoundError(operation, CSOUND_ERROR, detail, this.callMessages);
    this.engine = null;
    this.retired = `${unknownState} in ${operation} (${detail})`;
    return new CsoundError(operation, CSOUND_ERROR, `${unknownState} (${detail}); create a new Csound`, this.callMessages);
  }

  /** The one throw site for Csound return codes: negative codes are failures. */
  private check(code: number, operation: string, detail = 'Csound reported an error'): number {
    if (code < 0) {
      this.flushMessages();
      throw new CsoundError(operation, code, detail, this.callMessages);
    }
    return code;
  }

  // ---------------------------------------------------------------- limits (js/limits.ts, docs/API.md)

  /** The score as Csound sorted it ('' before there is one), read from memory in one copy. */
  private sortedScoreText(e: RawEngine): string {
    const { ptr, length } = e.sortedScore();
    if (ptr === 0 || length === 0) return '';
    // TextDecoder does not read views of shared memory: decode a copy.
    return new TextDecoder().decode(new Uint8Array(this.memory.buffer, ptr, length).slice());
  }

  /** Why a performance of what is compiled would be refused (rates, channels, score times, the skip), or null. */
  private performanceProblem(e: RawEngine): string | null {
    const kr = e.kr();
    const skip = this.scoreOffset * kr;
    return headerProblem(e.sr(), kr, e.ksmps(), e.channels(false), e.channels(true))
      ?? sortedScoreProblem(this.sortedScoreText(e), e.sr(), kr)
      ?? (skip > LIMITS.skipKsmps
        ? `a score offset of ${this.scoreOffset} s skips ${Math.round(skip)} k-cycles in one call (at most ${LIMITS.skipKsmps})`
        : null);
  }

  /**
   * After a compile: with more output channels than Csound's per-channel arrays hold, even reset() and destroy()
   * would overrun them (and with 1e9 channels loop for ever), so the instance is retired at once.
   */
  private checkChannels(operation: string): void {
    const engine = this.engine;
    if (engine === null) return;
    const why = channelsProblem(engine.channels(false), 0);
    if (why === null) return;
    const reason = `${why}: Csound 6 cannot even reset an instance with more output channels (its end-of-performance ` +
      'statistics would overrun their arrays)';
    this.retire(reason);
    throw refuse(operation, `${reason}; this instance is retired, create a new Csound`);
  }

  /** Checks the options (as setOption gets them) that Csound would take but that could not run. */
  private checkOption(operation: string, option: string): void {
    // Csound 6.18 then waits for a Cscore callback that this binding does not provide, for ever.
    if (option.trim() === '-C' || option.trim() === '--cscore') {
      throw refuse(operation, `${option}: Cscore processing is not supported`);
    }
    // Csound's realtime mode runs init passes on a thread of its own, which this build cannot start: the instance's
    // memory was corrupted (CsoundPerformanceThread is the way to perform on another thread).
    if (option.trim() === '--realtime') throw refuse(operation, `${option} is not supported`);
    const skip = skipSecondsOption(option);
    if (skip !== null) {
      // The k-cycles it skips are checked at start(), once kr is known.
      if (!(skip >= 0 && Number.isFinite(skip))) {
        throw refuse(operation, `-+skip_seconds must be a number of seconds ≥ 0, got ${JSON.stringify(option)}`);
      }
      this.scoreOffset = Math.max(this.scoreOffset, skip);
    }
    const channels = /^--nchnls(_i)?=(.*)$/.exec(option.trim());
    if (channels !== null) {
      const n = Number(channels[2]);
      if (!(Number.isInteger(n) && n >= (channels[1] ? 0 : 1) && n <= LIMITS.channels)) {
        throw refuse(operation, `${option} is outside the limit of ${LIMITS.channels} channels`);
      }
    }
  }

  /** Checks CSD text before Csound reads it: its extra sections, its score times and its options. */
  private checkCsdText(operation: string, text: string): void {
    const why = csdTextProblem(text) ?? orchestraTextProblem(text) ?? scoreTextProblem(csdScore(text), 0, 0);
    if (why !== null) throw refuse(operation, why);
    for (const option of csdOptions(text)) this.checkOption(operation, option);
  }

  /** The text of a file of the virtual file system, or null when it cannot be read (Csound will say why). */
  private fileText(path: string): string | null {
    try {
      return new TextDecoder().decode(this.module.FS.readFile(path, { encoding: 'binary' }));
    } catch {
      return null;
    }
  }

  private flushMessages(): void {
    const engine = this.engine;
    if (engine === null) return;
    for (const message of engine.takeMessages()) this.deliver(message);
  }

  private deliver(message: CsoundMessage): void {
    this.callMessages.push(message.text);
    if (this.callMessages.length > ERROR_MESSAGE_LIMIT) this.callMessages.shift();
    if (this.messageCallback !== null) {
      this.messageCallback(message.attr, message.text);
    } else if (this.messageBuffer !== null) {
      this.messageBuffer.push(message);
      if (this.messageBufferToStdout) this.writeOut(message, 'stdout');
    } else if (this.defaultSink === 'stderr') {
      this.writeOut(message, 'stderr');
    }
  }

  private writeOut(message: CsoundMessage, stream: 'stdout' | 'stderr'): void {
    platform().writeMessage(message.text, this.messageKinds.classify(message.attr, message.text), stream);
  }

  private view(ptr: number, length: number): Float64Array {
    return new Float64Array(this.memory.buffer, ptr, length);
  }

  private scratchBlock(doubles: number): number {
    const bytes = doubles * 8;
    if (this.scratch.bytes < bytes) {
      if (this.scratch.ptr !== 0) this.module._free(this.scratch.ptr);
      const ptr = this.module._malloc(bytes);
      if (ptr === 0) throw new CsoundError('malloc', CSOUND_MEMORY, `cannot allocate ${bytes} bytes`);
      this.scratch = { ptr, bytes };
    }
    return this.scratch.ptr;
  }

  /** @internal The performer's access to this instance. */
  [hostLink](): HostLink {
    return {
      module: this.module,
      memory: this.memory,
      wasmModule: this.wasmModule,
      handle: this.csound(),
      workletUrl: this.workletUrl,
      alive: () => this.engine !== null,
      flushMessages: () => this.flushMessages(),
      retire: (reason) => this.retire(reason),
      setPerforming: (probe) => {
        this.performerProbe = probe;
      },
    };
  }

  // ---------------------------------------------------------------- instance

  /** The CSOUND* of this instance, as an integer address in the instance's wasm memory (the seed's `csound()`). */
  csound(): number {
    return this.call('csound', (e) => e.handle());
  }

  /** The host data given to `create()`. */
  hostData(): unknown {
    return this.userHostData;
  }

  /** The shared memory of this instance (for the performer, which instantiates the module on it). */
  wasmMemory(): WasmMemory {
    return this.memory as WasmMemory;
  }

  /** Destroys the engine and frees its memory; the object cannot be used afterwards. */
  destroy(): void {
    if (this.engine === null) return;
    if (this.performerProbe !== null) {
      throw new CsoundError('destroy', CSOUND_ERROR, 'a CsoundPerformanceThread performs this instance: stop() it and await its join() first');
    }
    const engine = this.engine;
    this.heldLocks.clear();
    try {
      engine.delete();
    } catch {
      // Csound trapped while it freed itself (its memory was already corrupt): the instance is gone either way, and
      // the garbage collector takes its wasm memory.
    } finally {
      this.engine = null;
    }
  }

  // ---------------------------------------------------------------- attributes

  /** Csound's version times 1000 plus minor times 10 plus patch: 6181 for 6.18.1. */
  version(): number {
    return this.call('version', (e) => e.version());
  }

  /** Audio sample rate. */
  sr(): number {
    return this.call('sr', (e) => e.sr());
  }

  /** Control rate. */
  kr(): number {
    return this.call('kr', (e) => e.kr());
  }

  /** Frames per control period. */
  ksmps(): number {
    return this.call('ksmps', (e) => e.ksmps());
  }

  /** Number of output channels (nchnls), or of input channels (nchnls_i) when `isInput` is true. */
  channels(isInput = false): number {
    return this.call('channels', (e) => e.channels(Boolean(isInput)));
  }

  /** The 0dBFS level. */
  get0dBFS(): number {
    return this.call('get0dBFS', (e) => e.get0dBFS());
  }

  /** The A4 reference frequency. */
  A4(): number {
    return this.call('A4', (e) => e.A4());
  }

  /** Performance time in sample frames (int64 in C; exact as a JS number up to 2^53). */
  currentTimeSamples(): number {
    return this.call('currentTimeSamples', (e) => e.currentTimeSamples());
  }

  /** Size of MYFLT in bytes: 8 (this build uses double precision). */
  sizeOfMYFLT(): number {
    return this.call('sizeOfMYFLT', (e) => e.sizeOfMYFLT());
  }

  /** Errors counted during the performance (csoundErrCnt: performance errors; the csound command exits with it). */
  errorCount(): number {
    return this.call('errorCount', (e) => e.errorCount());
  }

  /** The output file or device name given with -o (an extra of this binding, from csoundGetOutputName). */
  outputName(): string {
    return this.call('outputName', (e) => e.outputName());
  }

  // ---------------------------------------------------------------- configuration

  /** Sets one command-line option, e.g. "-m0" or "--sample-rate=48000". Must come before compilation. */
  setOption(option: string): number {
    const op = 'setOption';
    expectString(op, 'option', option);
    this.checkOption(op, option);
    const code = this.call(op, (e) => e.setOption(option));
    // csoundSetOption returns a positive code when options can no longer change (after compilation).
    if (code > 0) {
      throw new CsoundError(op, code, `options must be set before compilation; ${JSON.stringify(option)} was not applied`);
    }
    return this.check(code, op, `Csound rejected the option ${JSON.stringify(option)}`);
  }

  /**
   * Without an argument: the current parameters as a new CsoundParams. With one: fills it in place (as the seed's
   * `params(p)`) and returns it.
   */
  params(target: CsoundParams = new CsoundParams()): CsoundParams {
    if (typeof target !== 'object' || target === null) {
      throw new CsoundError('params', CSOUND_ERROR, `target must be a CsoundParams object, got ${describe(target)}`);
    }
    const values = this.call('params', (e) => e.params());
    Object.assign(target, values);
    return target;
  }

  /** Sets the parameters (csoundSetParams); fields left out keep their current values. */
  setParams(params: Partial<CsoundParams>): void {
    const op = 'setParams';
    if (typeof params !== 'object' || params === null) {
      throw new CsoundError(op, CSOUND_ERROR, `params must be an object, got ${describe(params)}`);
    }
    // The glue reads every field as a number and skips names it does not know: check both here, so a misspelt
    // field (or a Csound 7 name such as sr_override) or a string value is an error rather than silently ignored.
    const known = new CsoundParams();
    for (const [key, value] of Object.entries(params)) {
      if (!Object.hasOwn(known, key)) throw new CsoundError(op, CSOUND_ERROR, `${key} is not a CSOUND_PARAMS field`);
      if (value !== undefined) expectNumber(op, key, value);
    }
    checkParams(params);
    this.call(op, (e) => e.setParams(params));
  }

  setDebug(on: boolean): void {
    this.call('setDebug', (e) => e.setDebug(Boolean(on)));
  }

  /** Message level, 0-231 (sum of the -m flags). */
  setMessageLevel(level: number): void {
    expectNumber('setMessageLevel', 'level', level);
    this.call('setMessageLevel', (e) => e.setMessageLevel(level));
  }

  messageLevel(): number {
    return this.call('messageLevel', (e) => e.messageLevel());
  }

  // ---------------------------------------------------------------- performance

  /**
   * Compiles from command-line arguments, as the csound command, and starts the performance (csoundCompile
   * does both): `compile('csound', '-o', 'out.wav', 'a.csd')` or `compile('-o', 'out.wav', 'a.csd')`. Unless the
   * first argument is 'csound', 'csound' is put in front as argv[0]. Returns 0; throws CsoundError on failure.
   */
  compile(...args: string[]): number {
    const op = 'compile';
    args.forEach((a, i) => expectString(op, `argument ${i + 1}`, a));
    const argv = args.length > 0 && args[0] === 'csound' ? args : ['csound', ...args];
    for (const arg of argv.slice(1)) {
      if (arg.startsWith('-')) this.checkOption(op, arg);
      else if (/\.csd$/i.test(arg)) {
        const text = this.fileText(arg);
        if (text !== null) this.checkCsdText(op, text);
      }
    }
    const code = this.call(op, (e) => e.compile(argv));
    this.checkChannels(op);
    const result = this.check(code === CSOUND_EXITJMP_SUCCESS ? 0 : code, op);
    // compile() starts the performance too: what start() would refuse is undone here.
    const why = this.call(op, (e) => this.performanceProblem(e));
    if (why !== null) {
      this.reset();
      throw refuse(op, `${why}; the instance was reset (see Limits in docs/API.md)`);
    }
    return result;
  }

  /** Compiles orchestra code; with `async` the compiled code is merged at the next k-cycle boundary. */
  compileOrc(orc: string, async = false): number {
    const op = 'compileOrc';
    expectString(op, 'orc', orc);
    const why = orchestraTextProblem(orc);
    if (why !== null) throw refuse(op, why);
    const performing = this.performing;
    const queued = Boolean(async) || performing;
    const code = this.call(op, (e) => e.compileOrc(orc, queued, performing));
    this.checkChannels(op);
    // A fatal error (csoundDie: e.g. macros nested too deep) ends the compile with its jump value, 255.
    return this.check(code > 0 ? CSOUND_ERROR : code, op, 'the orchestra did not compile');
  }

  /**
   * Compiles and runs orchestra code at i-time and returns the value given to its `return` statement. While a
   * performance thread runs, the code is compiled here and run by the performer when it merges it (at a k-cycle
   * boundary); this call waits for that and then returns the value.
   */
  evalCode(code: string): number {
    const op = 'evalCode';
    expectString(op, 'code', code);
    let timedOut = false;
    const value = this.call(op, (e) => {
      const result = e.evalCode(code, this.performing);
      timedOut = e.evalTimedOut();
      return result;
    });
    this.checkChannels(op);
    // csoundEvalCode returns NaN when the code does not compile (so code that returns NaN itself reads as failed).
    if (Number.isNaN(value)) {
      this.flushMessages();
      throw new CsoundError(op, CSOUND_ERROR, timedOut
        ? 'the code compiled, but the performer did not run it within 1 s (is the performance blocked?)'
        : 'the code did not compile', this.callMessages);
    }
    return value;
  }

  /**
   * Compiles a CSD: a file path when `mode` is 0, CSD text when `mode` is 1 (as the seed). Csound 6.18 has no
   * asynchronous CSD compile: `async` is accepted for the seed's signature, and the CSD is always compiled
   * synchronously on the calling thread.
   */
  compileCsd(csd: string, mode = 0, async = false): number {
    const op = 'compileCsd';
    expectString(op, 'csd', csd);
    if (mode !== 0 && mode !== 1) {
      throw new CsoundError(op, CSOUND_ERROR, `mode must be 0 (file) or 1 (text), got ${describe(mode)}`);
    }
    void async;
    const text = mode === 1 ? csd : this.fileText(csd);
    if (text !== null) this.checkCsdText(op, text);
    const code = this.call(op, (e) => (mode === 1 ? e.compileCsdText(csd) : e.compileCsdFile(csd)));
    this.checkChannels(op);
    return this.check(code, op, mode === 1 ? 'the CSD text did not compile' : `the CSD file ${csd} did not compile`);
  }

  /** Compiles CSD text (ctcsound 6's compile_csd_text; the same as `compileCsd(text, 1)`). */
  compileCsdText(text: string): number {
    return this.compileCsd(text, 1);
  }

  /** Prepares the performance (opens the output, runs the header). */
  start(): number {
    const why = this.call('start', (e) => this.performanceProblem(e));
    if (why !== null) throw refuse('start', `${why}; the performance was not started (see Limits in docs/API.md)`);
    return this.check(this.call('start', (e) => e.start()), 'start');
  }

  /**
   * Performs one control period. Returns 0 while the performance goes on and a positive value when it has ended
   * (the C API's convention; `while (cs.performKsmps() === 0)` reads as the seed's loop). Throws on a
   * performance error.
   */
  performKsmps(): number {
    return this.performCycles('performKsmps', 1);
  }

  /**
   * Performs up to `count` control periods in one call (an extra of this binding: fewer JS/wasm crossings for
   * offline rendering). Returns like `performKsmps()` after the last period performed.
   */
  performKsmpsBlock(count: number): number {
    expectInteger('performKsmpsBlock', 'count', count, 0, LIMITS.blockKsmps);
    return this.performCycles('performKsmpsBlock', count);
  }

  /**
   * performKsmps and performKsmpsBlock, called once per k-cycle by render loops, so kept lean: the engine sets no
   * jump target (cpp/engine.cpp, performKsmpsCycles), and an exit jump (exitnow, a fatal error) that escapes as a
   * thrown Infinity is landed here: the stack restored, csoundPerform's code for it returned.
   */
  private performCycles(operation: 'performKsmps' | 'performKsmpsBlock', count: number): number {
    const engine = this.engine;
    if (engine === null || this.performerProbe !== null) {
      return this.check(this.call(operation, (e) => e.performKsmpsBlock(count)), operation); // throws, saying why
    }
    const sp = this.module.stackSave();
    if (this.callMessages.length > 0) this.callMessages = [];
    let code: number;
    try {
      code = count === 1 ? engine.performKsmps() : engine.performKsmpsBlock(count);
    } catch (cause) {
      code = cause === Infinity ? this.landEscapedJump(engine, sp) : 0;
      if (code === 0) {
        if (cause instanceof CsoundError) throw cause;
        throw this.callFailure(operation, cause);
      }
    }
    try {
      if (engine.pendingMessages() > 0) this.flushMessages();
    } catch (cause) {
      throw this.callFailure(operation, cause);
    }
    return code < 0 ? this.check(code, operation) : code;
  }

  /** The code of an exit jump that escaped from a k-cycle, the stack restored; 0 when no jump was recorded. */
  private landEscapedJump(engine: RawEngine, sp: number): number {
    this.module.stackRestore(sp);
    return this.module._csound_wasm_exit_jump_escaped(engine.handle());
  }

  /** Ends the performance: closes the output file (its header is finished) and prints the end summary. */
  cleanup(): number {
    return this.check(this.call('cleanup', (e) => e.cleanup()), 'cleanup');
  }

  /** Resets the instance for a new performance (implies cleanup). Files in the virtual file system stay. */
  reset(): void {
    this.call('reset', (e) => e.reset());
    this.heldLocks.clear();
    this.scoreOffset = 0;
  }

  /** Runs a Csound utility (sndinfo, hetro, lpanal, pvanal, atsa, cvanal, ...) with its arguments. */
  runUtility(name: string, args: string[] = []): number {
    const op = 'runUtility';
    expectString(op, 'name', name);
    if (!Array.isArray(args)) throw new CsoundError(op, CSOUND_ERROR, `args must be an array, got ${describe(args)}`);
    args.forEach((a, i) => expectString(op, `args[${i}]`, a));
    const code = this.call(op, (e) => e.runUtility(name, args));
    return this.check(code === CSOUND_EXITJMP_SUCCESS ? 0 : code, op, `utility ${name} failed`);
  }

  // ---------------------------------------------------------------- audio I/O

  /**
   * The input buffer (ksmps × nchnls_i doubles) as a live view into the engine's memory: write to it before
   * `performKsmps()`. Views on the shared memory stay valid when the memory grows.
   */
  spin(): Float64Array {
    const ptr = this.call('spin', (e) => e.spin());
    return this.view(ptr, ptr === 0 ? 0 : this.ksmps() * this.channels(true));
  }

  /** The output buffer (ksmps × nchnls doubles, interleaved) as a live view: read it after `performKsmps()`. */
  spout(): Float64Array {
    const ptr = this.call('spout', (e) => e.spout());
    return this.view(ptr, ptr === 0 ? 0 : this.ksmps() * this.channels(false));
  }

  /** Lets the host move audio through spin/spout (no audio device, no output file unless -o is given). */
  setHostAudioIO(): void {
    this.call('setHostAudioIO', (e) => e.setHostAudioIO());
  }

  /** True when the host moves the audio (setHostAudioIO was called, or `hostAudioIO` given to create()). */
  hostAudioIO(): boolean {
    return this.call('hostAudioIO', (e) => e.hostAudioIO());
  }

  /** Selects the real-time audio module by name. In wasm only host audio I/O and 'null' exist. */
  setRTAudioModule(module: string): void {
    expectString('setRTAudioModule', 'module', module);
    this.call('setRTAudioModule', (e) => e.setRTAudioModule(module));
  }

  // ---------------------------------------------------------------- channels

  setControlChannel(name: string, value: number): void {
    const op = 'setControlChannel';
    expectString(op, 'name', name);
    expectNumber(op, 'value', value);
    this.call(op, (e) => e.setControlChannel(name, value));
  }

  /** The value of a control channel and an error code (0 when the channel exists), as the seed's (value, err). */
  controlChannel(name: string): [value: number, err: number] {
    expectString('controlChannel', 'name', name);
    const { value, err } = this.call('controlChannel', (e) => e.controlChannel(name));
    return [value, err];
  }

  /** Writes ksmps samples into an audio channel. */
  setAudioChannel(name: string, samples: ArrayLike<number>): void {
    const op = 'setAudioChannel';
    expectString(op, 'name', name);
    const ksmps = this.ksmps();
    if (samples === null || typeof samples !== 'object' || typeof samples.length !== 'number') {
      throw new CsoundError(op, CSOUND_ERROR, `samples must be an array of numbers, got ${describe(samples)}`);
    }
    const ptr = this.scratchBlock(ksmps);
    const target = this.view(ptr, ksmps);
    target.fill(0);
    target.set(Array.prototype.slice.call(samples, 0, ksmps) as number[]);
    this.call(op, (e) => e.setAudioChannel(name, ptr));
  }

  /** Reads ksmps samples of an audio channel into `out` (if given) and returns them. */
  audioChannel(name: string, out?: Float64Array): Float64Array {
    const op = 'audioChannel';
    expectString(op, 'name', name);
    if (out !== undefined && !(out instanceof Float64Array)) {
      throw new CsoundError(op, CSOUND_ERROR, `out must be a Float64Array, got ${describe(out)}`);
    }
    const ksmps = this.ksmps();
    const ptr = this.scratchBlock(ksmps);
    this.call(op, (e) => e.audioChannel(name, ptr));
    const result = out ?? new Float64Array(ksmps);
    result.set(this.view(ptr, Math.min(ksmps, result.length)));
    return result;
  }

  setStringChannel(name: string, value: string): void {
    const op = 'setStringChannel';
    expectString(op, 'name', name);
    expectString(op, 'value', value);
    this.call(op, (e) => e.setStringChannel(name, value));
  }

  stringChannel(name: string): string {
    expectString('stringChannel', 'name', name);
    return this.call('stringChannel', (e) => e.stringChannel(name));
  }

  /**
   * Creates or finds a channel and returns a live view of its data with an error string ('' on success), as the
   * seed's (ptr, err): a control channel is a Float64Array of length 1, an audio channel one of ksmps. For string
   * channels the view is null (use stringChannel/setStringChannel).
   */
  channelPtr(name: string, type: number): [view: Float64Array | null, err: string] {
    const op = 'channelPtr';
    expectString(op, 'name', name);
    expectNumber(op, 'type', type);
    const { ptr, err } = this.call(op, (e) => e.channelPtr(name, type));
    // A positive code is the type of an existing channel of another kind (csoundGetChannelPtr returns it).
    if (err > 0) return [null, `${JSON.stringify(name)} exists with another type (type bits ${err})`];
    if (err !== 0) return [null, CHANNEL_ERRORS[err] ?? `error ${err}`];
    const kind = type & CSOUND_CHANNEL_TYPE_MASK;
    if (kind === CSOUND_CONTROL_CHANNEL) return [this.view(ptr, 1), ''];
    if (kind === CSOUND_AUDIO_CHANNEL) return [this.view(ptr, this.ksmps()), ''];
    if (kind === CSOUND_STRING_CHANNEL) return [null, ''];
    return [null, `channel type ${kind} has no numeric view`];
  }

  /** All channels with their type bits and hints, and an error string ('' on success), as the seed. */
  listChannels(): [channels: ControlChannelInfo[], err: string] {
    const list = this.call('listChannels', (e) => e.listChannels());
    if (typeof list === 'number') return [[], `csoundListChannels failed with code ${list}`];
    return [
      list.map(({ name, type, hints }) => ({ name, type, hints: Object.assign(new ControlChannelHints(), hints) })),
      '',
    ];
  }

  /** The list from `listChannels()` is a JS copy: nothing to free. Kept for the seed's shape. */
  deleteChannelList(_list: ControlChannelInfo[]): void {}

  /** Takes the channel's spin lock (busy-waits while another thread holds it). */
  lockChannel(name: string): void {
    const op = 'lockChannel';
    expectString(op, 'name', name);
    // Csound's channel lock is a spin lock without an owner: taking it twice would spin for ever.
    if (this.heldLocks.has(name)) {
      throw new CsoundError(op, CSOUND_ERROR, `this thread already holds the lock of channel ${JSON.stringify(name)}; unlockChannel it first`);
    }
    this.check(this.call(op, (e) => e.lockChannel(name)), op, `no channel named ${JSON.stringify(name)}`);
    this.heldLocks.add(name);
  }

  unlockChannel(name: string): void {
    const op = 'unlockChannel';
    expectString(op, 'name', name);
    this.check(this.call(op, (e) => e.unlockChannel(name)), op, `no channel named ${JSON.stringify(name)}`);
    this.heldLocks.delete(name);
  }

  /** Sets the hints of an existing control channel. */
  setControlChannelHints(name: string, hints: Partial<ControlChannelHints>): number {
    const op = 'setControlChannelHints';
    expectString(op, 'name', name);
    if (typeof hints !== 'object' || hints === null) {
      throw new CsoundError(op, CSOUND_ERROR, `hints must be an object, got ${describe(hints)}`);
    }
    for (const key of ['behav', 'dflt', 'min', 'max', 'x', 'y', 'width', 'height'] as const) {
      if (hints[key] !== undefined) expectNumber(op, `hints.${key}`, hints[key]);
    }
    if (hints.attributes !== undefined && hints.attributes !== null) {
      expectString(op, 'hints.attributes', hints.attributes);
    }
    const code = this.call(op, (e) => e.setControlChannelHints(name, hints));
    return this.check(code, op, `${JSON.stringify(name)} is not an existing control channel`);
  }

  // ---------------------------------------------------------------- events

  /**
   * Sends a score event: `type` is CS_INSTR_EVENT ('i'), CS_TABLE_EVENT ('f') or CS_END_EVENT ('e'); pfields
   * start with p1. With `async` the event is queued for the performing thread, as a score line
   * (csoundInputMessageAsync: 6.18's csoundScoreEventAsync would keep a pointer to pfields that are gone by then);
   * the engine takes it during the next performKsmps and performs it in the one after.
   */
  event(type: number, pfields: ArrayLike<number>, async = false): number {
    const op = 'event';
    const letter = EVENT_LETTERS[type];
    if (letter === undefined) {
      throw new CsoundError(op, CSOUND_ERROR, `type must be CS_INSTR_EVENT, CS_TABLE_EVENT or CS_END_EVENT, got ${String(type)}`);
    }
    if (pfields === null || typeof pfields !== 'object' || typeof pfields.length !== 'number') {
      throw new CsoundError(op, CSOUND_ERROR, `pfields must be an array of numbers, got ${describe(pfields)}`);
    }
    if (pfields.length > LIMITS.pfields) {
      throw refuse(op, `pfields has ${pfields.length} p-fields; an event takes at most ${LIMITS.pfields}`);
    }
    const values = Array.from(pfields);
    values.forEach((v, i) => expectNumber(op, `p${i + 1}`, v));
    const why = letter === 'e' ? null : this.call(op, (e) => statementProblem(letter, values, e.sr(), e.kr()));
    if (why !== null) throw refuse(op, why);
    const queued = Boolean(async) || this.performing;
    return this.check(this.call(op, (e) => e.scoreEvent(letter, values, queued)), op);
  }

  /**
   * Sends score lines, e.g. "i 1 0 1 440\ni 1 1 1 550" (csoundInputMessage / csoundInputMessageAsync). With `async`
   * the engine takes the lines during the next performKsmps and performs them in the one after.
   */
  eventString(text: string, async = false): void {
    expectString('eventString', 'text', text);
    const why = this.call('eventString', (e) => scoreTextProblem(text, e.sr(), e.kr()));
    if (why !== null) throw refuse('eventString', why);
    const queued = Boolean(async) || this.performing;
    this.call('eventString', (e) => e.inputMessage(text, queued));
  }

  /** The number of a named instrument, or -1 when there is none (looked up in the compiled orchestra). */
  instrNumber(name: string): number {
    expectString('instrNumber', 'name', name);
    return this.call('instrNumber', (e) => e.instrNumber(name, this.performing));
  }

  // ---------------------------------------------------------------- tables

  /** A function table as a live view into the engine's memory, or null when the table does not exist. */
  table(number: number): Float64Array | null {
    expectNumber('table', 'number', number);
    const { ptr, length } = this.call('table', (e) => e.table(number));
    return length < 0 || ptr === 0 ? null : this.view(ptr, length);
  }

  /** Length of a function table, or -1 when it does not exist. */
  tableLength(number: number): number {
    expectNumber('tableLength', 'number', number);
    return this.call('tableLength', (e) => e.tableLength(number));
  }

  /** The arguments the table was made with: [GEN number, its arguments...], or null (a copy). */
  tableArgs(number: number): number[] | null {
    expectNumber('tableArgs', 'number', number);
    return this.call('tableArgs', (e) => e.tableArgs(number));
  }

  // ---------------------------------------------------------------- OSC through the host

  /**
   * Hands an OSC packet (a message or a bundle, in OSC's binary form; see `encodeOscMessage`) to the `OSCinit`
   * listening on `port`, as if it had arrived there by UDP; `OSClisten` reads it at its next k-cycle. Not in
   * ctcsound: wasm has no sockets, so the host receives OSC itself (WebSocket, Node's dgram, ...). Returns how many
   * messages an `OSClisten` took; throws when no `OSCinit` listens on `port` or the packet is malformed.
   */
  oscDeliver(port: number, packet: Uint8Array): number {
    expectNumber('oscDeliver', 'port', port);
    if (!(packet instanceof Uint8Array)) {
      throw new CsoundError('oscDeliver', CSOUND_ERROR, 'packet must be a Uint8Array');
    }
    const code = this.call('oscDeliver', (e) => e.oscDeliver(port, packet));
    const why = code === -1 ? `no OSCinit listens on port ${port}` : 'not an OSC message or bundle';
    return this.check(code, 'oscDeliver', why);
  }

  /**
   * The packets `OSCsend_lo` sent since the last call, oldest first, each with the host and port it was addressed
   * to (decode them with `decodeOscMessage`); the host forwards them. Not in ctcsound (see `oscDeliver`).
   */
  oscTake(): Array<{ host: string; port: number; packet: Uint8Array }> {
    return this.call('oscTake', (e) => e.oscTake());
  }

  // ---------------------------------------------------------------- messages

  /** Prints a message through Csound's message system (JS formats the text, e.g. with a template string). */
  message(text: string, attr = 0): void {
    expectString('message', 'text', text);
    this.call('message', (e) => e.message(text, attr));
  }

  /**
   * Routes messages to `callback(attr, text)` (one whole line per call) instead of the buffer or stderr.
   * Pass null to restore the default.
   */
  setMessageCallback(callback: MessageCallback | null): void {
    if (callback !== null && typeof callback !== 'function') {
      throw new CsoundError('setMessageCallback', CSOUND_ERROR, `callback must be a function or null, got ${describe(callback)}`);
    }
    this.messageCallback = callback;
  }

  /** Starts keeping messages in a buffer read with messageCnt/firstMessage/popFirstMessage. */
  createMessageBuffer(toStdout = false): void {
    this.flushMessages();
    this.messageBuffer = [];
    this.messageBufferToStdout = Boolean(toStdout);
  }

  messageCnt(): number {
    this.flushMessages();
    return this.messageBuffer?.length ?? 0;
  }

  /** The oldest buffered message, or '' when there is none. */
  firstMessage(): string {
    this.flushMessages();
    return this.messageBuffer?.[0]?.text ?? '';
  }

  /** The attribute of the oldest buffered message, or 0. */
  firstMessageAttr(): number {
    this.flushMessages();
    return this.messageBuffer?.[0]?.attr ?? 0;
  }

  popFirstMessage(): void {
    this.flushMessages();
    this.messageBuffer?.shift();
  }

  destroyMessageBuffer(): void {
    this.messageBuffer = null;
  }

  // ---------------------------------------------------------------- devices

  /** Audio devices the selected real-time module offers (none in wasm without a host module). */
  audioDevList(isOutput = true): CsoundAudioDevice[] {
    return this.call('audioDevList', (e) => e.audioDevList(Boolean(isOutput))) as unknown as CsoundAudioDevice[];
  }

  midiDevList(isOutput = false): CsoundMidiDevice[] {
    return this.call('midiDevList', (e) => e.midiDevList(Boolean(isOutput))) as unknown as CsoundMidiDevice[];
  }

  // ---------------------------------------------------------------- MIDI input (csound-wasm addition)

  /**
   * Queues raw MIDI bytes (one or more whole messages, e.g. `[0x90, 60, 100]`) for Csound's MIDI input, which
   * reads them at its next k-cycle on whichever thread performs. wasm has no MIDI drivers, so the host is the
   * driver: Web MIDI input, a sequencer, a test. Csound opens its MIDI input only with `-M` (any device name,
   * e.g. `-M0`) in the options before start(). Safe to call while a CsoundPerformanceThread plays.
   */
  pushMidi(bytes: ArrayLike<number>): void {
    const op = 'pushMidi';
    if (bytes === null || typeof bytes !== 'object' || typeof bytes.length !== 'number') {
      throw new CsoundError(op, CSOUND_ERROR, `bytes must be an array of MIDI bytes, got ${describe(bytes)}`);
    }
    const data: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (!Number.isInteger(byte) || byte < 0 || byte > 255) {
        throw new CsoundError(op, CSOUND_ERROR, `byte ${i} must be an integer from 0 to 255, got ${describe(byte)}`);
      }
      data.push(byte);
    }
    if (data.length === 0) return;
    const code = this.call(op, (e) => e.pushMidi(data));
    if (code === 1) {
      throw new CsoundError(op, CSOUND_ERROR,
        "Csound's MIDI input is not open: give -M0 in the options (CsOptions or setOption) before start()");
    }
    if (code === 2) {
      throw new CsoundError(op, CSOUND_ERROR,
        'the MIDI input queue is full (16384 bytes): Csound empties it once per k-cycle; is the performance running?');
    }
  }

  /** Whether Csound has opened its MIDI input (started with `-M`), so that pushMidi is accepted. */
  isMidiInputOpen(): boolean {
    return this.call('isMidiInputOpen', (e) => e.midiInputOpen());
  }

  // ---------------------------------------------------------------- score

  /** Current score time in seconds. */
  scoreTime(): number {
    return this.call('scoreTime', (e) => e.scoreTime());
  }

  isScorePending(): boolean {
    return this.call('isScorePending', (e) => e.isScorePending());
  }

  /** With false, score events are not performed (real-time events still are). */
  setScorePending(pending: boolean): void {
    this.call('setScorePending', (e) => e.setScorePending(Boolean(pending)));
  }

  /** Rewinds the score to the beginning (or to the score offset). */
  rewindScore(): void {
    this.call('rewindScore', (e) => e.rewindScore());
  }

  /** Starts the score at `seconds` (csoundSetScoreOffsetSeconds; an extra of this binding). */
  setScoreOffsetSeconds(seconds: number): void {
    const op = 'setScoreOffsetSeconds';
    expectNumber(op, 'seconds', seconds);
    // Csound skips to the offset inside one performKsmps() call, k-cycle by k-cycle.
    const kr = this.call(op, (e) => e.kr());
    if (!(Number.isFinite(seconds) && seconds * kr <= LIMITS.skipKsmps)) {
      throw refuse(op, `seconds must skip at most ${LIMITS.skipKsmps} k-cycles (${Math.floor(LIMITS.skipKsmps / kr)} s ` +
        `at kr = ${kr}), got ${seconds}`);
    }
    this.call(op, (e) => e.setScoreOffsetSeconds(seconds));
    this.scoreOffset = Math.max(seconds, 0);
  }

  /**
   * End of the compiled score in seconds, read from Csound's sorted score (the latest end of an i-statement or
   * f 0 / e statement), or null when there is no score. An extra of this binding, used for progress display.
   */
  scoreEndTime(): number | null {
    const sorted = this.call('scoreEndTime', (e) => this.sortedScoreText(e));
    let end: number | null = null;
    for (const line of sorted.split('\n')) {
      const fields = line.trim().split(/\s+/);
      // Sorted i-statements read: i p1 p2 p2(seconds) p3 p3(seconds) ...; f-statements: f n p2 p2(seconds) ...
      if (fields[0] === 'i' && fields.length >= 6) {
        const startSeconds = parseScoreNumber(fields[3]);
        const durationSeconds = parseScoreNumber(fields[5]);
        const stop = startSeconds + Math.max(durationSeconds, 0);
        if (Number.isFinite(stop)) end = Math.max(end ?? 0, stop);
      } else if (fields[0] === 'f' && fields.length >= 4) {
        const at = parseScoreNumber(fields[3]);
        if (Number.isFinite(at)) end = Math.max(end ?? 0, at);
      }
    }
    return end;
  }

  // ---------------------------------------------------------------- virtual file system (extras of this binding)

  private fsCall<T>(operation: string, path: string, body: () => T): T {
    expectString(operation, 'path', path);
    try {
      return body();
    } catch (cause) {
      if (cause instanceof CsoundError) throw cause;
      const code = (cause as { code?: string; errno?: number })?.code ?? (cause as { errno?: number })?.errno;
      throw new CsoundError(operation, CSOUND_ERROR, `${path}: ${code ?? String(cause)}`);
    }
  }

  /** Writes a file into the engine's virtual file system, creating its folders. */
  writeFile(path: string, data: Uint8Array | string): void {
    this.fsCall('writeFile', path, () => {
      const dir = path.slice(0, path.lastIndexOf('/'));
      if (dir.length > 0) this.module.FS.mkdirTree(dir);
      this.module.FS.writeFile(path, data);
    });
  }

  /** Reads a file of the engine's virtual file system (e.g. a rendered WAV) as bytes. */
  readFile(path: string): Uint8Array {
    return this.fsCall('readFile', path, () => this.module.FS.readFile(path, { encoding: 'binary' }));
  }

  /** Creates a folder (and its parents) in the virtual file system. */
  makeDir(path: string): void {
    this.fsCall('makeDir', path, () => this.module.FS.mkdirTree(path));
  }

  /** Deletes a file of the virtual file system. */
  removeFile(path: string): void {
    this.fsCall('removeFile', path, () => this.module.FS.unlink(path));
  }

  /** Names in a folder of the virtual file system. */
  listFiles(path: string): string[] {
    return this.fsCall('listFiles', path, () => this.module.FS.readdir(path).filter((n) => n !== '.' && n !== '..'));
  }

  /** True when the path exists in the virtual file system. */
  fileExists(path: string): boolean {
    return this.fsCall('fileExists', path, () => this.module.FS.analyzePath(path).exists);
  }

  /** Node only: makes the host folder `hostDir` visible at `mountPoint` (default: the same path) in the engine. */
  mountHostDir(hostDir: string, mountPoint: string = hostDir): void {
    this.fsCall('mountHostDir', hostDir, () => {
      const nodefs = this.module.FS.filesystems.NODEFS;
      if (nodefs === undefined) throw new CsoundError('mountHostDir', CSOUND_ERROR, 'no host file system here');
      this.module.FS.mkdirTree(mountPoint);
      this.module.FS.mount(nodefs, { root: hostDir }, mountPoint);
    });
  }

  /** Changes the engine's working folder (relative paths in CSDs resolve from it). */
  chdir(path: string): void {
    this.fsCall('chdir', path, () => this.module.FS.chdir(path));
  }
}

/** Initializes the Csound library (the seed's csound_initialize); `Csound.create()` does it implicitly. */
export async function csoundInitialize(flags: number): Promise<number> {
  // Each Csound instance runs in a module instance of its own, where csoundCreate initializes the library; this
  // call checks the flags and compiles the wasm ahead of the first create(), returning 0 as the C function does.
  expectNumber('csoundInitialize', 'flags', flags);
  await compiledEngine();
  return 0;
}


