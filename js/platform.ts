// What differs between Node and browsers. The entry module installs one implementation: js/index.ts the Node one
// (platform-node.ts), js/browser.ts the browser one (platform-browser.ts). So the browser bundle holds no Node code
// (no `node:*` import, no worker_threads) and the Node entry no browser-only code, and the shared modules ask this
// one place instead of testing for `process` here and there.
import type { EngineFactory } from './engine-module.js';
import type { MessageKind } from './message-kind.js';
import type { PerformerLink } from './performer-control.js';
import type { CpuTimes } from './proc-stat.js';

export interface CompiledEngine {
  factory: EngineFactory;
  module: WebAssembly.Module;
}

/** A running Node performer worker. */
export interface WorkerPerformer {
  /** Resolves once the worker has attached to the instance and performs; rejects when it could not start. */
  started: Promise<void>;
  /** Resolves when the worker has exited, with the status it reported (null when it reported none). */
  exited: Promise<number | null>;
  /** Ends the worker at once, wherever it is (a k-cycle that never returns). */
  terminate(): Promise<void>;
  /** What the worker reported when Csound threw inside it (a trap), once it has exited; null when nothing threw. */
  failure(): string | null;
}

export interface WorkerHooks {
  /** The worker asked the host thread to run a file-system call for it. */
  onFileSystemCall(): void;
  /** The worker failed (an exception or a trap); `message` says how. */
  onError(message: string): void;
}

export interface Platform {
  readonly name: 'node' | 'browser';
  /** Compiles the engine's wasm, from `wasmUrl` or from where the package keeps it. */
  compileEngine(wasmUrl: string | URL | undefined): Promise<CompiledEngine>;
  /**
   * Instantiates the compiled engine. Node does it synchronously: V8's asynchronous instantiation waits behind the
   * background tier-up of the module the previous instance made hot (≈50 ms for a second instance on 2 cores, 5–9
   * ms synchronously). Browsers must stay asynchronous (Chromium refuses a large synchronous instantiation on the
   * main thread).
   */
  instantiate(module: WebAssembly.Module, imports: WebAssembly.Imports): Promise<WebAssembly.Instance>;
  /** Where Csound's messages go when no callback or buffer takes them. */
  writeMessage(text: string, kind: MessageKind, stream: 'stdout' | 'stderr'): void;
  /** Node: starts the performer worker on the instance's shared memory. */
  startWorker?(link: PerformerLink, hooks: WorkerHooks): WorkerPerformer;
  /**
   * The AudioWorklet module (`override`, or the package's own): browser, a URL (by default a Blob URL of the
   * embedded module); Node, a file path (by default dist/worklet.js), as node-web-audio-api's addModule() takes.
   */
  workletUrl?(override: string | URL | undefined): string;
  /**
   * Node: the AudioWorkletNode class for `context`, from node-web-audio-api (an optional peer dependency, loaded on
   * first use). Rejects with a CsoundError that says to install it when it is missing, or when `context` is not
   * one of its contexts.
   */
  audioWorkletNodeClass?(context: object): Promise<typeof AudioWorkletNode>;
  /**
   * The bytes of stk-rawwaves.bin (STK's rawwaves, js/stk-rawwaves.ts), synchronously: next to `wasmUrl` when one
   * was given, else next to the package's wasm. Throws, saying where it looked, when it is not there.
   */
  stkRawwaves(wasmUrl: string | URL | undefined): Uint8Array;
  /** The CPU times /proc/stat shows (cpumeter, js/proc-stat.ts): Node the machine's CPUs, a browser the audio thread. */
  cpuTimes(): CpuTimes[];
}

let installed: Platform | null = null;

export function installPlatform(platform: Platform): void {
  installed = platform;
}

export function platform(): Platform {
  if (installed === null) {
    throw new Error('csound-wasm: import the package by its name (its entry installs the platform layer)');
  }
  return installed;
}
