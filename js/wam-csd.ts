// What csound-wasm/wam reads from a CSD without running it (the descriptor), and how a control channel's hints
// become a WAM parameter. Pure functions: js/wam.ts uses them, and so can a page that writes descriptor.json.
import type { WamDescriptor, WamParameterInfo, WamParameterType } from './wam-types.js';

/** The channel names the WAM writes the host's transport into (see docs/WAM.md); never parameters. */
export const TRANSPORT_CHANNELS = {
  tempo: 'wam_tempo',
  playing: 'wam_playing',
  bar: 'wam_bar',
  barStarted: 'wam_bar_start',
  timeSigNumerator: 'wam_timesig_num',
  timeSigDenominator: 'wam_timesig_den',
} as const;

const TRANSPORT_NAMES = new Set<string>(Object.values(TRANSPORT_CHANNELS));

/** Whether a channel is one of the transport channels (and so not offered as a parameter). */
export function isTransportChannel(name: string): boolean {
  return TRANSPORT_NAMES.has(name);
}

/** Opcodes that read audio input: a CSD that uses one (or sets nchnls_i) is an effect with an audio input. */
const INPUT_OPCODES = ['in', 'ins', 'inq', 'inh', 'ino', 'inx', 'in32', 'inch', 'inrg'];

/** Opcodes that read Csound's MIDI input: a CSD that uses one is an instrument for the host. */
const MIDI_OPCODES = [
  'massign', 'pgmassign', 'notnum', 'veloc', 'cpsmidi', 'cpsmidib', 'octmidi', 'octmidib', 'pchmidi', 'pchmidib',
  'ampmidi', 'ampmidid', 'midictrl', 'ctrl7', 'ctrl14', 'ctrl21', 'initc7', 'initc14', 'initc21', 'midiin',
  'midinoteonkey', 'midinoteoncps', 'midinoteonoct', 'midinoteonpch', 'mididefault', 'aftouch', 'polyaft',
  'pchbend', 'midichn', 'chanctrl', 'midic7', 'midic14', 'midic21', 'mrtmsg',
];

/** What a CSD's text says about it as a plugin. */
export interface CsdSummary {
  /** From a `; name: …` comment line, if any. */
  name: string | null;
  /** From a `; vendor: …` comment line. */
  vendor: string | null;
  /** From a `; description: …` comment line. */
  description: string | null;
  /** From a `; version: …` comment line. */
  version: string | null;
  /** From a `; keywords: a, b` comment line. */
  keywords: string[];
  /** nchnls (Csound's default: 1). */
  outputs: number;
  /** nchnls_i when the orchestra sets it; else nchnls when it reads audio input; else 0. */
  inputs: number;
  /** True when the options open MIDI input (-M) or the orchestra uses a MIDI input opcode. */
  readsMidi: boolean;
}

/** The text between `<tag>` and `</tag>` (case-insensitive), or ''. */
function section(csd: string, tag: string): string {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'i').exec(csd);
  return match ? match[1] : '';
}

/** Orchestra code without comments and strings, for looking up opcodes and header statements. */
function codeOnly(orc: string): string {
  return orc
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
    .replace(/\{\{[\s\S]*?\}\}/g, '""')
    .replace(/(;|\/\/).*$/gm, '');
}

function uses(code: string, opcodes: string[]): boolean {
  return new RegExp(`(^|[^\\w.])(${opcodes.join('|')})(?![\\w.])`, 'm').test(code);
}

function headerValue(code: string, name: string): number | null {
  const match = new RegExp(`^\\s*${name}\\s*=\\s*(\\d+)`, 'm').exec(code);
  return match ? Number(match[1]) : null;
}

/** A `; key: value` (or `// key: value`) comment line anywhere in the CSD. */
function commentField(csd: string, key: string): string | null {
  const match = new RegExp(`^\\s*(?:;+|//+)\\s*${key}\\s*:\\s*(.*?)\\s*$`, 'im').exec(csd);
  return match && match[1] !== '' ? match[1] : null;
}

/** Reads a CSD's name, channels and MIDI use from its text (without compiling it). */
export function describeCsd(csd: string): CsdSummary {
  const orc = section(csd, 'CsInstruments') || csd;
  const code = codeOnly(orc);
  const options = section(csd, 'CsOptions').replace(/(;|#).*$/gm, '');
  const outputs = headerValue(code, 'nchnls') ?? 1;
  const declaredInputs = headerValue(code, 'nchnls_i');
  const inputs = declaredInputs ?? (uses(code, INPUT_OPCODES) ? outputs : 0);
  const readsMidi = /(^|\s)(-M|--midi-device\b)/.test(options) || uses(code, MIDI_OPCODES);
  const keywords = commentField(csd, 'keywords');
  return {
    name: commentField(csd, 'name'),
    vendor: commentField(csd, 'vendor'),
    description: commentField(csd, 'description'),
    version: commentField(csd, 'version'),
    keywords: keywords === null ? [] : keywords.split(',').map((word) => word.trim()).filter(Boolean),
    outputs,
    inputs,
    readsMidi,
  };
}

/** What the caller may say about the plugin; it wins over the CSD's comments. */
export interface CsoundWamInfo {
  name?: string;
  vendor?: string;
  /** Default: `csound-wasm.<vendor>.<name>`, lower case, non-alphanumerics as '-'. */
  identifier?: string;
  version?: string;
  description?: string;
  keywords?: string[];
  website?: string;
  thumbnail?: string;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'csound';
}

/** The WAM descriptor of a CSD: `info` first, then the CSD's comment fields, then defaults. */
export function csdDescriptor(csd: string, info: CsoundWamInfo = {}): WamDescriptor {
  const summary = describeCsd(csd);
  const name = info.name ?? summary.name ?? 'Csound';
  const vendor = info.vendor ?? summary.vendor ?? 'csound-wasm';
  return {
    identifier: info.identifier ?? `csound-wasm.${slug(vendor)}.${slug(name)}`,
    name,
    vendor,
    version: info.version ?? summary.version ?? '1.0.0',
    apiVersion: '2.0.0',
    thumbnail: info.thumbnail ?? '',
    keywords: info.keywords ?? (summary.keywords.length > 0 ? summary.keywords : ['csound']),
    isInstrument: summary.readsMidi,
    description: info.description ?? summary.description ?? '',
    website: info.website ?? '',
    hasAudioInput: summary.inputs > 0,
    hasAudioOutput: summary.outputs > 0,
    hasAutomationInput: true,
    hasAutomationOutput: false,
    hasMidiInput: summary.readsMidi,
    hasMidiOutput: false,
    hasMpeInput: summary.readsMidi,
    hasMpeOutput: false,
    hasOscInput: false,
    hasOscOutput: false,
    hasSysexInput: false,
    hasSysexOutput: false,
  };
}

/** Csound's hint behaviours (CSOUND_CONTROL_CHANNEL_INT / _LIN / _EXP). */
const HINT_INT = 1;
const HINT_EXP = 3;

/** The hints of a control channel, as listChannels() gives them. */
export interface ChannelHintsLike {
  behav: number;
  dflt: number;
  min: number;
  max: number;
}

/**
 * The WAM skew that puts the geometric mean of [min, max] (where an exponential slider has its middle) at the
 * middle of the normalized range: (mid - min) / (max - min) = 0.5^(1.5^exponent).
 */
export function exponentForRange(min: number, max: number): number {
  if (!(min * max > 0) || max <= min) return 0;
  const mid = Math.sign(min) * Math.sqrt(min * max);
  const share = (mid - min) / (max - min);
  if (!(share > 0 && share < 1)) return 0;
  return Math.log(Math.log(share) / Math.log(0.5)) / Math.log(1.5);
}

/** A parameter made from a control channel: normalize/denormalize follow the WAM API's skew. */
export class CsoundWamParameterInfo implements WamParameterInfo {
  readonly id: string;
  readonly label: string;
  readonly type: WamParameterType;
  readonly defaultValue: number;
  readonly minValue: number;
  readonly maxValue: number;
  readonly discreteStep: number;
  readonly exponent: number;
  readonly choices: string[] = [];
  readonly units: string = '';

  /**
   * From the channel's hints: integer → 'int' (step 1), linear → 'float', exponential → 'float' with the skew of
   * exponentForRange(); a channel without hints (or with max ≤ min) is a float in [0, 1].
   */
  constructor(name: string, hints: ChannelHintsLike) {
    this.id = name;
    this.label = name;
    const hinted = hints.behav !== 0 && hints.max > hints.min;
    let min = hinted ? hints.min : 0;
    let max = hinted ? hints.max : 1;
    const integer = hinted && hints.behav === HINT_INT && Math.ceil(min) < Math.floor(max);
    if (integer) {
      min = Math.ceil(min);
      max = Math.floor(max);
    }
    this.type = integer ? 'int' : 'float';
    this.discreteStep = integer ? 1 : 0;
    this.minValue = min;
    this.maxValue = max;
    const dflt = hinted ? hints.dflt : 0;
    this.defaultValue = this.clamp(dflt);
    this.exponent = hinted && hints.behav === HINT_EXP ? exponentForRange(min, max) : 0;
  }

  /** The value within [min, max], rounded for an integer parameter. */
  clamp(value: number): number {
    const v = Math.min(this.maxValue, Math.max(this.minValue, Number.isFinite(value) ? value : this.minValue));
    return this.discreteStep > 0 ? Math.round(v) : v;
  }

  normalize(value: number): number {
    const linear = (this.clamp(value) - this.minValue) / (this.maxValue - this.minValue);
    return this.exponent === 0 ? linear : Math.pow(linear, Math.pow(1.5, -this.exponent));
  }

  denormalize(valueNorm: number): number {
    const n = Math.min(1, Math.max(0, Number.isFinite(valueNorm) ? valueNorm : 0));
    const linear = this.exponent === 0 ? n : Math.pow(n, Math.pow(1.5, this.exponent));
    return this.clamp(this.minValue + linear * (this.maxValue - this.minValue));
  }

  valueString(value: number): string {
    const v = this.clamp(value);
    if (this.discreteStep > 0 || Number.isInteger(v)) return String(v);
    const magnitude = Math.abs(v);
    const text = magnitude >= 1000 ? v.toFixed(0) : magnitude >= 100 ? v.toFixed(1) : magnitude >= 1 ? v.toFixed(2) : v.toFixed(3);
    return this.units ? `${text} ${this.units}` : text;
  }
}

/**
 * The CSD text with `f 0 z` at the start of its score, so the performance outlives the score (a plugin plays until
 * the host removes it); a CSD without a <CsScore> gets one.
 */
export function endlessCsd(csd: string): string {
  const open = /<CsScore(\s[^>]*)?>/i.exec(csd);
  if (open) return `${csd.slice(0, open.index + open[0].length)}\nf 0 z\n${csd.slice(open.index + open[0].length)}`;
  const close = /<\/CsoundSynthesizer>/i.exec(csd);
  const score = '<CsScore>\nf 0 z\n</CsScore>\n';
  return close ? `${csd.slice(0, close.index)}${score}${csd.slice(close.index)}` : `${csd}\n${score}`;
}
