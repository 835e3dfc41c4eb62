// Typed view of the raw Emscripten module built from cpp/ (the embind `Engine` class and the runtime pieces the
// facade uses). Nothing outside js/ sees these types; the public API is the `Csound` class.

export interface RawMessage {
  attr: number;
  text: string;
}

export interface RawEngine {
  handle(): number;
  version(): number;
  sr(): number;
  kr(): number;
  ksmps(): number;
  channels(isInput: boolean): number;
  get0dBFS(): number;
  A4(): number;
  currentTimeSamples(): number;
  sizeOfMYFLT(): number;
  outputName(): string;
  errorCount(): number;
  setOption(option: string): number;
  params(): Record<string, number>;
  setParams(params: object): void;
  setDebug(on: boolean): void;
  setMessageLevel(level: number): void;
  messageLevel(): number;
  compile(args: string[]): number;
  compileOrc(orc: string, async: boolean, performing: boolean): number;
  evalCode(code: string, async: boolean): number;
  evalTimedOut(): boolean;
  compileCsdFile(path: string): number;
  compileCsdText(text: string): number;
  start(): number;
  performKsmps(): number;
  performKsmpsBlock(count: number): number;
  cleanup(): number;
  reset(): void;
  runUtility(name: string, args: string[]): number;
  spin(): number;
  spout(): number;
  setHostAudioIO(): void;
  hostAudioIO(): boolean;
  setRTAudioModule(module: string): void;
  /** Allows or denies host commands (system, system_i, <CsScore bin>); `reason` ends the refusal's message. */
  setHostCommands(allowed: boolean, reason: string): void;
  setControlChannel(name: string, value: number): void;
  controlChannel(name: string): { value: number; err: number };
  setAudioChannel(name: string, samples: number): void;
  audioChannel(name: string, samples: number): void;
  setStringChannel(name: string, value: string): void;
  stringChannel(name: string): string;
  channelPtr(name: string, type: number): { ptr: number; err: number; size: number };
  listChannels(): number | Array<{ name: string; type: number; hints: Record<string, unknown> }>;
  lockChannel(name: string): number;
  unlockChannel(name: string): number;
  setControlChannelHints(name: string, hints: object): number;
  scoreEvent(type: string, pfields: number[], async: boolean): number;
  inputMessage(text: string, async: boolean): void;
  instrNumber(name: string, performing: boolean): number;
  oscDeliver(port: number, packet: Uint8Array): number;
  oscTake(): Array<{ host: string; port: number; packet: Uint8Array }>;
  tableLength(table: number): number;
  table(table: number): { ptr: number; length: number };
  tableArgs(table: number): number[] | null;
  message(text: string, attr: number): void;
  pendingMessages(): number;
  takeMessages(): RawMessage[];
  audioDevList(isOutput: boolean): Array<Record<string, string | number>>;
  midiDevList(isOutput: boolean): Array<Record<string, string | number>>;
  pushMidi(bytes: number[]): number;
  midiInputOpen(): boolean;
  scoreTime(): number;
  isScorePending(): boolean;
  setScorePending(pending: boolean): void;
  rewindScore(): void;
  setScoreOffsetSeconds(seconds: number): void;
  /** Where the sorted score's text (UTF-8, without its terminating 0) lies in memory; ptr 0 when there is none. */
  sortedScore(): { ptr: number; length: number };
  delete(): void;
}

export interface EmscriptenFS {
  writeFile(path: string, data: string | Uint8Array): void;
  readFile(path: string, opts?: { encoding: 'binary' }): Uint8Array;
  mkdirTree(path: string): void;
  readdir(path: string): string[];
  unlink(path: string): void;
  stat(path: string): { mode: number; size: number };
  isDir(mode: number): boolean;
  analyzePath(path: string): { exists: boolean };
  mount(type: unknown, opts: object, mountpoint: string): void;
  unmount(mountpoint: string): void;
  chdir(path: string): void;
  cwd(): string;
  filesystems: Record<string, unknown>;
}

export interface EngineModule {
  Engine: new () => RawEngine;
  FS: EmscriptenFS;
  csoundInitialize(flags: number): number;
  csoundSetOpcodedir(dir: string): void;
  _malloc(size: number): number;
  _free(ptr: number): void;
  stackSave(): number;
  stackRestore(sp: number): void;
  /** The code of an exit jump that escaped to JS out of a k-cycle (cpp/csound_fields.c), 0 when none was recorded. */
  _csound_wasm_exit_jump_escaped(csound: number): number;
}

/** What the Emscripten factory accepts (the subset we pass). */
export interface EngineModuleOptions {
  wasmMemory: WebAssembly.Memory;
  instantiateWasm(
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ): object;
  print(text: string): void;
  printErr(text: string): void;
  quit(status: number, toThrow: unknown): void;
}

export type EngineFactory = (options: EngineModuleOptions) => Promise<EngineModule>;
