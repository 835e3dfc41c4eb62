// Attaches a second instance of the engine module to a Csound instance's shared memory, on the thread that will
// perform it (a Node worker now; the AudioWorklet uses the same steps). The glue runs in its pthread mode, so it
// neither re-runs constructors nor re-initializes memory; the thread block made by the host thread
// (csound_wasm_thread_create) gives this thread its identity, stack and TLS.
import type { EngineFactory } from './engine-module.js';

export interface PerformerModule {
  /** `ring`: the record ring; `output`: the host's output ring (0 for none). */
  _csound_wasm_perform(csound: number, count: number, ring: number, output: number): number;
}

interface PthreadModule extends PerformerModule {
  __emscripten_thread_init(thread: number, isMain: number, isRuntime: number, canBlock: number, profile: number): void;
  establishStackSpace(): void;
  _emscripten_tls_init(): number;
}

export interface AttachOptions {
  factory: EngineFactory;
  wasmModule: WebAssembly.Module;
  memory: WebAssembly.Memory;
  /** The thread block from csound_wasm_thread_create. */
  thread: number;
  /** True where this thread may block (a worker); false on an audio thread. */
  canBlock: boolean;
}

/**
 * Synchronous, so an AudioWorkletProcessor is ready from its first process() call: the factory's argument becomes
 * the module object, and with a synchronous instantiateWasm its exports are in place when the factory returns.
 */
export function attachPerformer(options: AttachOptions): PerformerModule {
  const { factory, wasmModule, memory, thread, canBlock } = options;
  const module: Record<string, unknown> = {
    ENVIRONMENT_IS_PTHREAD: true,
    wasmMemory: memory,
    wasmModule,
    instantiateWasm(imports: WebAssembly.Imports, receive: (i: WebAssembly.Instance, m: WebAssembly.Module) => void) {
      const instance = new WebAssembly.Instance(wasmModule, imports);
      receive(instance, wasmModule);
      return instance.exports;
    },
    print: () => {},
    printErr: () => {},
  };
  void (factory as unknown as (o: object) => Promise<unknown>)(module);
  const performer = module as unknown as PthreadModule;
  if (typeof performer._csound_wasm_perform !== 'function') {
    throw new Error('the engine module did not instantiate synchronously');
  }
  performer.__emscripten_thread_init(thread, 0, 0, canBlock ? 1 : 0, 0);
  performer.establishStackSpace();
  performer._emscripten_tls_init();
  return performer;
}
