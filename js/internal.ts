// Package-internal link between a Csound object and its performer (not exported from index.ts).
import type { EngineModule } from './engine-module.js';

export const hostLink = Symbol('csound-wasm.hostLink');

export interface HostLink {
  module: EngineModule;
  memory: WebAssembly.Memory;
  wasmModule: WebAssembly.Module;
  handle: number;
  /** Routes the messages printed since the last call (by either thread). */
  flushMessages(): void;
  /** While a performer runs, events and orchestra compiles take Csound's thread-safe (async) paths. */
  setPerforming(performing: boolean): void;
}
