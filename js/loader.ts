// Loads the engine: the wasm is compiled once per process and every Csound instance instantiates that one
// compiled module on a memory of its own, so a second instance costs milliseconds, and one instance's failure
// cannot corrupt another. Each memory is a shared WebAssembly.Memory: the performer (audio thread or worker)
// instantiates the same module on it.
import { CsoundError } from './errors.js';
import type { EngineFactory, EngineModule } from './engine-module.js';

// Must match the link flags in CMakeLists.txt (-sINITIAL_MEMORY, -sMAXIMUM_MEMORY), in 64 KiB pages.
const INITIAL_PAGES = 512;
export const MAXIMUM_PAGES = 32768;

interface CompiledEngine {
  factory: EngineFactory;
  module: WebAssembly.Module;
}

let compiled: Promise<CompiledEngine> | null = null;

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

async function compileForNode(): Promise<CompiledEngine> {
  const { createRequire } = await import('node:module');
  const { readFile } = await import('node:fs/promises');
  const require = createRequire(import.meta.url);
  const factory = require('../csound-engine.cjs') as EngineFactory;
  const bytes = await readFile(new URL('../csound-engine.wasm', import.meta.url));
  return { factory, module: await WebAssembly.compile(bytes) };
}

// Browsers (and anything else with fetch): the ES module build of the glue and a streaming compile.
async function compileForBrowser(): Promise<CompiledEngine> {
  const glueUrl = new URL('../csound-engine.mjs', import.meta.url).href;
  const { default: factory } = (await import(/* @vite-ignore */ glueUrl)) as { default: EngineFactory };
  const response = fetch(new URL('../csound-engine.wasm', import.meta.url));
  return { factory, module: await WebAssembly.compileStreaming(response) };
}

/** The compiled module, compiled on first use. */
export function compiledEngine(): Promise<CompiledEngine> {
  if (compiled === null) {
    compiled = (isNode ? compileForNode() : compileForBrowser()).catch((cause: unknown) => {
      compiled = null;
      throw new CsoundError('load', -1, `cannot load the wasm engine: ${String(cause)}`);
    });
  }
  return compiled;
}

export interface LoadedEngine {
  module: EngineModule;
  memory: WebAssembly.Memory;
  wasmModule: WebAssembly.Module;
}

/** A new engine instance on its own shared memory; `print` receives what C code writes to stdout/stderr. */
export async function instantiateEngine(print: (text: string, isError: boolean) => void): Promise<LoadedEngine> {
  if (typeof SharedArrayBuffer === 'undefined') {
    // A page that is not cross-origin isolated hides the SharedArrayBuffer global, yet a shared
    // WebAssembly.Memory still works on its own thread; the glue tests buffers against that global, so restore
    // it from such a memory. (Handing the memory to another thread still fails there: play() says why.)
    const probe = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    (globalThis as Record<string, unknown>).SharedArrayBuffer = probe.buffer.constructor;
  }
  const { factory, module: wasmModule } = await compiledEngine();
  const memory = new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: MAXIMUM_PAGES, shared: true });
  const module = await factory({
    wasmMemory: memory,
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule));
      return {};
    },
    print: (text) => print(text, false),
    printErr: (text) => print(text, true),
    quit: (_status, toThrow) => {
      throw toThrow;
    },
  });
  return { module, memory, wasmModule };
}
