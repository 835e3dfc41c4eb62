// Attaches a second instance of the engine module to a Csound instance's shared memory, on the thread that will
// perform it (a Node worker now; the AudioWorklet uses the same steps). The glue runs in its pthread mode, so it
// neither re-runs constructors nor re-initializes memory; the thread block made by the host thread
// (csound_wasm_thread_create) gives this thread its identity, stack and TLS.
import type { EngineFactory } from './engine-module.js';

export interface PerformerModule {
  /** `ring`: the record ring; `output`: the host's output ring (0 for none). */
  _csound_wasm_perform(csound: number, count: number, ring: number, output: number): number;
  /**
   * Audio thread only: adds `ms` spent performing to the busy time this thread reports, with the time since it
   * attached, to cpumeter, which reads them as its /proc/stat (cpp/audio_thread_cpu.c), since the file system's
   * cannot be read from this thread. Called once per audio quantum (not per k-cycle: with ksmps = 1 the clock reads
   * and the extra call per k-cycle cost more than the k-cycle).
   */
  addBusyTime?(ms: number): void;
}

interface PthreadModule extends PerformerModule {
  __emscripten_thread_init(thread: number, isMain: number, isRuntime: number, canBlock: number, profile: number): void;
  establishStackSpace(): void;
  _emscripten_tls_init(): number;
  stackSave(): number;
  stackRestore(sp: number): void;
  _csound_wasm_exit_jump_escaped(csound: number): number;
  _csound_wasm_audio_thread_times(busyMs: number, wallMs: number): void;
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
  const perform = catchExitJump(performer);
  if (canBlock) return { _csound_wasm_perform: perform };
  return { _csound_wasm_perform: perform, addBusyTime: busyTimeReporter(performer) };
}

/** The audio thread's addBusyTime: busy and elapsed ms (elapsed from Date.now(), the clock every thread has). */
function busyTimeReporter(performer: PthreadModule): (ms: number) => void {
  const start = Date.now();
  let busy = 0;
  // Reported before the first k-cycle too: a cpumeter that starts at once opens this thread's /proc/stat.
  performer._csound_wasm_audio_thread_times(0, 0);
  return (ms) => {
    busy += ms;
    performer._csound_wasm_audio_thread_times(busy, Date.now() - start);
  };
}

/**
 * exitnow (or a fatal error) ends a k-cycle with a longjmp to Csound's exit target, which csoundPerformKsmps sets in
 * its first call only: from the second k-cycle on the jump has no live target, and Emscripten throws it to JS as a
 * bare Infinity. This thread does not set a target per call (a setjmp allocates on every call, and the audio thread
 * must not take the allocator's lock), so the jump is caught here: the C stack pointer goes back to where the call
 * started, and the call returns what csoundPerform returns after such a jump (positive after exitnow: the
 * performance has ended; negative after a fatal error). js/csound.ts does the same for the host thread's calls.
 */
function catchExitJump(performer: PthreadModule): PerformerModule['_csound_wasm_perform'] {
  return (csound, count, ring, output) => {
    const sp = performer.stackSave();
    try {
      // Read from the module on each call: the glue's export wrapper (which calls through .apply) puts the wasm
      // export itself in its place at its first call.
      return performer._csound_wasm_perform(csound, count, ring, output);
    } catch (error) {
      if (error !== Infinity) throw error;
      performer.stackRestore(sp);
      const code = performer._csound_wasm_exit_jump_escaped(csound);
      if (code === 0) throw new Error('a longjmp with no target escaped from Csound (no exit jump was recorded)');
      return code;
    }
  };
}
