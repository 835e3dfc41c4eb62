// csound-wasm/wam: any CSD as a Web Audio Module 2 (WAM) plugin, a browser DAW's instrument or effect.
//
// createCsoundWam(csd) returns a WebAudioModule class (what a WAM's ES module exports by default). An instance
// compiles the CSD into its own Csound, performs it with a CsoundPerformanceThread in the host's AudioContext,
// and gives the host:
//   - a descriptor read from the CSD's text (js/wam-csd.ts): name, audio inputs and outputs, MIDI input;
//   - parameters made from the orchestra's `chn_k` input channels and their hints (integer, linear, exponential;
//     minimum, maximum, default);
//   - an audio node, CsoundWamNode, that takes the host's events, state and connections.
//
// How the pieces are wired. The node the host sees is an AudioWorkletNode of our own (worklet/wam-processor.ts),
// the plugin's member of the host's WAM event graph; the Csound performer is a second AudioWorkletNode, made by
// CsoundPerformanceThread. Audio: the host connects into our node, whose processor passes the audio on to the
// performer's input (Csound's spin); our node's connect() and disconnect() act on the performer's output (Csound's
// spout). So the host's graph reads host → node → performer → host, with no added delay, and the performer's
// code is shared with every other csound-wasm performance.
//
// How WAM events reach Csound. Events come to the processor, on the audio thread: from this thread through
// scheduleEvents() (a port message), or from other WAMs' processors through the host's WamGroup. Each render
// quantum the processor takes the events due before the quantum ends:
//   - automation (and transport) is written straight into the Csound channel's memory, with the 64-bit atomic
//     store csoundSetControlChannel itself makes. The performer runs on the same audio thread, so the value
//     applies at the first k-cycle the performer starts after that quantum's events: within one quantum plus
//     one k-cycle of the event's time, independent of this (main) thread;
//   - MIDI comes back to this thread, which calls csound.pushMidi(): the engine's MIDI queue has one producer,
//     this thread (the engine cannot be rebuilt to take a second one from the audio thread). Csound reads it at
//     its next k-cycle: MIDI is late by the message hop, typically a few milliseconds, more when this thread is
//     busy;
//   - every processed event is reported to the node, which fires it as a CustomEvent (what hosts listen to).
// Reading and setting parameter values from this thread (getParameterValues, setParameterValues, the GUI) are
// plain channel calls on the Csound object: atomic, applied at the next k-cycle.
//
// Latency: audio input reaches the output exactly ksmps frames later (the performer fills spin during one
// k-cycle's frames and performs it when the next begins), so getCompensationDelay() is ksmps samples.
import {
  Csound,
  CsoundError,
  CsoundPerformanceThread,
  CSOUND_CHANNEL_TYPE_MASK,
  CSOUND_CONTROL_CHANNEL,
  CSOUND_ERROR,
  CSOUND_INPUT_CHANNEL,
} from './api.js';
import {
  CsoundWamParameterInfo,
  TRANSPORT_CHANNELS,
  csdDescriptor,
  describeCsd,
  endlessCsd,
  isTransportChannel,
  type CsdSummary,
  type CsoundWamInfo,
} from './wam-csd.js';
import { createParameterGui } from './wam-gui.js';
import { WAM_PROCESSOR_NAME, type FromProcessor, type ProcessorEngine, type ToProcessor } from './wam-protocol.js';
import type {
  WamDescriptor,
  WamEvent,
  WamParameterDataMap,
  WamParameterInfoMap,
} from './wam-types.js';

export { csdDescriptor, describeCsd, exponentForRange, CsoundWamParameterInfo, TRANSPORT_CHANNELS } from './wam-csd.js';
export type { CsdSummary, CsoundWamInfo, ChannelHintsLike } from './wam-csd.js';
export type * from './wam-types.js';

/** The text of the bundled worklet/wam-processor.ts, put here by scripts/build-browser.mjs. */
declare const __CSOUND_WASM_WAM_PROCESSOR_SOURCE__: string;

/** How a plugin made by createCsoundWam() loads and describes itself. */
export interface CsoundWamOptions extends CsoundWamInfo {
  /** Csound.create()'s wasmUrl (default: csound-engine.wasm next to the package's browser.js). */
  wasmUrl?: string | URL;
  /** Csound.create()'s workletUrl (the performer's AudioWorklet module). */
  workletUrl?: string | URL;
  /** Where Csound's messages go: the console ('stderr', default) or nowhere ('none'). */
  messages?: 'stderr' | 'none';
}

/** What getState() returns and setState() takes. */
export interface CsoundWamState {
  /** The CSD text the plugin performs. setState() with another text recompiles the plugin. */
  csd: string;
  /** Parameter values by id (channel name), in the parameters' own ranges. */
  parameters: Record<string, number>;
}

/** A small MIDI synthesizer: what the package's default export plays when no CSD is given. */
export const DEFAULT_CSD = `<CsoundSynthesizer>
<CsOptions>
-d
</CsOptions>
<CsInstruments>
; name: Csound Synth
; vendor: csound-wasm
; description: A sawtooth through a resonant low-pass filter, played by MIDI
sr = 48000
ksmps = 32
nchnls = 2
0dbfs = 1

chn_k "cutoff", 1, 3, 2000, 50, 12000
chn_k "resonance", 1, 2, 0.3, 0, 0.9
chn_k "gain", 1, 2, 0.5, 0, 1
massign 0, 1

instr 1
  icps cpsmidi
  iamp ampmidi 0.4
  kcut port chnget:k("cutoff"), 0.02
  kres chnget "resonance"
  kgain port chnget:k("gain"), 0.02
  kenv madsr 0.01, 0.2, 0.7, 0.3
  asig vco2 iamp, icps
  asig moogladder asig, kcut, kres
  asig *= kenv * kgain
  outs asig, asig
endin
</CsInstruments>
</CsoundSynthesizer>
`;

const isOffline = (context: BaseAudioContext): boolean =>
  typeof OfflineAudioContext !== 'undefined' && context instanceof OfflineAudioContext;

/** Resolves once a realtime context runs (at once for a running or offline one). */
function whenRunning(context: BaseAudioContext): Promise<void> {
  if (isOffline(context) || context.state === 'running') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (context.state === 'running' || context.state === 'closed') {
        context.removeEventListener('statechange', check);
        if (context.state === 'running') resolve();
        else reject(new CsoundError('csound-wasm/wam', CSOUND_ERROR, 'the AudioContext was closed'));
      }
    };
    context.addEventListener('statechange', check);
  });
}

/** The processor module, added once per context. */
const processorModules = new WeakMap<BaseAudioContext, Promise<void>>();
let processorUrl: string | null = null;

function addProcessorModule(context: BaseAudioContext): Promise<void> {
  let added = processorModules.get(context);
  if (added === undefined) {
    processorUrl ??= URL.createObjectURL(new Blob([__CSOUND_WASM_WAM_PROCESSOR_SOURCE__], { type: 'text/javascript' }));
    added = context.audioWorklet.addModule(processorUrl);
    processorModules.set(context, added);
  }
  return added;
}

/** Bytes of one MIDI message by its status byte (0 for what Csound's MIDI input does not take). */
function midiLength(status: number): number {
  if (status < 0x80) return 0;
  if (status < 0xc0 || (status >= 0xe0 && status < 0xf0)) return 3;
  if (status < 0xe0) return 2;
  if (status === 0xf1 || status === 0xf3) return 2;
  if (status === 0xf2) return 3;
  return status === 0xf0 || status === 0xf7 ? 0 : 1;
}

/** One CSD compiled into its own Csound and performed in the host's context. */
class WamEngine {
  readonly csound: Csound;
  readonly csd: string;
  readonly summary: CsdSummary;
  readonly parameters: CsoundWamParameterInfo[];
  readonly processorEngine: ProcessorEngine;
  /** Input-to-output latency in frames: ksmps. */
  readonly latencyFrames: number;
  readonly latencySeconds: number;
  private readonly context: BaseAudioContext;
  private readonly byId: Map<string, CsoundWamParameterInfo>;
  private readonly views = new Map<string, Float64Array>();
  private thread: CsoundPerformanceThread | null = null;
  private destroyed = false;
  private midiFailed = false;

  private constructor(context: BaseAudioContext, csound: Csound, csd: string, summary: CsdSummary) {
    this.context = context;
    this.csound = csound;
    this.csd = csd;
    this.summary = summary;
    this.latencyFrames = csound.ksmps();
    this.latencySeconds = this.latencyFrames / csound.sr();
    const [channels] = csound.listChannels();
    this.parameters = channels
      .filter((c) => (c.type & CSOUND_CHANNEL_TYPE_MASK) === CSOUND_CONTROL_CHANNEL && (c.type & CSOUND_INPUT_CHANNEL) !== 0)
      .filter((c) => !isTransportChannel(c.name))
      .map((c) => new CsoundWamParameterInfo(c.name, c.hints));
    this.byId = new Map(this.parameters.map((p) => [p.id, p]));
    const address = (name: string, type: number): number => {
      const [view] = csound.channelPtr(name, type);
      if (view === null) return 0;
      this.views.set(name, view);
      return view.byteOffset;
    };
    const parameterAddresses = channels
      .filter((c) => this.byId.has(c.name))
      .map((c) => ({ info: this.byId.get(c.name)!, address: address(c.name, c.type & 0xff) }));
    for (const p of this.parameters) csound.setControlChannel(p.id, p.defaultValue);
    const transportType = CSOUND_CONTROL_CHANNEL | CSOUND_INPUT_CHANNEL;
    const transportDefaults: Record<string, number> = {
      [TRANSPORT_CHANNELS.tempo]: 120,
      [TRANSPORT_CHANNELS.timeSigNumerator]: 4,
      [TRANSPORT_CHANNELS.timeSigDenominator]: 4,
    };
    const transport = {
      tempo: address(TRANSPORT_CHANNELS.tempo, transportType),
      playing: address(TRANSPORT_CHANNELS.playing, transportType),
      bar: address(TRANSPORT_CHANNELS.bar, transportType),
      barStarted: address(TRANSPORT_CHANNELS.barStarted, transportType),
      timeSigNumerator: address(TRANSPORT_CHANNELS.timeSigNumerator, transportType),
      timeSigDenominator: address(TRANSPORT_CHANNELS.timeSigDenominator, transportType),
    };
    for (const [name, value] of Object.entries(transportDefaults)) csound.setControlChannel(name, value);
    this.processorEngine = {
      memory: csound.wasmMemory() as WebAssembly.Memory,
      parameters: parameterAddresses.map(({ info, address: at }) => ({
        id: info.id,
        address: at,
        min: info.minValue,
        max: info.maxValue,
        exponent: info.exponent,
        integer: info.discreteStep > 0,
      })),
      transport,
      midi: summary.readsMidi,
    };
  }

  /** Compiles and starts the CSD at the context's sample rate (the performer starts later: start()). */
  static async create(context: BaseAudioContext, csd: string, options: CsoundWamOptions): Promise<WamEngine> {
    if (typeof csd !== 'string' || csd.trim() === '') {
      throw new CsoundError('csound-wasm/wam', CSOUND_ERROR, 'the plugin needs CSD text');
    }
    const summary = describeCsd(csd);
    const csound = await Csound.create({ wasmUrl: options.wasmUrl, workletUrl: options.workletUrl, messages: options.messages });
    try {
      csound.setOption(`--sample-rate=${context.sampleRate}`);
      // MIDI input is opened only for a CSD that reads it: Csound would otherwise start instrument n for a note on
      // channel n.
      if (summary.readsMidi) csound.setOption('-M0');
      csound.compileCsdText(endlessCsd(csd));
      csound.start();
      return new WamEngine(context, csound, csd, summary);
    } catch (error) {
      csound.destroy();
      throw error;
    }
  }

  get inputs(): number {
    return this.csound.channels(true) > 0 && this.summary.inputs > 0 ? this.csound.channels(true) : 0;
  }

  info(id: string): CsoundWamParameterInfo | undefined {
    return this.byId.get(id);
  }

  value(id: string): number {
    const view = this.views.get(id);
    return view !== undefined ? view[0] : this.csound.controlChannel(id)[0];
  }

  setValue(id: string, value: number, normalized = false): void {
    const info = this.byId.get(id);
    if (info === undefined) return;
    this.csound.setControlChannel(id, normalized ? info.denormalize(value) : info.clamp(value));
  }

  pushMidi(bytes: ArrayLike<number>): void {
    if (!this.summary.readsMidi || this.destroyed) return;
    const status = bytes[0];
    const length = midiLength(status);
    if (length === 0 || bytes.length < length) return;
    const message: number[] = [];
    for (let i = 0; i < length; i++) message.push(Math.max(0, Math.min(255, Math.trunc(Number(bytes[i])))));
    for (let i = 1; i < length; i++) message[i] &= 0x7f;
    try {
      this.csound.pushMidi(message);
    } catch (error) {
      if (!this.midiFailed) console.error(`csound-wasm/wam: MIDI not delivered: ${String(error)}`);
      this.midiFailed = true;
    }
  }

  /**
   * Starts the performer once the context runs and resolves with its node, disconnected and held silent: the
   * caller wires it, then calls resume().
   */
  async start(): Promise<AudioWorkletNode> {
    await whenRunning(this.context);
    if (this.destroyed) throw new CsoundError('csound-wasm/wam', CSOUND_ERROR, 'the plugin was destroyed');
    const thread = new CsoundPerformanceThread(this.csound, { audioContext: this.context });
    this.thread = thread;
    const started = thread.play();
    // Paused before the performer is up, it stays silent after play() connects it to the context's destination,
    // until resume(): the plugin's own output goes only where the host connects it.
    thread.pause();
    await started;
    const node = thread.audioNode() as AudioWorkletNode;
    node.disconnect();
    // destroy() meanwhile has stopped the thread already.
    if (this.destroyed) throw new CsoundError('csound-wasm/wam', CSOUND_ERROR, 'the plugin was destroyed');
    return node;
  }

  resume(): void {
    void this.thread?.play();
  }

  /** Stops the performer; the Csound instance is freed once the performer has let go of it. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.thread === null) this.csound.destroy();
    else this.stopThread();
  }

  private stopThread(): void {
    const thread = this.thread!;
    thread.stop();
    // In a suspended context the performer ends only when the context runs again; until then the instance stays.
    void thread.join().then(() => this.csound.destroy());
  }
}

type Connection = [destination: AudioNode | AudioParam, output?: number, input?: number];

function connectFrom(source: AudioNode, [destination, output, input]: Connection): void {
  if (destination instanceof AudioParam) source.connect(destination, output);
  else source.connect(destination, output, input);
}

let instances = 0;

// AudioNode's own connect and disconnect, for the node's internal wiring (the node overrides both for the host).
const baseConnect = AudioNode.prototype.connect as (this: AudioNode, destination: AudioNode) => AudioNode;
const baseDisconnect = AudioNode.prototype.disconnect as (this: AudioNode, destination?: AudioNode) => void;

/**
 * The plugin's audio node (WAM API's WamNode): connect it like any AudioNode; parameters, state and events go
 * through the methods below. It also gives the Csound instance itself (csound()).
 */
export class CsoundWamNode extends AudioWorkletNode {
  readonly module: CsoundWebAudioModule;
  private engine: WamEngine;
  private performer: AudioWorkletNode | null = null;
  private readonly connections: Connection[] = [];
  private readonly keepAlive: GainNode;
  private readonly syncs = new Map<number, () => void>();
  private nextSync = 1;
  private destroyed = false;
  /** Counts engine replacements (setState with another CSD), so a GUI knows to rebuild. */
  private generation = 0;

  /** @internal Made by CsoundWebAudioModule.createAudioNode(). */
  constructor(module: CsoundWebAudioModule, engine: WamEngine) {
    const inputs = Math.max(1, engine.inputs);
    super(module.audioContext, WAM_PROCESSOR_NAME, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [inputs],
      channelCount: inputs,
      channelCountMode: 'explicit',
      processorOptions: {
        groupId: module.groupId,
        moduleId: module.moduleId,
        instanceId: module.instanceId,
        engine: engine.processorEngine,
        latency: engine.latencySeconds,
      },
    });
    this.module = module;
    this.engine = engine;
    this.port.onmessage = (message: MessageEvent<FromProcessor>) => this.onProcessorMessage(message.data);
    // The processor must run every quantum, also when nothing is connected to the plugin's input: a silent path
    // to the destination keeps it in the rendering graph.
    this.keepAlive = new GainNode(module.audioContext, { gain: 0 });
    baseConnect.call(this, this.keepAlive);
    this.keepAlive.connect(module.audioContext.destination);
  }

  get groupId(): string {
    return this.module.groupId;
  }

  get moduleId(): string {
    return this.module.moduleId;
  }

  get instanceId(): string {
    return this.module.instanceId;
  }

  /** The Csound instance that performs the CSD (channels, score events, tables...). */
  csound(): Csound {
    return this.engine.csound;
  }

  /** The CSD text the plugin performs. */
  csd(): string {
    return this.engine.csd;
  }

  // ------------------------------------------------------------------ audio connections (the performer's output)

  override connect(destination: AudioNode, output?: number, input?: number): AudioNode;
  override connect(destination: AudioParam, output?: number): void;
  override connect(destination: AudioNode | AudioParam, output?: number, input?: number): AudioNode | void {
    if (output !== undefined && output !== 0) throw new DOMException(`output ${output} does not exist`, 'IndexSizeError');
    const connection: Connection = [destination, output, input];
    if (this.performer !== null) connectFrom(this.performer, connection);
    this.connections.push(connection);
    return destination instanceof AudioNode ? destination : undefined;
  }

  override disconnect(): void;
  override disconnect(output: number): void;
  override disconnect(destination: AudioNode | AudioParam, output?: number, input?: number): void;
  override disconnect(target?: number | AudioNode | AudioParam, output?: number, input?: number): void {
    const matches = (c: Connection): boolean => {
      if (target === undefined || typeof target === 'number') return true;
      return c[0] === target && (output === undefined || (c[1] ?? 0) === output) && (input === undefined || (c[2] ?? 0) === input);
    };
    const kept = this.connections.filter((c) => !matches(c));
    if (typeof target === 'object' && kept.length === this.connections.length) {
      throw new DOMException('the plugin is not connected to that destination', 'InvalidAccessError');
    }
    this.connections.splice(0, this.connections.length, ...kept);
    if (this.performer !== null) {
      this.performer.disconnect();
      for (const c of kept) connectFrom(this.performer, c);
    }
  }

  // ------------------------------------------------------------------ WAM API

  async getParameterInfo(...parameterIds: string[]): Promise<WamParameterInfoMap> {
    const map: WamParameterInfoMap = {};
    for (const info of this.engine.parameters) {
      if (parameterIds.length === 0 || parameterIds.includes(info.id)) map[info.id] = info;
    }
    return map;
  }

  async getParameterValues(normalized = false, ...parameterIds: string[]): Promise<WamParameterDataMap> {
    const map: WamParameterDataMap = {};
    for (const info of this.engine.parameters) {
      if (parameterIds.length > 0 && !parameterIds.includes(info.id)) continue;
      const value = this.engine.value(info.id);
      map[info.id] = { id: info.id, value: normalized ? info.normalize(value) : value, normalized };
    }
    return map;
  }

  async setParameterValues(parameterValues: WamParameterDataMap): Promise<void> {
    for (const data of Object.values(parameterValues)) this.engine.setValue(data.id, data.value, data.normalized);
  }

  async getState(): Promise<CsoundWamState> {
    const parameters: Record<string, number> = {};
    for (const info of this.engine.parameters) parameters[info.id] = this.engine.value(info.id);
    return { csd: this.engine.csd, parameters };
  }

  /**
   * Restores what getState() returned: another CSD text recompiles the plugin (its parameters change with it),
   * then the parameter values are set. Also takes the WAM SDK's form, { parameterValues }.
   */
  async setState(state: Partial<CsoundWamState> & { parameterValues?: WamParameterDataMap }): Promise<void> {
    if (state === null || typeof state !== 'object') return;
    if (typeof state.csd === 'string' && state.csd !== this.engine.csd) await this.replaceEngine(state.csd);
    if (state.parameters) {
      for (const [id, value] of Object.entries(state.parameters)) {
        if (typeof value === 'number') this.engine.setValue(id, value);
      }
    }
    if (state.parameterValues) await this.setParameterValues(state.parameterValues);
  }

  /** The plugin's latency in samples: ksmps (audio input reaches the output one k-cycle later). */
  async getCompensationDelay(): Promise<number> {
    return this.engine.latencyFrames;
  }

  scheduleEvents(...events: WamEvent[]): void {
    if (events.length > 0) this.post({ type: 'events', events });
  }

  clearEvents(): void {
    this.post({ type: 'clear' });
  }

  connectEvents(toId: string, output = 0): void {
    this.post({ type: 'connect', toId, output });
  }

  disconnectEvents(toId?: string, output?: number): void {
    this.post({ type: 'disconnect', toId, output });
  }

  /**
   * Resolves once the processor has received every message sent before (events scheduled so far are in its
   * queue). An extra of this plugin, for hosts and tests that render offline.
   */
  sync(): Promise<void> {
    const id = this.nextSync++;
    return new Promise((resolve) => {
      this.syncs.set(id, resolve);
      this.post({ type: 'sync', id });
    });
  }

  /** Stops the performance, leaves the event graph and the audio graph. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.post({ type: 'destroy' });
    this.port.close();
    this.performer?.disconnect();
    this.performer = null;
    baseDisconnect.call(this);
    this.keepAlive.disconnect();
    this.connections.length = 0;
    this.engine.destroy();
    for (const resolve of this.syncs.values()) resolve();
    this.syncs.clear();
  }

  // ------------------------------------------------------------------ internals

  /** @internal Starts the engine's performer and routes it (the WAM resolves initialize() after it runs). */
  startPerformer(): Promise<void> {
    const engine = this.engine;
    return engine.start().then((performer) => {
      if (this.destroyed || engine !== this.engine) {
        engine.destroy();
        return;
      }
      const previous = this.performer;
      if (previous !== null) {
        previous.disconnect();
        if (previous.numberOfInputs > 0) baseDisconnect.call(this, previous);
      }
      this.performer = performer;
      if (performer.numberOfInputs > 0) baseConnect.call(this, performer);
      for (const c of this.connections) connectFrom(performer, c);
      engine.resume();
    });
  }

  /** @internal The parameters as they are now (the GUI). */
  parameterList(): CsoundWamParameterInfo[] {
    return this.engine.parameters;
  }

  /** @internal The value of a parameter now, read from the channel (the GUI). */
  parameterValue(id: string): number {
    return this.engine.value(id);
  }

  /** @internal Sets a parameter at once (the GUI). */
  setParameterValue(id: string, value: number): void {
    this.engine.setValue(id, value);
  }

  /** @internal Changes when setState() replaced the CSD (the GUI rebuilds). */
  engineGeneration(): number {
    return this.generation;
  }

  private async replaceEngine(csd: string): Promise<void> {
    const previous = this.engine;
    const next = await WamEngine.create(this.context, csd, this.module.options);
    if (this.destroyed) {
      next.destroy();
      return;
    }
    this.engine = next;
    this.generation++;
    this.post({ type: 'engine', engine: next.processorEngine, latency: next.latencySeconds });
    const started = this.startPerformer();
    const previousPerformer = this.performer;
    // The old performance plays on until the new one is wired (or, in a suspended context, stops at once).
    await (isOffline(this.context) || this.context.state === 'running' ? started : Promise.resolve());
    if (this.performer === previousPerformer && previousPerformer !== null) {
      previousPerformer.disconnect();
      if (previousPerformer.numberOfInputs > 0) baseDisconnect.call(this, previousPerformer);
      this.performer = null;
    }
    previous.destroy();
  }

  private post(message: ToProcessor): void {
    if (!this.destroyed || message.type === 'destroy') this.port.postMessage(message);
  }

  private onProcessorMessage(message: FromProcessor): void {
    if (message.type === 'sync') {
      this.syncs.get(message.id)?.();
      this.syncs.delete(message.id);
      return;
    }
    for (const event of message.events) {
      if (event.type === 'wam-midi' || event.type === 'wam-mpe') this.engine.pushMidi(event.data.bytes);
      this.dispatchEvent(new CustomEvent(event.type, { bubbles: true, detail: event }));
    }
  }
}

/**
 * A Web Audio Module: the class a WAM's ES module exports by default. This one performs the CSD in its static
 * `csd` (DEFAULT_CSD, a small MIDI synth), or the `csd` of the initial state; createCsoundWam() makes one for a
 * given CSD.
 */
export class CsoundWebAudioModule {
  /** The CSD an instance performs (unless its initial state has another). */
  static csd: string = DEFAULT_CSD;
  /** How instances load and describe themselves. */
  static options: CsoundWamOptions = {};

  static get isWebAudioModuleConstructor(): boolean {
    return true;
  }

  /** The descriptor, read from `csd` and `options` without compiling anything. */
  static get descriptor(): WamDescriptor {
    return csdDescriptor(this.csd, this.options);
  }

  /** Creates and initializes an instance: what WAM hosts call. */
  static async createInstance<T extends CsoundWebAudioModule>(
    this: new (groupId: string, audioContext: BaseAudioContext) => T,
    groupId: string,
    audioContext: BaseAudioContext,
    initialState?: Partial<CsoundWamState>,
  ): Promise<T> {
    return new this(groupId, audioContext).initialize(initialState) as Promise<T>;
  }

  readonly groupId: string;
  readonly audioContext: BaseAudioContext;
  readonly instanceId: string;
  initialized = false;
  private node: CsoundWamNode | null = null;
  private csdText: string;
  private readonly guis = new WeakMap<Element, () => void>();
  private described: { csd: string; descriptor: WamDescriptor } | null = null;
  private identifier: string | null = null;

  constructor(groupId: string, audioContext: BaseAudioContext) {
    this.groupId = groupId;
    this.audioContext = audioContext;
    this.csdText = (this.constructor as typeof CsoundWebAudioModule).csd;
    this.instanceId = `${this.moduleId}.${++instances}.${Math.random().toString(36).slice(2, 10)}`;
  }

  get isWebAudioModule(): boolean {
    return true;
  }

  /** How the plugin was made: the class's options. */
  get options(): CsoundWamOptions {
    return (this.constructor as typeof CsoundWebAudioModule).options;
  }

  /** Read from the CSD being performed (after setState with another CSD: that one). */
  get descriptor(): WamDescriptor {
    const csd = this.node?.csd() ?? this.csdText;
    if (this.described?.csd !== csd) this.described = { csd, descriptor: csdDescriptor(csd, this.options) };
    return this.described.descriptor;
  }

  /** The plugin's identifier: that of the class's CSD, whatever the instance performs. */
  get moduleId(): string {
    this.identifier ??= csdDescriptor((this.constructor as typeof CsoundWebAudioModule).csd, this.options).identifier;
    return this.identifier;
  }

  get name(): string {
    return this.descriptor.name;
  }

  get vendor(): string {
    return this.descriptor.vendor;
  }

  get audioNode(): CsoundWamNode {
    if (this.node === null) throw new CsoundError('csound-wasm/wam', CSOUND_ERROR, 'initialize() the plugin first');
    return this.node;
  }

  set audioNode(node: CsoundWamNode) {
    this.node = node;
  }

  /**
   * Compiles the CSD (the initial state's, if it has one), sets the state's parameter values and starts the
   * performance. Resolves once it performs; in a realtime context that is not running yet (before a user
   * gesture), at once, and the performance starts when the context runs.
   */
  async createAudioNode(initialState?: Partial<CsoundWamState>): Promise<CsoundWamNode> {
    if (typeof crossOriginIsolated !== 'undefined' && !crossOriginIsolated) {
      throw new CsoundError('csound-wasm/wam', CSOUND_ERROR, 'the host page is not cross-origin isolated, so the ' +
        'audio thread cannot share the engine\'s memory: serve it with "Cross-Origin-Opener-Policy: same-origin" ' +
        'and "Cross-Origin-Embedder-Policy: require-corp"');
    }
    const csd = typeof initialState?.csd === 'string' ? initialState.csd : this.csdText;
    this.csdText = csd;
    const engine = await WamEngine.create(this.audioContext, csd, this.options);
    try {
      await addProcessorModule(this.audioContext);
    } catch (error) {
      engine.destroy();
      throw error;
    }
    const node = new CsoundWamNode(this, engine);
    if (initialState) await node.setState({ parameters: initialState.parameters });
    const started = node.startPerformer();
    if (isOffline(this.audioContext) || this.audioContext.state === 'running') {
      await started;
    } else {
      started.catch((error: unknown) => console.error(`csound-wasm/wam: the performance did not start: ${String(error)}`));
    }
    return node;
  }

  async initialize(state?: Partial<CsoundWamState>): Promise<this> {
    if (this.node === null) this.node = await this.createAudioNode(state);
    this.initialized = true;
    return this;
  }

  /** Sliders for the parameters, made from their hints (a <div> with its own shadow root and styles). */
  async createGui(): Promise<HTMLElement> {
    const { element, dispose } = createParameterGui(this.audioNode, this.descriptor.name);
    this.guis.set(element, dispose);
    return element;
  }

  destroyGui(gui: Element): void {
    this.guis.get(gui)?.();
    this.guis.delete(gui);
  }
}

/**
 * Makes a WebAudioModule class that performs `csd`: a plugin's ES module does
 * `export default createCsoundWam(csdText, { name: 'My synth' })`.
 */
export function createCsoundWam(csd: string, options: CsoundWamOptions = {}): typeof CsoundWebAudioModule {
  if (typeof csd !== 'string' || csd.trim() === '') {
    throw new CsoundError('createCsoundWam', CSOUND_ERROR, 'csd must be the text of a CSD');
  }
  return class CsoundWam extends CsoundWebAudioModule {
    static override csd = csd;
    static override options = { ...options };
  };
}

export default CsoundWebAudioModule;
