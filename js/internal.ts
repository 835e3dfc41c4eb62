// Package-internal link between a Csound object and its performer (not exported from index.ts).
import type { EngineModule } from './engine-module.js';

export const hostLink = Symbol('csound-wasm.hostLink');

export interface HostLink {
  module: EngineModule;
  memory: WebAssembly.Memory;
  wasmModule: WebAssembly.Module;
  handle: number;
  /** Browser: the AudioWorklet module URL given to Csound.create(), if any. */
  workletUrl: string | URL | undefined;
  /** False once the instance was destroyed or retired by a trap. */
  alive(): boolean;
  /** Routes the messages printed since the last call (by either thread). */
  flushMessages(): void;
  /**
   * Retires the instance: routes the pending messages and `reason` (as an error message), then makes every later
   * call throw a CsoundError that gives the reason. For a performer that trapped or had to be ended by force,
   * after which the engine's state (its locks, its allocator) is unknown. No-op on a retired or destroyed instance.
   */
  retire(reason: string): void;
  /**
   * Installs (or, with null, removes) the probe that says whether a performer may be inside a Csound call right
   * now. While it says so, events and orchestra compiles take Csound's thread-safe (async) paths; once the
   * performer has ended or is parked by a pause, they run synchronously again.
   */
  setPerforming(probe: (() => boolean) | null): void;
}
