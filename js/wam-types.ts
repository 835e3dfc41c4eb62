// The parts of the Web Audio Modules 2 API (the interfaces of `@webaudiomodules/api`) that csound-wasm/wam
// implements or takes, declared here so that the package's types need no other package. They are structural: a
// host typed with `@webaudiomodules/api` accepts these objects (tests/node/types/wam-api.ts checks it).

/** What a WAM says about itself (descriptor.json). */
export interface WamDescriptor {
  identifier: string;
  name: string;
  vendor: string;
  version: string;
  apiVersion: string;
  thumbnail: string;
  keywords: string[];
  isInstrument: boolean;
  description: string;
  website: string;
  hasAudioInput: boolean;
  hasAudioOutput: boolean;
  hasAutomationInput: boolean;
  hasAutomationOutput: boolean;
  hasMidiInput: boolean;
  hasMidiOutput: boolean;
  hasMpeInput: boolean;
  hasMpeOutput: boolean;
  hasOscInput: boolean;
  hasOscOutput: boolean;
  hasSysexInput: boolean;
  hasSysexOutput: boolean;
}

export type WamParameterType = 'float' | 'int' | 'boolean' | 'choice';

/** A parameter's description, as WAM hosts read it. */
export interface WamParameterInfo {
  readonly id: string;
  readonly label: string;
  readonly type: WamParameterType;
  readonly defaultValue: number;
  readonly minValue: number;
  readonly maxValue: number;
  /** 1 for an integer parameter, 0 for a continuous one. */
  readonly discreteStep: number;
  /** Skew of the normalized range: normalized = linear^(1.5^-exponent); 0 is linear. */
  readonly exponent: number;
  readonly choices: string[];
  readonly units: string;
  normalize(value: number): number;
  denormalize(valueNorm: number): number;
  valueString(value: number): string;
}

export interface WamParameterData {
  id: string;
  value: number;
  normalized: boolean;
}

export type WamParameterInfoMap = Record<string, WamParameterInfo>;
export type WamParameterDataMap = Record<string, WamParameterData>;

export interface WamTransportData {
  currentBar: number;
  /** AudioContext time (s) at which the current bar started. */
  currentBarStarted: number;
  tempo: number;
  timeSigNumerator: number;
  timeSigDenominator: number;
  playing: boolean;
}

export interface WamMidiData {
  bytes: [number, number, number];
}

export interface WamBinaryData {
  bytes: Uint8Array;
}

export interface WamEventBase<T extends string, D> {
  type: T;
  data: D;
  /** AudioContext time (s) at which the event applies; absent or past: at once. */
  time?: number;
}

export type WamAutomationEvent = WamEventBase<'wam-automation', WamParameterData>;
export type WamTransportEvent = WamEventBase<'wam-transport', WamTransportData>;
export type WamMidiEvent = WamEventBase<'wam-midi', WamMidiData>;
export type WamSysexEvent = WamEventBase<'wam-sysex', WamBinaryData>;
export type WamMpeEvent = WamEventBase<'wam-mpe', WamMidiData>;
export type WamOscEvent = WamEventBase<'wam-osc', WamBinaryData>;
export type WamInfoEvent = WamEventBase<'wam-info', { instanceId: string }>;
export type WamEvent =
  | WamAutomationEvent
  | WamTransportEvent
  | WamMidiEvent
  | WamSysexEvent
  | WamMpeEvent
  | WamOscEvent
  | WamInfoEvent;
export type WamEventType = WamEvent['type'];
