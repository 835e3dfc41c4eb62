// The public API of csound-wasm, the same in Node and browsers; index.ts (Node) and browser.ts (browsers) export it
// after installing their platform layer.
export { Csound, csoundInitialize, type CsoundOptions, type MessageCallback } from './csound.js';
export { CsoundError, type CsoundMessage } from './errors.js';
export {
  CsoundParams,
  ControlChannelHints,
  type ControlChannelInfo,
  type CsoundAudioDevice,
  type CsoundMidiDevice,
} from './types.js';
export * from './constants.js';
export { CsoundPerformanceThread, type PerformanceThreadOptions } from './performance-thread.js';
export { MessageClassifier, type MessageKind } from './message-kind.js';
export { decodeOscMessage, encodeOscMessage, type OscArgument, type OscMessage } from './osc.js';
export { LIMITS } from './limits.js';
export type { AudioContextLike, AudioWorkletNodeLike, WasmMemory } from './types.js';
