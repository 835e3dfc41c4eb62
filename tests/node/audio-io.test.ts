// Audio I/O: spout, spin, setHostAudioIO, and the views' validity across memory growth.
import { describe, expect, it } from 'vitest';
import { CS_INSTR_EVENT } from '../../dist/js/index.js';
import { drainText, quietCsound, startedCsound } from './helpers.js';

const KSMPS = 8;
const STEREO_CONSTANTS = { left: 0.25, right: -0.5 };
const STEREO_ORC = `
sr = 8000
ksmps = ${KSMPS}
nchnls = 2
nchnls_i = 2
0dbfs = 1
instr 1  ; constants through a(): ramps from 0 over the first period, then holds
  outs a(${STEREO_CONSTANTS.left}), a(${STEREO_CONSTANTS.right})
endin
instr 2  ; a sine, also written to an audio channel so the test can compare
  aSine poscil 0.5, 440
  chnset aSine, "monitor"
  outs aSine, -aSine
endin
instr 3  ; the input, channels swapped
  aIn1, aIn2 ins
  outs aIn2, aIn1
endin
instr 4  ; input channel 2 only, through inch
  aIn inch 2
  outs aIn, aIn
endin
`;

/** A ramp of distinct values, one per input sample. */
function fillRamp(view: Float64Array, scale = 0.001): void {
  for (let i = 0; i < view.length; i++) view[i] = (i + 1) * scale;
}

describe('spout', () => {
  it('holds ksmps × nchnls interleaved samples of the output (outs a(0.25), a(-0.5))', async () => {
    const cs = await startedCsound(STEREO_ORC);
    cs.event(CS_INSTR_EVENT, [1, 0, 1]);
    cs.performKsmps();
    cs.performKsmps();
    const spout = cs.spout();
    expect(spout.length).toBe(KSMPS * 2);
    const expected = [];
    for (let i = 0; i < KSMPS; i++) expected.push(STEREO_CONSTANTS.left, STEREO_CONSTANTS.right);
    expect(Array.from(spout)).toEqual(expected);
    cs.destroy();
  });

  it('matches the signal the orchestra writes to an audio channel, period after period', async () => {
    const cs = await startedCsound(STEREO_ORC);
    cs.event(CS_INSTR_EVENT, [2, 0, 1]);
    for (let period = 0; period < 4; period++) {
      cs.performKsmps();
      const monitor = cs.audioChannel('monitor');
      const spout = cs.spout();
      expect(monitor.some((v) => v !== 0)).toBe(true);
      for (let i = 0; i < KSMPS; i++) {
        expect(spout[2 * i]).toBe(monitor[i]);
        expect(spout[2 * i + 1]).toBe(-monitor[i]);
      }
    }
    cs.destroy();
  });

  it('is a live view: the same object shows each new period', async () => {
    const cs = await startedCsound(STEREO_ORC);
    const spout = cs.spout();
    cs.event(CS_INSTR_EVENT, [2, 0, 1]);
    cs.performKsmps();
    const first = Array.from(spout);
    cs.performKsmps();
    expect(Array.from(spout)).not.toEqual(first);
    expect(Array.from(spout)).toEqual(Array.from(cs.spout()));
    cs.destroy();
  });
});

describe('spin', () => {
  it('has ksmps × nchnls_i samples and feeds ins (channels swapped by the instrument)', async () => {
    const cs = await quietCsound();
    cs.setHostAudioIO();
    cs.setOption('-n');
    cs.compileOrc(STEREO_ORC);
    cs.start();
    cs.event(CS_INSTR_EVENT, [3, 0, 1]);
    const spin = cs.spin();
    expect(spin.length).toBe(KSMPS * 2);
    fillRamp(spin);
    const input = Array.from(spin);
    cs.performKsmps();
    const spout = cs.spout();
    for (let i = 0; i < KSMPS; i++) {
      expect(spout[2 * i]).toBe(input[2 * i + 1]);
      expect(spout[2 * i + 1]).toBe(input[2 * i]);
    }
    cs.destroy();
  });

  it('feeds inch with the channel it names', async () => {
    const cs = await quietCsound();
    cs.setHostAudioIO();
    cs.setOption('-n');
    cs.compileOrc(STEREO_ORC);
    cs.start();
    cs.event(CS_INSTR_EVENT, [4, 0, 1]);
    const spin = cs.spin();
    fillRamp(spin, 0.01);
    const input = Array.from(spin);
    cs.performKsmps();
    const spout = cs.spout();
    for (let i = 0; i < KSMPS; i++) {
      expect(spout[2 * i]).toBe(input[2 * i + 1]);
      expect(spout[2 * i + 1]).toBe(input[2 * i + 1]);
    }
    cs.destroy();
  });
});

describe('setHostAudioIO', () => {
  // With -odac -iadc and no host I/O, Csound opens its (dummy) real-time module, whose input overwrites spin.
  async function passThrough(hostIO: boolean): Promise<{ input: number[]; output: number[]; text: string }> {
    const cs = await quietCsound();
    if (hostIO) cs.setHostAudioIO();
    cs.setOption('-odac');
    cs.setOption('-iadc');
    cs.compileOrc(STEREO_ORC);
    cs.start();
    cs.event(CS_INSTR_EVENT, [3, 0, 1]);
    const spin = cs.spin();
    fillRamp(spin);
    const input = Array.from(spin);
    cs.performKsmps();
    const output = Array.from(cs.spout());
    const text = drainText(cs);
    cs.destroy();
    return { input, output, text };
  }

  it('makes spin/spout the audio interface: no real-time module, spin reaches the orchestra', async () => {
    const { input, output, text } = await passThrough(true);
    expect(text).not.toMatch(/rtaudio/);
    for (let i = 0; i < KSMPS; i++) expect(output[2 * i]).toBe(input[2 * i + 1]);
  });

  it('without it, -iadc opens the dummy real-time module and spin is overwritten', async () => {
    const { output, text } = await passThrough(false);
    expect(text).toMatch(/rtaudio: dummy module enabled/);
    expect(output.every((v) => v === 0)).toBe(true);
  });
});

describe('views across memory growth', () => {
  it('spin and spout views taken before a big ftgen still read and write the current buffers', async () => {
    const cs = await quietCsound();
    cs.setHostAudioIO();
    cs.setOption('-n');
    cs.compileOrc(STEREO_ORC);
    cs.start();
    const spout = cs.spout();
    const spin = cs.spin();
    const bytesBefore = cs.wasmMemory().buffer.byteLength;

    // 2^23 doubles = 64 MiB: more than the whole initial memory, so the memory must grow.
    cs.compileOrc('giBig ftgen 0, 0, 2^23, 2, 0');
    expect(cs.wasmMemory().buffer.byteLength).toBeGreaterThan(bytesBefore);
    expect(cs.tableLength(cs.evalCode('return giBig'))).toBe(2 ** 23);

    cs.event(CS_INSTR_EVENT, [3, 0, 1]);
    fillRamp(spin, 0.002);
    const input = Array.from(cs.spin());
    expect(input).toEqual(Array.from(spin));
    expect(input[0]).toBe(0.002);
    cs.performKsmps();
    const current = Array.from(cs.spout());
    expect(Array.from(spout)).toEqual(current);
    for (let i = 0; i < KSMPS; i++) expect(current[2 * i]).toBe(input[2 * i + 1]);
    cs.destroy();
  });
});
