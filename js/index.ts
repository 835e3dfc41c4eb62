// Public entry of csound-wasm: the ctcsound-shaped API.
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
export { decodeOscMessage, encodeOscMessage, type OscArgument, type OscMessage } from './osc.js';
