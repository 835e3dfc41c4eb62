// csound-wasm/wam's pure parts, in Node: what the descriptor reads from a CSD's text, how channel hints become
// WAM parameters, the endless score, and (with tsc) that the declarations fit the WAM API package's types.
// The plugin itself runs in tests/browser/wam.test.ts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Csound } from '../../dist/js/index.js';
import {
  CsoundWamParameterInfo,
  csdDescriptor,
  describeCsd,
  endlessCsd,
  exponentForRange,
  isTransportChannel,
} from '../../dist/js/wam-csd.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const csd = (orc: string, options = '', score = '') =>
  `<CsoundSynthesizer>\n<CsOptions>\n${options}\n</CsOptions>\n<CsInstruments>\n${orc}\n</CsInstruments>\n` +
  `<CsScore>\n${score}\n</CsScore>\n</CsoundSynthesizer>\n`;

describe('describeCsd', () => {
  it('reads nchnls (default 1) and gives no input unless nchnls_i is set or input is read', () => {
    expect(describeCsd(csd('instr 1\n out oscili(0.1, 440)\nendin'))).toMatchObject({ outputs: 1, inputs: 0, readsMidi: false });
    expect(describeCsd(csd('nchnls = 2\ninstr 1\nendin'))).toMatchObject({ outputs: 2, inputs: 0 });
    expect(describeCsd(csd('nchnls = 2\nnchnls_i = 1\ninstr 1\nendin'))).toMatchObject({ outputs: 2, inputs: 1 });
    expect(describeCsd(csd('nchnls = 2\ninstr 1\n a1, a2 ins\n outs a1, a2\nendin'))).toMatchObject({ inputs: 2 });
    expect(describeCsd(csd('nchnls = 2\ninstr 1\n a1 inch 1\nendin'))).toMatchObject({ inputs: 2 });
    // Names that only contain an input opcode, comments and strings do not count.
    expect(describeCsd(csd('instr 1\n kin init 1\n; a1 in\n/* a2 inch 1 */\n prints "in"\n inst = 1\nendin'))).toMatchObject({ inputs: 0 });
  });

  it('reads MIDI from -M in the options or a MIDI opcode in the orchestra', () => {
    expect(describeCsd(csd('instr 1\nendin', '-d -M0')).readsMidi).toBe(true);
    expect(describeCsd(csd('instr 1\nendin', '--midi-device=0')).readsMidi).toBe(true);
    expect(describeCsd(csd('instr 1\n icps cpsmidi\nendin')).readsMidi).toBe(true);
    expect(describeCsd(csd('massign 0, 1\ninstr 1\nendin')).readsMidi).toBe(true);
    expect(describeCsd(csd('instr 1\n k1 ctrl7 1, 7, 0, 1\nendin')).readsMidi).toBe(true);
    expect(describeCsd(csd('instr 1\n ; icps cpsmidi\nendin', '; -M0')).readsMidi).toBe(false);
  });

  it('takes name, vendor, description, version and keywords from comment lines; the caller wins', () => {
    const text = csd('; name: Fuzz Box\n// vendor: Acme\n;; description: it fuzzes\n; version: 2.1\n; keywords: fuzz, distortion\ninstr 1\nendin');
    expect(describeCsd(text)).toMatchObject({ name: 'Fuzz Box', vendor: 'Acme', description: 'it fuzzes', version: '2.1', keywords: ['fuzz', 'distortion'] });
    expect(csdDescriptor(text)).toMatchObject({ identifier: 'csound-wasm.acme.fuzz-box', name: 'Fuzz Box', version: '2.1', isInstrument: false });
    expect(csdDescriptor(text, { name: 'Other', identifier: 'com.example.other' })).toMatchObject({ name: 'Other', identifier: 'com.example.other', vendor: 'Acme' });
    expect(csdDescriptor(csd('instr 1\nendin'))).toMatchObject({ name: 'Csound', vendor: 'csound-wasm', keywords: ['csound'], apiVersion: '2.0.0' });
  });
});

describe('parameters from channel hints', () => {
  it('integer, linear, exponential and unhinted channels', () => {
    const int = new CsoundWamParameterInfo('steps', { behav: 1, dflt: 2.6, min: 0.5, max: 7.5, });
    expect(int).toMatchObject({ type: 'int', discreteStep: 1, minValue: 1, maxValue: 7, defaultValue: 3, exponent: 0 });
    expect(int.denormalize(0.49)).toBe(4);
    const lin = new CsoundWamParameterInfo('gain', { behav: 2, dflt: 2, min: -1, max: 1 });
    expect(lin).toMatchObject({ type: 'float', minValue: -1, maxValue: 1, defaultValue: 1, exponent: 0 });
    expect(lin.normalize(0)).toBe(0.5);
    const exp = new CsoundWamParameterInfo('cutoff', { behav: 3, dflt: 1000, min: 20, max: 20000 });
    expect(exp.exponent).toBeCloseTo(exponentForRange(20, 20000), 12);
    expect(exp.denormalize(0.5)).toBeCloseTo(Math.sqrt(20 * 20000), 9);
    for (const v of [20, 55, 1000, 7777, 20000]) expect(exp.denormalize(exp.normalize(v))).toBeCloseTo(v, 6);
    // An exponential range through zero cannot be exponential: linear.
    expect(new CsoundWamParameterInfo('x', { behav: 3, dflt: 0, min: -1, max: 1 }).exponent).toBe(0);
    expect(new CsoundWamParameterInfo('plain', { behav: 0, dflt: 5, min: 0, max: 0 })).toMatchObject({ type: 'float', minValue: 0, maxValue: 1, defaultValue: 0 });
    expect(isTransportChannel('wam_tempo')).toBe(true);
    expect(isTransportChannel('tempo')).toBe(false);
  });
});

describe('endlessCsd', () => {
  it('keeps the performance going after the score (and its e statement) ends', async () => {
    const text = csd('sr = 44100\nksmps = 100\nnchnls = 1\n0dbfs = 1\ninstr 1\n out oscili(0.1, 440)\nendin', '-n', 'i 1 0 0.1\ne');
    expect(endlessCsd(csd('instr 1\nendin').replace(/<CsScore>[\s\S]*<\/CsScore>\n/, ''))).toMatch(/<CsScore>\nf 0 z\n<\/CsScore>\n<\/CsoundSynthesizer>/);
    const cs = await Csound.create({ messages: 'none' });
    try {
      cs.compileCsdText(endlessCsd(text));
      cs.start();
      let cycles = 0;
      while (cycles < 441 * 2 && cs.performKsmps() === 0) cycles++;
      expect(cycles).toBe(441 * 2);
    } finally {
      cs.destroy();
    }
  });
});

describe('types', () => {
  it('CsoundWebAudioModule and CsoundWamNode fit the WAM API package\'s WebAudioModule and WamNode', () => {
    const tsc = path.join(REPO, 'node_modules/.bin/tsc');
    const run = spawnSync(tsc, ['-p', path.join(REPO, 'tests/node/types/tsconfig.json')], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  });
});
