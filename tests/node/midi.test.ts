// MIDI input from the host: pushMidi feeds Csound's host-implemented MIDI driver, read once per k-cycle by
// whichever thread performs. The orchestra reports what it received through channels.
import { describe, expect, it } from 'vitest';
import { CsoundError, CsoundPerformanceThread } from '../../dist/js/index.js';
import { csd, quietCsound } from './helpers.js';

// Every note-on starts instr 1 (massign), which counts notes, sums their numbers and keeps the last velocity;
// instr 2 watches controller 7 of channel 1 and how many instr 1 instances are active.
const ORC = `sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1
massign 0, 1
gkCount init 0
gkSum init 0
instr 1
  iNote notnum
  iVel veloc
  gkCount init i(gkCount) + 1
  gkSum init i(gkSum) + iNote
  chnset iVel, "velocity"
endin
instr 2
  kVolume ctrl7 1, 7, 0, 127
  chnset kVolume, "volume"
  chnset gkCount, "count"
  chnset gkSum, "sum"
  chnset active:k(1), "active"
endin`;

async function midiCsound(options = '-n -M0') {
  const cs = await quietCsound();
  cs.compileCsdText(csd({ options, orc: ORC, score: 'i 2 0 3600' }));
  cs.start();
  return cs;
}

describe('MIDI input (pushMidi)', () => {
  it('note-on, note-off and controller bytes reach the orchestra at the next k-cycle', async () => {
    const cs = await midiCsound();
    expect(cs.isMidiInputOpen()).toBe(true);
    cs.performKsmps();
    cs.pushMidi([0x90, 60, 100]);
    cs.performKsmps();
    cs.performKsmps();
    expect(cs.controlChannel('count')[0]).toBe(1);
    expect(cs.controlChannel('sum')[0]).toBe(60);
    expect(cs.controlChannel('velocity')[0]).toBe(100);
    expect(cs.controlChannel('active')[0]).toBe(1);
    // Running status: two more note-ons after one status byte; then their note-offs as note-on velocity 0.
    cs.pushMidi([0x90, 64, 80, 67, 90]);
    cs.pushMidi(new Uint8Array([0xb0, 7, 64]));
    cs.performKsmps();
    cs.performKsmps();
    expect(cs.controlChannel('count')[0]).toBe(3);
    expect(cs.controlChannel('sum')[0]).toBe(60 + 64 + 67);
    expect(cs.controlChannel('velocity')[0]).toBe(90);
    expect(cs.controlChannel('volume')[0]).toBe(64);
    expect(cs.controlChannel('active')[0]).toBe(3);
    cs.pushMidi([0x80, 60, 0, 0x90, 64, 0, 67, 0]);
    for (let i = 0; i < 4; i++) cs.performKsmps();
    expect(cs.controlChannel('active')[0]).toBe(0);
    cs.destroy();
  });

  it('1,000 notes pushed while a performance thread plays are all counted by the orchestra', async () => {
    const cs = await midiCsound();
    const pt = new CsoundPerformanceThread(cs);
    void pt.play();
    let expectedSum = 0;
    for (let i = 0; i < 1000; i++) {
      const note = 20 + (i % 80);
      expectedSum += note;
      cs.pushMidi([0x90, note, 1 + (i % 120)]);
      cs.pushMidi([0x80, note, 0]);
      if (i % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const deadline = Date.now() + 20_000;
    while (cs.controlChannel('count')[0] < 1000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(cs.controlChannel('count')[0]).toBe(1000);
    expect(cs.controlChannel('sum')[0]).toBe(expectedSum);
    pt.stop();
    await pt.join();
    cs.destroy();
  });

  it('refuses bytes when Csound was started without -M, naming the option', async () => {
    const cs = await midiCsound('-n');
    expect(cs.isMidiInputOpen()).toBe(false);
    expect(() => cs.pushMidi([0x90, 60, 100])).toThrow(/-M0/);
    cs.destroy();
  });

  it('rejects bad bytes and a full queue with CsoundError, keeping what was queued', async () => {
    const cs = await midiCsound();
    expect(() => cs.pushMidi([0x90, 256, 1])).toThrow(CsoundError);
    expect(() => cs.pushMidi([0x90, 60.5, 1])).toThrow(/byte 1/);
    expect(() => cs.pushMidi('abc' as unknown as number[])).toThrow(CsoundError);
    expect(() => cs.pushMidi(null as unknown as number[])).toThrow(CsoundError);
    // Nothing performs, so nothing is read: the queue fills up.
    let pushed = 0;
    let error: unknown = null;
    try {
      for (;;) {
        cs.pushMidi([0x90, 60, 100, 0x80, 60, 0]); // a note and its note-off, so no key is stacked
        pushed++;
      }
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsoundError);
    expect((error as CsoundError).message).toMatch(/queue is full/);
    expect(pushed).toBe(Math.floor(16384 / 6));
    // The queued notes are still delivered once the performance runs (Csound's own MIDI buffer takes part of
    // them per k-cycle).
    for (let i = 0; i < 200; i++) cs.performKsmps();
    expect(cs.controlChannel('count')[0]).toBe(pushed);
    cs.destroy();
  });
});
