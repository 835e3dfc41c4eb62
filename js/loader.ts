// Loads the engine: the wasm is compiled once per process (per URL) and every Csound instance instantiates that
// compiled module on a memory of its own, so a second instance costs milliseconds, and one instance's failure
// cannot corrupt another. Each memory is a shared WebAssembly.Memory: the performer (audio thread or worker)
// instantiates the same module on it. Where the wasm comes from is the platform layer's business.
import { CsoundError } from './errors.js';
import { platform, type CompiledEngine } from './platform.js';
import type { EngineModule } from './engine-module.js';
import { installRawwaves } from './stk-rawwaves.js';
import { installProcStat } from './proc-stat.js';

// Must match the link flags in CMakeLists.txt (-sINITIAL_MEMORY, -sMAXIMUM_MEMORY), in 64 KiB pages.
const INITIAL_PAGES = 512;
export const MAXIMUM_PAGES = 32768;

const compiled = new Map<string, Promise<CompiledEngine>>();

/** The compiled module, compiled on first use of each `wasmUrl` (undefined: the package's own wasm). */
export function compiledEngine(wasmUrl?: string | URL): Promise<CompiledEngine> {
  const key = wasmUrl === undefined ? '' : String(wasmUrl);
  let entry = compiled.get(key);
  if (entry === undefined) {
    entry = platform()
      .compileEngine(wasmUrl)
      .catch((cause: unknown) => {
        compiled.delete(key);
        const detail = cause instanceof Error ? cause.message : String(cause);
        throw new CsoundError('load', -1, `cannot load the wasm engine: ${detail}`);
      });
    compiled.set(key, entry);
  }
  return entry;
}

export interface LoadedEngine {
  module: EngineModule;
  memory: WebAssembly.Memory;
  wasmModule: WebAssembly.Module;
}

/** A new engine instance on its own shared memory; `print` receives what C code writes to stdout/stderr. */
export async function instantiateEngine(
  print: (text: string, isError: boolean) => void,
  wasmUrl?: string | URL,
): Promise<LoadedEngine> {
  if (typeof SharedArrayBuffer === 'undefined') {
    // A page that is not cross-origin isolated hides the SharedArrayBuffer global, yet a shared
    // WebAssembly.Memory still works on its own thread; the glue tests buffers against that global, so restore
    // it from such a memory. (Handing the memory to another thread still fails there: play() says why.)
    const probe = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    (globalThis as Record<string, unknown>).SharedArrayBuffer = probe.buffer.constructor;
  }
  const { factory, module: wasmModule } = await compiledEngine(wasmUrl);
  const memory = new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: MAXIMUM_PAGES, shared: true });
  const module = await factory({
    wasmMemory: memory,
    instantiateWasm(imports, receive) {
      void platform().instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule));
      return {};
    },
    print: (text) => print(text, false),
    printErr: (text) => print(text, true),
    quit: (_status, toThrow) => {
      throw toThrow;
    },
  });
  // STK's rawwaves: loaded into the file system when an STK instrument first looks for one.
  installRawwaves(module, () => new Uint8Array(memory.buffer), () => platform().stkRawwaves(wasmUrl), (text) =>
    print(text, true));
  // /proc/stat for cpumeter, from the host's CPU times.
  installProcStat(module.FS, () => platform().cpuTimes());
  return { module, memory, wasmModule };
}
