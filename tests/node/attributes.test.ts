// Attributes: version, sr, kr, ksmps, channels, 0dBFS, A4, time, MYFLT size, the instance handle and host data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Csound,
  CSOUNDINIT_NO_ATEXIT,
  CSOUNDINIT_NO_SIGNAL_HANDLER,
  CsoundError,
  csoundInitialize,
} from '../../dist/js/index.js';
import { drainText, quietCsound, startedCsound } from './helpers.js';

// Values no default has, so each attribute must come from the orchestra header.
const HEADER = { sr: 48000, ksmps: 10, nchnls: 3, nchnls_i: 1, zeroDbfs: 2, a4: 432 };
const ORC = `
sr = ${HEADER.sr}
ksmps = ${HEADER.ksmps}
nchnls = ${HEADER.nchnls}
nchnls_i = ${HEADER.nchnls_i}
0dbfs = ${HEADER.zeroDbfs}
A4 = ${HEADER.a4}
instr 1
endin
`;

describe('attributes of a compiled orchestra', () => {
  let cs: Csound;
  let startupText: string;

  beforeAll(async () => {
    cs = await startedCsound(ORC);
    startupText = drainText(cs);
  });
  afterAll(() => cs.destroy());

  it('version() is 6181 for Csound 6.18.1', () => {
    expect(cs.version()).toBe(6181);
    expect(startupText).toContain('Csound version 6.18');
  });

  it('sr() and ksmps() are the header values and kr() is sr / ksmps', () => {
    expect(cs.sr()).toBe(HEADER.sr);
    expect(cs.ksmps()).toBe(HEADER.ksmps);
    expect(cs.kr()).toBe(HEADER.sr / HEADER.ksmps);
  });

  it('channels(false) is nchnls and channels(true) is nchnls_i', () => {
    expect(cs.channels(false)).toBe(HEADER.nchnls);
    expect(cs.channels()).toBe(HEADER.nchnls);
    expect(cs.channels(true)).toBe(HEADER.nchnls_i);
  });

  it('get0dBFS() and A4() are the header values', () => {
    expect(cs.get0dBFS()).toBe(HEADER.zeroDbfs);
    expect(cs.A4()).toBe(HEADER.a4);
  });

  it('the orchestra sees the same A4 as A4() (cpsmidinn of note 69)', () => {
    expect(cs.evalCode('return cpsmidinn(69)')).toBeCloseTo(cs.A4(), 9);
  });

  it('currentTimeSamples() advances by ksmps per performKsmps()', () => {
    const before = cs.currentTimeSamples();
    for (let i = 1; i <= 5; i++) {
      expect(cs.performKsmps()).toBe(0);
      expect(cs.currentTimeSamples()).toBe(before + i * HEADER.ksmps);
    }
  });

  it('sizeOfMYFLT() is 8, as the "double samples" banner says', () => {
    expect(cs.sizeOfMYFLT()).toBe(8);
    expect(startupText).toContain('(double samples)');
  });

  it('csound() returns a non-zero integer handle that stays the same', () => {
    const handle = cs.csound();
    expect(Number.isInteger(handle)).toBe(true);
    expect(handle).not.toBe(0);
    expect(cs.csound()).toBe(handle);
  });
});

describe('instance', () => {
  it('hostData() returns the very value given to create()', async () => {
    const data = { owner: 'test', list: [1, 2, 3] };
    const cs = await quietCsound({ hostData: data });
    expect(cs.hostData()).toBe(data);
    cs.destroy();
  });

  it('hostData() is undefined when none was given', async () => {
    const cs = await quietCsound();
    expect(cs.hostData()).toBeUndefined();
    cs.destroy();
  });

  it('csoundInitialize() resolves 0 with both flags', async () => {
    await expect(csoundInitialize(CSOUNDINIT_NO_SIGNAL_HANDLER | CSOUNDINIT_NO_ATEXIT)).resolves.toBe(0);
    await expect(csoundInitialize(0)).resolves.toBe(0);
  });

  it('csoundInitialize() rejects a non-numeric flag', async () => {
    await expect(csoundInitialize('1' as unknown as number)).rejects.toThrow(CsoundError);
  });

  it('a destroyed instance throws CsoundError instead of touching freed memory', async () => {
    const cs = await quietCsound();
    cs.destroy();
    expect(() => cs.sr()).toThrow(/destroyed/);
  });
});
