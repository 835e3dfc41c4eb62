// The messages and options shared by the WAM node (js/wam.ts, main thread) and its processor
// (worklet/wam-processor.ts, audio thread). Types and one constant only: each side bundles it separately.
import type { WamEvent } from './wam-types.js';

/** The name the processor is registered under (once per AudioWorkletGlobalScope). */
export const WAM_PROCESSOR_NAME = 'csound-wasm-wam';

/** A parameter as the processor needs it: where its channel lives and how to denormalize a value. */
export interface ProcessorParameter {
  id: string;
  /** Byte address of the channel's MYFLT in the engine's memory. */
  address: number;
  min: number;
  max: number;
  exponent: number;
  integer: boolean;
}

/** What the processor writes to: the Csound instance's memory and channel addresses. */
export interface ProcessorEngine {
  memory: WebAssembly.Memory;
  parameters: ProcessorParameter[];
  /** Byte addresses of the transport channels (see TRANSPORT_CHANNELS in js/wam-csd.ts). */
  transport: {
    tempo: number;
    playing: number;
    bar: number;
    barStarted: number;
    timeSigNumerator: number;
    timeSigDenominator: number;
  };
  /** Whether Csound reads MIDI (else MIDI events are dropped here). */
  midi: boolean;
}

export interface WamProcessorOptions {
  groupId: string;
  moduleId: string;
  instanceId: string;
  engine: ProcessorEngine;
  /** The plugin's latency in seconds (getCompensationDelay on this thread). */
  latency: number;
}

/** Node → processor. */
export type ToProcessor =
  | { type: 'events'; events: WamEvent[] }
  | { type: 'clear' }
  | { type: 'connect'; toId: string; output: number }
  | { type: 'disconnect'; toId?: string; output?: number }
  | { type: 'engine'; engine: ProcessorEngine | null; latency: number }
  | { type: 'sync'; id: number }
  | { type: 'destroy' };

/** Processor → node. */
export type FromProcessor = { type: 'events'; events: WamEvent[] } | { type: 'sync'; id: number };

