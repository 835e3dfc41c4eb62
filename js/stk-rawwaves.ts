// STK's rawwaves in the engine's file system. Several STK instruments (STKMandolin, STKMoog, the FM ones,
// STKModalBar, STKDrummer, STKVoicForm, ...) read sampled tables from RAWWAVE_DIR when they are created; the
// wasm build compiles STK with that folder as its default rawwave path (Debian's, cmake/Plugins.cmake). The 41
// files (about 280 KB) ship as one pack next to the wasm, dist/stk-rawwaves.bin (scripts/pack-rawwaves.mjs), and are
// read only when something first looks into the folder: an orchestra without STK never loads them.
//
// How: the folder exists from the start, empty, and is filled, on the instance's main thread, when the engine
// reports after a compile or start() that the orchestra uses an STK opcode (cpp/engine.cpp), or at the first
// lookup of a name in it (file-system calls of a Node performer are proxied to the main thread). The loader runs
// synchronously: Node reads the file; a browser fetches it with a synchronous request, once per page (the bytes are
// kept for later instances). The platform layer says where the pack is (platform-node.ts, platform-browser.ts).
// The tables also go into the instance's memory, where STK's FileRead finds them without a file-system call
// (cpp/stk_rawwaves.c), which matters on an AudioWorklet: it cannot have one served while it performs.
import type { EmscriptenFS } from './engine-module.js';

/** Where STK looks for its rawwaves: RAWWAVE_PATH of cmake/Plugins.cmake (the path of Debian's stk package). */
export const RAWWAVE_DIR = '/usr/share/stk/rawwaves';

const MAGIC = 'STKRAWW1';

/** The pack's files: [name, bytes]. Throws when `pack` is not a rawwaves pack. */
export function unpackRawwaves(pack: Uint8Array): Array<[string, Uint8Array]> {
  const magic = String.fromCharCode(...pack.subarray(0, 8));
  if (magic !== MAGIC) throw new Error('not an STK rawwaves pack (wrong magic)');
  const view = new DataView(pack.buffer, pack.byteOffset, pack.byteLength);
  const indexLength = view.getUint32(8, true);
  const index = JSON.parse(new TextDecoder().decode(pack.subarray(12, 12 + indexLength))) as Array<[string, number]>;
  const files: Array<[string, Uint8Array]> = [];
  let at = 12 + indexLength;
  for (const [name, size] of index) {
    if (at + size > pack.length) throw new Error('STK rawwaves pack is truncated');
    files.push([name, pack.subarray(at, at + size)]);
    at += size;
  }
  return files;
}

/** The pack's bytes, or why they could not be had. */
export type RawwavesLoader = () => Uint8Array;

/** What of Emscripten's FS the lazy folder uses beyond the typed facade. */
interface FSNode {
  node_ops: Record<string, (...args: unknown[]) => unknown>;
}
interface LazyFS extends EmscriptenFS {
  lookupPath(path: string): { node: FSNode };
  lookupNode(parent: unknown, name: string): unknown;
}

let cached: Uint8Array | null = null;

/** What of the engine module the rawwaves need: its file system, and C functions to put the tables in memory. */
export interface RawwavesModule {
  FS: EmscriptenFS;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _csound_wasm_stk_rawwave_add?(name: number, data: number, size: number): number;
  /** Called by the engine (cpp/engine.cpp) once a compiled orchestra uses an STK opcode. */
  csoundWasmStkRawwaves?: () => void;
}

/**
 * Makes RAWWAVE_DIR in the module's file system and fills it from `load()` on the first lookup of a name in it (or
 * listing), or when the engine reports that a compiled orchestra uses an STK opcode. The tables also go into the
 * instance's memory (`heap()` views it), where STK reads them without a file-system call (cpp/stk_rawwaves.c): an
 * AudioWorklet cannot have one served while it performs. When the pack cannot be loaded, `warn` says why (once per
 * instance) and the folder stays empty, so an STK instrument that needs a table fails as it would natively without
 * the files.
 */
export function installRawwaves(
  module: RawwavesModule,
  heap: () => Uint8Array,
  load: RawwavesLoader,
  warn: (text: string) => void,
): void {
  const fs = module.FS;
  const lazy = fs as LazyFS;
  if (typeof lazy.lookupPath !== 'function') return;
  fs.mkdirTree(RAWWAVE_DIR);
  const dir = lazy.lookupPath(RAWWAVE_DIR).node;
  const base = dir.node_ops;
  let state: 'pending' | 'done' = 'pending';
  /** Fills the folder on the first call; true when this call did. */
  const ensure = (): boolean => {
    if (state !== 'pending') return false;
    state = 'done'; // first: writing the files below looks names up in this folder again
    try {
      cached ??= load();
      const files = unpackRawwaves(cached);
      for (const [name, bytes] of files) fs.writeFile(`${RAWWAVE_DIR}/${name}`, bytes);
      if (module._csound_wasm_stk_rawwave_add !== undefined) {
        for (const [name, bytes] of files) {
          // Kept for the instance's life: STK reads the table whenever an instrument is made.
          const data = module._malloc(bytes.length);
          heap().set(bytes, data);
          const nameBytes = new TextEncoder().encode(`${name}\0`);
          const namePtr = module._malloc(nameBytes.length);
          heap().set(nameBytes, namePtr);
          module._csound_wasm_stk_rawwave_add(namePtr, data, bytes.length);
          module._free(namePtr);
        }
      }
      return true;
    } catch (cause) {
      warn(
        `csound-wasm: STK's rawwaves (stk-rawwaves.bin, next to csound-engine.wasm) could not be loaded, so ` +
          `${RAWWAVE_DIR} is empty: ${cause instanceof Error ? cause.message : String(cause)}\n`,
      );
      return false;
    }
  };
  module.csoundWasmStkRawwaves = () => {
    ensure();
  };
  dir.node_ops = {
    ...base,
    // MEMFS finds names in the FS's own table and calls this only on a miss (where it says "no such file"): once
    // the files are written, the name is looked up again there.
    lookup: (...args: unknown[]) => {
      if (ensure()) return lazy.lookupNode(args[0], args[1] as string);
      return base.lookup(...args);
    },
    readdir: (...args: unknown[]) => {
      ensure();
      return base.readdir(...args);
    },
  };
}
