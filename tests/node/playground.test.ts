// The playground's examples and error reading, on the real engine in Node: every example compiles, runs without
// an error and sounds (the live-input one runs silent here, with no microphone); a broken CSD gives the page a
// plain message and the right line. The page's own TypeScript must type-check.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CSOUND_CHANNEL_TYPE_MASK,
  CSOUND_CONTROL_CHANNEL,
  CSOUND_CONTROL_CHANNEL_NO_HINTS,
  CSOUND_INPUT_CHANNEL,
  Csound,
  CsoundError,
} from '../../dist/js/index.js';
import { usesAudioInput } from '../../web/src/audio-input.js';
import { diagnoseCompile, diagnoseRuntime } from '../../web/src/diagnostics.js';
import { EXAMPLES } from '../../web/src/examples.js';
import { MidiInput, midiSinkOf, usesMidi } from '../../web/src/midi.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECONDS = 6;

interface Run {
  rmsDb: number;
  peakDb: number;
  /** Largest mean of a channel: a constant offset wastes headroom and thumps at start and stop. */
  offset: number;
  errors: string[];
  inputChannels: string[];
}

/** Performs `text` as the page does: host audio I/O, input channels at their chn_k defaults, spout read back. */
async function perform(text: string, seconds: number): Promise<Run> {
  const cs = await Csound.create({ messages: 'none', hostAudioIO: true });
  const printed: string[] = [];
  cs.setMessageCallback((_attr, message) => printed.push(message));
  try {
    cs.compileCsdText(text);
    cs.start();
    const [channels] = cs.listChannels();
    const inputChannels: string[] = [];
    for (const info of channels) {
      if ((info.type & CSOUND_CHANNEL_TYPE_MASK) !== CSOUND_CONTROL_CHANNEL || !(info.type & CSOUND_INPUT_CHANNEL)) continue;
      inputChannels.push(info.name);
      if (info.hints.behav !== CSOUND_CONTROL_CHANNEL_NO_HINTS) cs.setControlChannel(info.name, info.hints.dflt);
    }
    const spout = cs.spout();
    const scale = 1 / cs.get0dBFS();
    const nchnls = cs.channels();
    const means = new Float64Array(nchnls);
    let sum = 0;
    let peak = 0;
    let count = 0;
    const cycles = Math.round((seconds * cs.sr()) / cs.ksmps());
    for (let i = 0; i < cycles && cs.performKsmps() === 0; i++) {
      for (let j = 0; j < spout.length; j++) {
        const value = spout[j] * scale;
        means[j % nchnls] += value;
        sum += value * value;
        peak = Math.max(peak, Math.abs(value));
        count++;
      }
    }
    const errors = printed.join('').split('\n').filter((line) => /error|INIT ERROR|PERF ERROR|replacing previous|not found/i.test(line));
    const offset = Math.max(...Array.from(means, (m) => Math.abs(m / (count / nchnls))));
    return { rmsDb: 10 * Math.log10(sum / count), peakDb: 20 * Math.log10(peak), offset, errors, inputChannels };
  } finally {
    cs.destroy();
  }
}

describe('playground examples', () => {
  it('there are at least eight, and every CSD in web/examples is in the picker', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(8);
    const files = readdirSync(path.join(REPO, 'web', 'examples')).filter((f) => f.endsWith('.csd')).map((f) => f.replace(/\.csd$/, ''));
    expect(EXAMPLES.map((e) => e.id).sort()).toEqual(files.sort());
  });

  for (const example of EXAMPLES) {
    const live = usesAudioInput(example.text);
    it(`${example.id}: runs without an error${live ? ' (silent here: no microphone)' : ' and sounds, without clipping or offset'}`, async () => {
      const run = await perform(example.text, SECONDS);
      expect(run.errors).toEqual([]);
      if (!live) {
        expect(run.rmsDb).toBeGreaterThan(-40);
        expect(run.peakDb).toBeLessThan(-1);
        expect(run.offset).toBeLessThan(0.005);
      }
      // Every slider has a range: each input channel is declared with hints.
      expect(run.inputChannels.length).toBeGreaterThan(0);
    });
  }

  it('only the live-input example asks for the microphone, only the MIDI synth for MIDI', () => {
    expect(EXAMPLES.filter((e) => usesAudioInput(e.text)).map((e) => e.id)).toEqual(['live-input']);
    expect(EXAMPLES.filter((e) => usesMidi(e.text)).map((e) => e.id)).toEqual(['midi-synth']);
  });
});

describe('input detection', () => {
  it('finds input opcodes in code, not in comments, strings or longer names', () => {
    expect(usesAudioInput('<CsInstruments>\ninstr 1\n a1, a2 ins\nendin\n</CsInstruments>')).toBe(true);
    expect(usesAudioInput('instr 1\n a1 inch 1\n outs a1, a1\nendin')).toBe(true);
    expect(usesAudioInput('instr 1\n a1 in\nendin')).toBe(true);
    expect(usesAudioInput('instr 1 ; reads ins and inch\n a1 oscili 1, 440 /* inch */\n prints "in"\n kinst init 1\nendin')).toBe(false);
    expect(usesMidi('<CsOptions>\n-M0\n</CsOptions>')).toBe(true);
    expect(usesMidi('instr 1\n icps cpsmidi\nendin')).toBe(true);
    expect(usesMidi('instr 1\n; massign\nendin')).toBe(false);
  });
});

describe('Web MIDI input', () => {
  /** A stand-in for navigator.requestMIDIAccess with one input whose messages the test sends. */
  function fakeMidiAccess() {
    const input = { id: 'in-1', name: 'Test keys', onmidimessage: null as ((event: { data: Uint8Array }) => void) | null };
    const access = { inputs: new Map([['in-1', input]]), onstatechange: null };
    return { input, access };
  }

  it('passes every incoming message to the engine\'s pushMidi, when the engine has one', async () => {
    const { input, access } = fakeMidiAccess();
    const navigatorBefore = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { requestMIDIAccess: async () => access }, configurable: true });
    try {
      const statuses: string[] = [];
      const midi = new MidiInput((text) => statuses.push(text));
      await midi.open();
      expect(statuses.at(-1)).toBe('Test keys');
      const received: number[][] = [];
      const engine = { pushMidi(bytes: ArrayLike<number>) { received.push(Array.from(bytes)); } };
      midi.setSink(midiSinkOf(engine));
      input.onmidimessage?.({ data: Uint8Array.of(0x90, 60, 100) });
      input.onmidimessage?.({ data: Uint8Array.of(0x80, 60, 0) });
      expect(received).toEqual([[0x90, 60, 100], [0x80, 60, 0]]);
      midi.setSink(null);
      input.onmidimessage?.({ data: Uint8Array.of(0x90, 62, 90) });
      expect(received.length).toBe(2);
      // An engine that refuses the bytes: the status says so once, and nothing is thrown at the browser.
      midi.setSink(() => {
        throw new Error('the MIDI input queue is full');
      });
      input.onmidimessage?.({ data: Uint8Array.of(0x90, 60, 100) });
      input.onmidimessage?.({ data: Uint8Array.of(0x80, 60, 0) });
      expect(statuses.filter((s) => s.startsWith('not delivered')).length).toBe(1);
      expect(statuses.at(-1)).toBe('not delivered: the MIDI input queue is full');
    } finally {
      if (navigatorBefore) Object.defineProperty(globalThis, 'navigator', navigatorBefore);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });

  it('an engine without pushMidi gets no sink, and a browser without Web MIDI says so', async () => {
    expect(midiSinkOf({})).toBeNull();
    const navigatorBefore = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true });
    try {
      const statuses: string[] = [];
      await new MidiInput((text) => statuses.push(text)).open();
      expect(statuses).toEqual(['no Web MIDI in this browser']);
    } finally {
      if (navigatorBefore) Object.defineProperty(globalThis, 'navigator', navigatorBefore);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });
});

describe('playground error messages', () => {
  async function compileError(text: string): Promise<readonly string[]> {
    const cs = await Csound.create({ messages: 'none', hostAudioIO: true });
    try {
      cs.compileCsdText(text);
    } catch (error) {
      if (error instanceof CsoundError) return error.messages;
      throw error;
    } finally {
      cs.destroy();
    }
    throw new Error('the text compiled');
  }

  const pad = EXAMPLES.find((e) => e.id === 'pad')!.text;
  const lineOf = (text: string, snippet: string) => text.split('\n').findIndex((l) => l.includes(snippet)) + 1;

  it('a syntax error names the line of the CSD and what was unexpected, in words', async () => {
    const broken = pad.replace('kbright port kbright, 0.08', 'kbright port kbright 0.08');
    const diagnosis = diagnoseCompile(await compileError(broken));
    expect(diagnosis.line).toBe(lineOf(broken, 'kbright port kbright 0.08'));
    expect(diagnosis.message).toContain('syntax error: unexpected number “0.08”, where Csound expected the end of the line or \',\'');
    expect(diagnosis.message).toContain('kbright port kbright 0.08');
    expect(diagnosis.message).not.toMatch(/NUMBER_TOKEN|\*string\*/);
  });

  it('an unknown opcode and wrong argument types name their lines', async () => {
    const unknown = pad.replace('klfo lfo 0.25', 'klfo lfox 0.25');
    expect(diagnoseCompile(await compileError(unknown)).line).toBe(lineOf(unknown, 'lfox'));
    const types = pad.replace('a1 vco2 iamp, ifreq * 0.996', 'a1 vco2 iamp, ifreq * 0.996, "saw"');
    const diagnosis = diagnoseCompile(await compileError(types));
    expect(diagnosis.line).toBe(lineOf(types, '"saw"'));
    expect(diagnosis.message).toContain("Unable to find opcode entry for 'vco2'");
  });

  it('text that is not a CSD is called that', async () => {
    const diagnosis = diagnoseCompile(await compileError('instr 1\n  out oscili(0.1, 440)\nendin\n'));
    expect(diagnosis.message).toContain('is not a CSD document');
  });

  it('a CSD that asks for MIDI the engine cannot open gets a plain explanation', () => {
    const diagnosis = diagnoseCompile(["error: -+rtmidi='portmidi': unknown module *** error opening MIDI in device: -1 (Unknown MIDI error)\n"]);
    expect(diagnosis.message).toContain('MIDI');
    expect(diagnosis.line).toBeNull();
  });

  it('init errors while playing are read with their instrument and line', () => {
    const diagnosis = diagnoseRuntime('INIT ERROR in instr 2 (opcode expseg) line 42: ival1 is zero\n');
    expect(diagnosis).toEqual({ message: 'Error while starting a note of instr 2: expseg says “ival1 is zero”.', line: 42 });
    expect(diagnoseRuntime('B  0.000 ..  1.000 T  1.000 TT  1.000 M:  0.1  0.1\n')).toBeNull();
  });
});

describe('playground source', () => {
  it('type-checks (web/tsconfig.json)', () => {
    const tsc = spawnSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', path.join(REPO, 'web/tsconfig.json')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
  });
});
