// The documented limits of csound-wasm's inputs (docs/API.md, "Limits") and the checks that apply them before a
// value reaches Csound. A synchronous call cannot be interrupted, so any input that would make Csound loop for
// ever, trap or overrun one of its fixed-size arrays is refused here with a CsoundError that names the argument
// and the limit.
import { CSOUND_ERROR } from './constants.js';
import { CsoundError } from './errors.js';

export const LIMITS = Object.freeze({
  /** p-fields per event (p1 … p1998): Csound's PMAX, the size of its event blocks. */
  pfields: 1998,
  /**
   * Largest score time in samples, i.e. seconds × sr (|p2|, p2 + p3). Csound counts the samples and k-cycles to
   * the next event in 64-bit integers: a time that overflows them (1e20 s at 8 kHz) made it loop for ever. Csound's
   * `z` ("for ever", 8e11 s) fits at any sr up to the limit below.
   */
  scoreSamples: 9e18,
  /** Largest sample rate, Hz (any positive rate up to it). */
  sr: 10_000_000,
  /** Largest ksmps. */
  ksmps: 65_536,
  /** Largest instrument number in an `instr` statement (Csound indexes an array of pointers with it). */
  instrument: 1_000_000,
  /** nchnls and nchnls_i at most: Csound 6 keeps per-channel statistics in arrays of 256 (MAXCHNLS). */
  channels: 256,
  /** k-cycles one performKsmpsBlock() call may perform. */
  blockKsmps: 1 << 20,
  /**
   * k-cycles a score offset (setScoreOffsetSeconds, -+skip_seconds) or an `a` statement may skip: Csound skips them
   * inside one performKsmps() call (about 40 ns each).
   */
  skipKsmps: 1 << 26,
  /** Samples (frames × channels) in the performer's output ring or recording ring: 128 MiB. */
  ringSamples: 1 << 24,
});

export function refuse(operation: string, detail: string): CsoundError {
  return new CsoundError(operation, CSOUND_ERROR, detail);
}

/** Throws unless `value` is an integer from `min` to `max`; returns it. */
export function expectInteger(operation: string, what: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const got = typeof value === 'number' ? String(value) : value === null ? 'null' : typeof value;
    throw refuse(operation, `${what} must be an integer from ${min} to ${max}, got ${got}`);
  }
  return value;
}

/** A number of Csound's sorted score: decimal, or C99 hexadecimal ("0x1.8p+1") as 6.18 writes times. */
export function parseScoreNumber(text: string): number {
  const hex = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?\d+)$/i.exec(text);
  if (hex === null) return Number(text);
  const [, sign, whole, fraction = '', exponent] = hex;
  const mantissa = parseInt(`${whole || '0'}${fraction}`, 16) / 16 ** fraction.length;
  return (sign === '-' ? -1 : 1) * mantissa * 2 ** Number(exponent);
}

/** The largest score time in seconds at a sample rate (the sr limit when it is not known yet). */
export function scoreSecondsAt(sr: number): number {
  return LIMITS.scoreSamples / (sr > 0 && sr <= LIMITS.sr ? sr : LIMITS.sr);
}

/** Whether a score time is within the limit at `sr`. NaN and infinities are not. */
function timeOk(value: number, sr: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= scoreSecondsAt(sr);
}

/**
 * Checks the times of one score statement given as numbers (p1 first): p2 and p3 of i, q, a, d and f statements.
 * `sr` and `kr` are the engine's (0 when unknown); `kr` bounds the skip of an `a` statement. Returns why it is
 * refused, or null.
 */
export function statementProblem(letter: string, pfields: ArrayLike<number>, sr: number, kr: number): string | null {
  const p2 = pfields.length > 1 ? pfields[1] : 0;
  const p3 = pfields.length > 2 ? pfields[2] : 0;
  const most = `${scoreSecondsAt(sr).toPrecision(3)} s (${LIMITS.scoreSamples} samples at sr = ${sr > 0 ? sr : LIMITS.sr})`;
  if (!timeOk(p2, sr)) return `p2 (start time) ${p2} is beyond ±${most}`;
  if ('iqad'.includes(letter)) {
    // A negative p3 holds a note (no end time); only positive durations are scheduled.
    if (Number.isNaN(p3) || (p3 > 0 && !timeOk(p3 + Math.max(p2, 0), sr))) {
      return `p3 (duration) ${p3} puts the end beyond ${most}`;
    }
    if (letter === 'a' && kr > 0 && p3 * kr > LIMITS.skipKsmps) {
      return `an a statement skipping ${p3} seconds skips ${Math.round(p3 * kr)} k-cycles in one call (at most ${LIMITS.skipKsmps})`;
    }
  }
  return null;
}

/** A p-field of score text as Csound's number reader (strtod) reads it, or null when it is not a number. */
function scoreField(field: string | undefined): number | null {
  if (field === undefined) return null;
  if (/^[+-]?inf/i.test(field)) return field.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan/i.test(field)) return NaN;
  if (!/^[+-]?(?:\d|\.\d)/.test(field)) return null;
  return Number.parseFloat(field);
}

/**
 * Checks score text (score lines given to eventString, or a <CsScore> block): the p2 and p3 of each statement
 * written as plain numbers. Fields written as expressions, macros or carries are not evaluated here.
 */
export function scoreTextProblem(text: string, sr: number, kr: number): string | null {
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/;.*$/, '').trim();
    const letter = line.charAt(0);
    if (letter === '' || !'iqadf'.includes(letter)) continue;
    const fields = line.slice(1).trim().split(/\s+/);
    const p2 = scoreField(fields[1]);
    const p3 = scoreField(fields[2]);
    const why = statementProblem(letter, [0, p2 ?? 0, p3 ?? 0], sr, kr);
    if (why !== null) return `${why}, in the score line ${JSON.stringify(line.slice(0, 80))}`;
  }
  return null;
}

/** Checks the engine's rates and channels (read from the orchestra header and the options) before a performance. */
export function headerProblem(sr: number, kr: number, ksmps: number, nchnls: number, nchnlsInput: number): string | null {
  if (!(sr > 0 && sr <= LIMITS.sr)) return `sr = ${sr} is outside 0 < sr ≤ ${LIMITS.sr}`;
  if (!Number.isInteger(ksmps) || ksmps < 1 || ksmps > LIMITS.ksmps) return `ksmps = ${ksmps} is outside 1 … ${LIMITS.ksmps}`;
  if (!(kr > 0 && Number.isFinite(kr))) return `kr = ${kr} is not a positive rate`;
  return channelsProblem(nchnls, nchnlsInput);
}

export function channelsProblem(nchnls: number, nchnlsInput: number): string | null {
  if (!(nchnls >= 1 && nchnls <= LIMITS.channels)) return `nchnls = ${nchnls} is outside 1 … ${LIMITS.channels}`;
  if (!(nchnlsInput >= 0 && nchnlsInput <= LIMITS.channels)) {
    return `nchnls_i = ${nchnlsInput} is outside 0 … ${LIMITS.channels}`;
  }
  return null;
}

/**
 * Checks orchestra or CSD text before Csound compiles it, where it is written as plain numbers:
 * - `nchnls = N`: an instance compiled with more output channels than Csound's arrays hold has to be retired (see
 *   checkChannels in csound.ts), so the common case is refused first;
 * - `instr N`: Csound 6.18 grows its instrument array towards N in steps of 200 (for ever from 2^31 - 200 on).
 */
export function orchestraTextProblem(text: string): string | null {
  const channels = /^[ \t]*nchnls[ \t]*=[ \t]*([-+]?[\d.]+(?:e[-+]?\d+)?)/gim;
  for (let match = channels.exec(text); match !== null; match = channels.exec(text)) {
    const why = channelsProblem(Number(match[1]), 0);
    if (why !== null) return `${why} (nchnls = ${match[1]} in the orchestra)`;
  }
  const instruments = /^[ \t]*instr[ \t]+([^\n;]*)/gm;
  for (let match = instruments.exec(text); match !== null; match = instruments.exec(text)) {
    for (const name of match[1].split(',')) {
      const number = name.trim();
      if (/^\d+$/.test(number) && Number(number) > LIMITS.instrument) {
        return `instr ${number}: instrument numbers go from 1 to ${LIMITS.instrument}`;
      }
    }
  }
  return null;
}

/**
 * Checks Csound's sorted score (times in beats and in seconds, as csound_wasm_sorted_score gives it): every
 * statement's times in seconds (after tempo), and the k-cycles its `a` statements skip.
 */
export function sortedScoreProblem(sorted: string, sr: number, kr: number): string | null {
  for (const line of sorted.split('\n')) {
    const fields = line.trim().split(/\s+/);
    const letter = fields[0];
    if (letter.length !== 1 || !'iqadf'.includes(letter) || fields.length < 4) continue;
    // i p1 p2 p2(s) p3 p3(s) …; f n p2 p2(s) …
    const seconds = [0, parseScoreNumber(fields[3]), fields.length > 5 ? parseScoreNumber(fields[5]) : 0];
    const why = statementProblem(letter, seconds, sr, kr);
    if (why !== null) return `${why}, in the sorted score line ${JSON.stringify(line.slice(0, 80))}`;
  }
  return null;
}

/**
 * Checks the extra sections of CSD text before Csound reads it. Csound 6.18 reads a <CsFileB>, <CsSampleB> or
 * <CsMidifileB> section until its end tag, and at the end of the text without one it keeps reading for ever; and its
 * <CsFile> reader never moves past the end of the section's first line, so it writes that line for ever (it is
 * deprecated: Csound itself says to use <CsFileB>).
 */
export function csdTextProblem(text: string): string | null {
  const lines = text.split(/\r\n|\r|\n/);
  // Blocks whose content is not read as tags (Csound's reader consumes them whole).
  const blocks: Record<string, string> = {
    '<CsInstruments>': '</CsInstruments>',
    '<CsOptions>': '</CsOptions>',
    '<CsLicence>': '</CsLicence>',
    '<CsLicense>': '</CsLicense>',
    '<CsShortLicence>': '</CsShortLicence>',
    '<CsScore': '</CsScore>',
  };
  const binary: Array<[string, string]> = [
    ['<CsFileB filename=', '</CsFileB>'],
    ['<CsSampleB filename=', '</CsSampleB>'],
    ['<CsMidifileB>', '</CsMidifileB>'],
  ];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/^[ \t]+/, '');
    if (line.startsWith('</CsoundSynthesizer>') || line.startsWith('</CsoundSynthesiser>')) return null;
    const block = Object.keys(blocks).find((tag) => line.startsWith(tag));
    if (block !== undefined) {
      while (i + 1 < lines.length && !lines[i + 1].replace(/^[ \t]+/, '').startsWith(blocks[block])) i++;
      i++;
      continue;
    }
    if (line.startsWith('<CsFile filename=')) {
      return `line ${i + 1}: Csound 6.18 repeats the first line of a <CsFile> section for ever; embed the file ` +
        'as <CsFileB> (base64) instead';
    }
    const section = binary.find(([open]) => line.startsWith(open));
    if (section !== undefined) {
      const end = lines.findIndex((l, j) => j > i && l.replace(/^[ \t]+/, '').startsWith(section[1]));
      if (end < 0) return `line ${i + 1}: ${section[0].replace(/ filename=$/, '')}> has no end tag ${section[1]} (Csound 6.18 would read for ever)`;
      i = end;
    }
  }
  return null;
}

/**
 * The seconds an option skips (`-+skip_seconds=N`), or null when it is not that option. Other options that Csound
 * takes with bad values (--ksmps=-1, -r 1e308, --nchnls=1000) are caught by the checks before start().
 */
export function skipSecondsOption(option: string): number | null {
  const match = /^-\+skip_seconds=(.*)$/.exec(option.trim());
  return match === null ? null : Number(match[1]);
}

/** The options of a <CsOptions> block of CSD text, split on white space (good enough for -+skip_seconds). */
export function csdOptions(text: string): string[] {
  const match = /<CsOptions>([\s\S]*?)<\/CsOptions>/.exec(text);
  return match === null ? [] : match[1].replace(/;.*$/gm, '').split(/\s+/).filter((o) => o.length > 0);
}

/** The <CsScore> block of CSD text, or ''. */
export function csdScore(text: string): string {
  const match = /<CsScore[^>]*>([\s\S]*?)<\/CsScore>/.exec(text);
  return match === null ? '' : match[1];
}

/** What a value is, for a message: "null", "an array", "the string \"x\"", or its typeof. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string ${JSON.stringify(value)}` : typeof value;
}

/** Checks the types of Csound.create()'s options (unknown keys are left to the option's own reader). */
export function checkCreateOptions(options: unknown): void {
  const op = 'Csound.create';
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw refuse(op, `options must be an object, got ${describeValue(options)}`);
  }
  const o = options as Record<string, unknown>;
  const isUrl = (v: unknown): boolean => typeof v === 'string' || (typeof URL !== 'undefined' && v instanceof URL);
  const checks: Array<[string, (v: unknown) => boolean, string]> = [
    ['opcodeDir', (v) => typeof v === 'string', 'a string'],
    ['messages', (v) => v === 'stderr' || v === 'none', "'stderr' or 'none'"],
    ['wasmUrl', isUrl, 'a string or a URL'],
    ['workletUrl', isUrl, 'a string or a URL'],
    ['hostAudioIO', (v) => typeof v === 'boolean', 'a boolean'],
    ['allowSystem', (v) => typeof v === 'boolean', 'a boolean'],
  ];
  for (const [key, ok, what] of checks) {
    if (o[key] !== undefined && !ok(o[key])) throw refuse(op, `options.${key} must be ${what}, got ${describeValue(o[key])}`);
  }
}

/** CSOUND_PARAMS fields that are doubles in C; the others are ints. */
const DOUBLE_PARAMS = new Set(['sample_rate_override', 'control_rate_override', 'e0dbfs_override']);

/** Checks the values given to setParams (field names and types are checked by the caller). */
export function checkParams(params: object): void {
  const op = 'setParams';
  for (const [key, value] of Object.entries(params) as Array<[string, number | undefined]>) {
    if (value === undefined) continue;
    if (DOUBLE_PARAMS.has(key)) {
      if (!Number.isFinite(value)) throw refuse(op, `${key} must be a finite number, got ${value}`);
    } else {
      expectInteger(op, key, value, -(2 ** 31), 2 ** 31 - 1);
    }
  }
  const p = params as Record<string, number | undefined>;
  // Csound 6.18 then waits for a Cscore callback that this binding does not provide, for ever.
  if (p.use_cscore !== undefined && p.use_cscore !== 0) throw refuse(op, 'use_cscore must be 0: Cscore processing is not supported');
  // Its init-pass thread cannot be started in this build (see --realtime in Csound.checkOption).
  if (p.realtime_mode !== undefined && p.realtime_mode !== 0) throw refuse(op, 'realtime_mode must be 0: it is not supported');
  if (p.nchnls_override !== undefined) expectInteger(op, 'nchnls_override', p.nchnls_override, 0, LIMITS.channels);
  if (p.nchnls_i_override !== undefined) expectInteger(op, 'nchnls_i_override', p.nchnls_i_override, 0, LIMITS.channels);
  if (p.ksmps_override !== undefined) expectInteger(op, 'ksmps_override', p.ksmps_override, 0, LIMITS.ksmps);
  if (p.sample_rate_override !== undefined && !(p.sample_rate_override >= -1 && p.sample_rate_override <= LIMITS.sr)) {
    throw refuse(op, `sample_rate_override must be from -1 to ${LIMITS.sr}, got ${p.sample_rate_override}`);
  }
}
