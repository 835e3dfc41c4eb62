// The audio-thread half of csound-wasm/wam (js/wam.ts has the design): an AudioWorkletProcessor that is the
// plugin's member of the host's WAM event graph. It joins the host's WAM group (webAudioModules, installed by the
// host's initializeWamHost), so other WAMs' processors can send it events, and it receives the events the page
// schedules through the node. Each render quantum it takes the events due before the quantum ends and
//   - automation and transport: writes the channel's new value into the Csound instance's channel memory (shared
//     memory; a 64-bit atomic store, as csoundSetControlChannel does), so the performer's next k-cycle reads it;
//   - MIDI: hands the bytes to the node's thread (the engine's MIDI queue has that thread as its one producer),
//     which calls pushMidi;
//   - all of them: reports them to the node, which fires them as events (what WAM hosts listen to).
// It passes its audio input to its output unchanged: the node routes that output into the Csound performer.
// Bundled on its own (no Csound code) and embedded as text in dist/wam.js by scripts/build-browser.mjs.
import {
  WAM_PROCESSOR_NAME,
  type FromProcessor,
  type ProcessorEngine,
  type ProcessorParameter,
  type ToProcessor,
  type WamProcessorOptions,
} from '../js/wam-protocol.js';
import type { WamEvent } from '../js/wam-types.js';

declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: unknown);
}
declare const sampleRate: number;
declare const currentTime: number;
declare function registerProcessor(name: string, ctor: new (options: { processorOptions: WamProcessorOptions }) => AudioWorkletProcessor): void;

/** The host's WamEnv on this thread (only what is used here). */
interface WamEnvLike {
  addWam(wam: object): void;
  removeWam(wam: object): void;
  connectEvents(groupId: string, fromId: string, toId: string, output?: number): void;
  disconnectEvents(groupId: string, fromId: string, toId?: string, output?: number): void;
  emitEvents(from: object, ...events: WamEvent[]): void;
}

const scope = globalThis as unknown as { webAudioModules?: WamEnvLike; __csoundWasmWamRegistered?: boolean };

/** Channel memory as 64-bit integers: Atomics needs an integer view; the double's bits go through `bits`. */
class ChannelWriter {
  private readonly memory: WebAssembly.Memory;
  private cells: BigInt64Array;
  private readonly double = new Float64Array(1);
  private readonly bits = new BigInt64Array(this.double.buffer);

  constructor(memory: WebAssembly.Memory) {
    this.memory = memory;
    this.cells = new BigInt64Array(memory.buffer);
  }

  write(address: number, value: number): void {
    if (address <= 0 || address % 8 !== 0) return;
    const index = address / 8;
    // A view keeps the length the memory had when it was made; a grown memory needs a new one.
    if (index >= this.cells.length) this.cells = new BigInt64Array(this.memory.buffer);
    if (index >= this.cells.length) return;
    this.double[0] = value;
    Atomics.store(this.cells, index, this.bits[0]);
  }
}

class CsoundWamProcessor extends AudioWorkletProcessor {
  readonly groupId: string;
  readonly moduleId: string;
  readonly instanceId: string;
  private engine: ProcessorEngine | null;
  private writer: ChannelWriter | null;
  private parameters = new Map<string, ProcessorParameter>();
  private latency: number;
  /** Pending events, sorted by time (events without a time count as 0). */
  private queue: WamEvent[] = [];
  private destroyed = false;
  private readonly env: WamEnvLike | null;

  constructor(init: { processorOptions: WamProcessorOptions }) {
    super();
    const options = init.processorOptions;
    this.groupId = options.groupId;
    this.moduleId = options.moduleId;
    this.instanceId = options.instanceId;
    this.latency = options.latency;
    this.engine = null;
    this.writer = null;
    this.setEngine(options.engine);
    this.port.onmessage = (message: MessageEvent<ToProcessor>) => this.onMessage(message.data);
    // Without a host environment (a page that uses the node directly) there is no event graph to join.
    let env: WamEnvLike | null = scope.webAudioModules ?? null;
    try {
      env?.addWam(this);
    } catch {
      env = null; // the host has no group of that id
    }
    this.env = env;
  }

  /** WAM API: the latency in seconds. */
  getCompensationDelay(): number {
    return this.latency;
  }

  /** WAM API: events from this thread (other WAMs' processors, through the host's WamGroup). */
  scheduleEvents(...events: WamEvent[]): void {
    for (const event of events) this.enqueue(event);
  }

  /** WAM API: sends events to the WAMs connected downstream (this plugin emits none itself). */
  emitEvents(...events: WamEvent[]): void {
    this.env?.emitEvents(this, ...events);
  }

  clearEvents(): void {
    this.queue = [];
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.queue = [];
    try {
      this.env?.removeWam(this);
    } catch {
      // already gone
    }
    this.port.close();
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    if (this.destroyed) return false;
    const output = outputs[0];
    const input = inputs[0];
    if (output !== undefined) {
      for (let c = 0; c < output.length; c++) {
        const from = input !== undefined && c < input.length ? input[c] : undefined;
        if (from !== undefined) output[c].set(from);
        else output[c].fill(0);
      }
    }
    if (this.queue.length > 0) this.applyDueEvents(currentTime + (output?.[0]?.length ?? 128) / sampleRate);
    return true;
  }

  private setEngine(engine: ProcessorEngine | null): void {
    this.engine = engine;
    this.writer = engine === null ? null : new ChannelWriter(engine.memory);
    this.parameters = new Map((engine?.parameters ?? []).map((p) => [p.id, p]));
  }

  private onMessage(message: ToProcessor): void {
    switch (message.type) {
      case 'events':
        for (const event of message.events) this.enqueue(event);
        break;
      case 'clear':
        this.clearEvents();
        break;
      case 'connect':
        this.env?.connectEvents(this.groupId, this.instanceId, message.toId, message.output);
        break;
      case 'disconnect':
        this.env?.disconnectEvents(this.groupId, this.instanceId, message.toId, message.output);
        break;
      case 'engine':
        this.setEngine(message.engine);
        this.latency = message.latency;
        break;
      case 'sync':
        this.port.postMessage({ type: 'sync', id: message.id } satisfies FromProcessor);
        break;
      case 'destroy':
        this.destroy();
        break;
    }
  }

  /** Keeps the queue sorted by time; events of equal time stay in arrival order. */
  private enqueue(event: WamEvent): void {
    const time = event.time ?? 0;
    let at = this.queue.length;
    while (at > 0 && (this.queue[at - 1].time ?? 0) > time) at--;
    this.queue.splice(at, 0, event);
  }

  /** Applies (and reports) the events due before `end`, the end of this quantum in context time. */
  private applyDueEvents(end: number): void {
    let due = 0;
    while (due < this.queue.length && (this.queue[due].time ?? 0) < end) due++;
    if (due === 0) return;
    const events = this.queue.splice(0, due);
    for (const event of events) this.apply(event);
    this.port.postMessage({ type: 'events', events } satisfies FromProcessor);
  }

  private apply(event: WamEvent): void {
    const writer = this.writer;
    const engine = this.engine;
    if (writer === null || engine === null) return;
    if (event.type === 'wam-automation') {
      const parameter = this.parameters.get(event.data.id);
      if (parameter === undefined) return;
      writer.write(parameter.address, denormalized(parameter, event.data.value, event.data.normalized));
    } else if (event.type === 'wam-transport') {
      const data = event.data;
      const at = engine.transport;
      writer.write(at.tempo, data.tempo);
      writer.write(at.playing, data.playing ? 1 : 0);
      writer.write(at.bar, data.currentBar);
      writer.write(at.barStarted, data.currentBarStarted);
      writer.write(at.timeSigNumerator, data.timeSigNumerator);
      writer.write(at.timeSigDenominator, data.timeSigDenominator);
    }
    // wam-midi and wam-mpe go to pushMidi on the node's thread (with the report); the others are not used.
  }
}

/** A parameter's value in its own range: clamped, denormalized with the WAM skew, rounded when integer. */
function denormalized(p: ProcessorParameter, value: number, normalized: boolean): number {
  let v = Number.isFinite(value) ? value : 0;
  if (normalized) {
    const n = Math.min(1, Math.max(0, v));
    v = p.min + (p.exponent === 0 ? n : Math.pow(n, Math.pow(1.5, p.exponent))) * (p.max - p.min);
  }
  v = Math.min(p.max, Math.max(p.min, v));
  return p.integer ? Math.round(v) : v;
}

// Each plugin instance adds this module to its context; the scope registers the processor once.
if (!scope.__csoundWasmWamRegistered) {
  scope.__csoundWasmWamRegistered = true;
  registerProcessor(WAM_PROCESSOR_NAME, CsoundWamProcessor);
}
