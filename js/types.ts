import { CSOUND_CONTROL_CHANNEL_NO_HINTS } from './constants.js';

/** Every field of Csound 6.18's CSOUND_PARAMS, with the C names (as ctcsound keeps them). */
export class CsoundParams {
  debug_mode = 0;
  buffer_frames = 0;
  hardware_buffer_frames = 0;
  displays = 0;
  ascii_graphs = 0;
  postscript_graphs = 0;
  message_level = 0;
  tempo = 0;
  ring_bell = 0;
  use_cscore = 0;
  terminate_on_midi = 0;
  heartbeat = 0;
  defer_gen01_load = 0;
  midi_key = 0;
  midi_key_cps = 0;
  midi_key_oct = 0;
  midi_key_pch = 0;
  midi_velocity = 0;
  midi_velocity_amp = 0;
  no_default_paths = 0;
  number_of_threads = 0;
  syntax_check_only = 0;
  csd_line_counts = 0;
  compute_weights = 0;
  realtime_mode = 0;
  sample_accurate = 0;
  sample_rate_override = 0;
  control_rate_override = 0;
  nchnls_override = 0;
  nchnls_i_override = 0;
  e0dbfs_override = 0;
  daemon = 0;
  ksmps_override = 0;
  FFT_library = 0;
}

/** Hints of a control channel (controlChannelHints_t). */
export class ControlChannelHints {
  behav = CSOUND_CONTROL_CHANNEL_NO_HINTS;
  dflt = 0;
  min = 0;
  max = 0;
  x = 0;
  y = 0;
  width = 0;
  height = 0;
  attributes: string | null = null;
}

/** One entry of `listChannels()` (controlChannelInfo_t). */
export interface ControlChannelInfo {
  name: string;
  /** Type and direction bits: CSOUND_CONTROL_CHANNEL | CSOUND_INPUT_CHANNEL, ... */
  type: number;
  hints: ControlChannelHints;
}

/** An audio device (CS_AUDIODEVICE). */
export interface CsoundAudioDevice {
  device_name: string;
  device_id: string;
  rt_module: string;
  max_nchnls: number;
  isOutput: number;
}

/** A MIDI device (CS_MIDIDEVICE). */
export interface CsoundMidiDevice {
  device_name: string;
  interface_name: string;
  device_id: string;
  midi_module: string;
  isOutput: number;
}

// Web platform types in the public API. Where the project has the DOM library they are the DOM's own types; a
// Node-only project (no "DOM" in lib) gets structural stand-ins, so the declarations compile there too.
type Globals = typeof globalThis;

/** A shared `WebAssembly.Memory` (the DOM/webworker library's type where the project has it). */
export type WasmMemory = Globals extends { WebAssembly: { Memory: { prototype: infer T } } }
  ? T
  : { readonly buffer: ArrayBufferLike; grow(delta: number): number };

/** A `BaseAudioContext` (an `AudioContext` or `OfflineAudioContext`), typed by the DOM library where present. */
export type AudioContextLike = Globals extends { BaseAudioContext: { prototype: infer T } }
  ? T
  : { readonly sampleRate: number; readonly state: string; readonly currentTime: number };

/** An `AudioWorkletNode`, typed by the DOM library where present. */
export type AudioWorkletNodeLike = Globals extends { AudioWorkletNode: { prototype: infer T } }
  ? T
  : { readonly numberOfInputs: number; readonly numberOfOutputs: number; disconnect(): void };
