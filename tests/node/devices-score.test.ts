// Devices and score control: audioDevList, midiDevList, scoreTime, isScorePending / setScorePending, rewindScore.
import { describe, expect, it } from 'vitest';
import { CS_INSTR_EVENT } from '../../dist/js/index.js';
import { csd, performCycles, performToEnd, quietCsound } from './helpers.js';

const SR = 1000;
const KSMPS = 10;
// Each note adds 1 to the channel "count" and plays p4 as a constant level.
const ORC = `
sr = ${SR}
ksmps = ${KSMPS}
nchnls = 1
0dbfs = 1
instr 1
  chnset chnget:i("count") + 1, "count"
  aLevel = p4
  out aLevel
endin
`;
const NOTES = [
  { start: 0.05, duration: 0.05, level: 0.5 },
  { start: 0.2, duration: 0.05, level: 0.25 },
];
const SCORE = NOTES.map((n) => `i1 ${n.start} ${n.duration} ${n.level}`).join('\n');
const SCORE_END = Math.max(...NOTES.map((n) => n.start + n.duration));
const periodsUntil = (seconds: number) => Math.round((seconds * SR) / KSMPS);

async function scoredCsound() {
  const cs = await quietCsound();
  cs.compileCsdText(csd({ orc: ORC, score: SCORE }));
  cs.start();
  return cs;
}

describe('audioDevList / midiDevList', () => {
  // In wasm no real-time module enumerates devices (audio goes through spin/spout or the host's AudioWorklet):
  // both lists are empty, before and after start, for input and output.
  it('return empty arrays in wasm', async () => {
    const cs = await quietCsound();
    for (const isOutput of [true, false]) {
      expect(cs.audioDevList(isOutput)).toEqual([]);
      expect(cs.midiDevList(isOutput)).toEqual([]);
    }
    cs.setOption('-odac');
    cs.compileOrc(ORC);
    cs.start();
    expect(cs.audioDevList(true)).toEqual([]);
    expect(cs.midiDevList(false)).toEqual([]);
    cs.destroy();
  });
});

describe('scoreTime', () => {
  it('advances by ksmps / sr per performKsmps', async () => {
    const cs = await scoredCsound();
    expect(cs.scoreTime()).toBe(0);
    for (let i = 1; i <= 4; i++) {
      cs.performKsmps();
      expect(cs.scoreTime()).toBeCloseTo((i * KSMPS) / SR, 12);
    }
    cs.destroy();
  });

  it('reaches the end of the last note when the score ends', async () => {
    const cs = await scoredCsound();
    expect(performToEnd(cs)).toBe(periodsUntil(SCORE_END));
    expect(cs.scoreTime()).toBeCloseTo(SCORE_END, 12);
    cs.destroy();
  });
});

describe('isScorePending / setScorePending', () => {
  it('the score is pending by default and its notes play', async () => {
    const cs = await scoredCsound();
    expect(cs.isScorePending()).toBe(true);
    performCycles(cs, periodsUntil(NOTES[0].start) + 1);
    expect(cs.spout()[0]).toBe(NOTES[0].level);
    expect(cs.controlChannel('count')).toEqual([1, 0]);
    cs.destroy();
  });

  it('setScorePending(false) mutes the score’s notes while real-time events still play', async () => {
    const cs = await scoredCsound();
    cs.setScorePending(false);
    expect(cs.isScorePending()).toBe(false);
    performCycles(cs, periodsUntil(NOTES[0].start) + 1);
    expect(cs.spout()[0]).toBe(0);
    expect(cs.controlChannel('count')).toEqual([0, 0]);
    cs.event(CS_INSTR_EVENT, [1, 0, 0.01, 0.125]);
    cs.performKsmps();
    expect(cs.spout()[0]).toBe(0.125);
    cs.setScorePending(true);
    expect(cs.isScorePending()).toBe(true);
    cs.destroy();
  });
});

describe('rewindScore', () => {
  it('restarts the score from time 0: every note plays again', async () => {
    const cs = await scoredCsound();
    performToEnd(cs);
    expect(cs.controlChannel('count')).toEqual([NOTES.length, 0]);
    cs.rewindScore();
    expect(cs.scoreTime()).toBe(0);
    performCycles(cs, periodsUntil(NOTES[0].start) + 1);
    expect(cs.spout()[0]).toBe(NOTES[0].level);
    expect(performToEnd(cs)).toBeGreaterThan(0);
    expect(cs.controlChannel('count')).toEqual([2 * NOTES.length, 0]);
    cs.destroy();
  });

  it('in the middle of the score, goes back to the first note', async () => {
    const cs = await scoredCsound();
    performCycles(cs, periodsUntil(NOTES[1].start) - 1);
    expect(cs.controlChannel('count')).toEqual([1, 0]);
    cs.rewindScore();
    performCycles(cs, periodsUntil(NOTES[0].start) + 1);
    expect(cs.controlChannel('count')).toEqual([2, 0]);
    cs.destroy();
  });
});

describe('scoreEndTime', () => {
  it('reads the end of the score in seconds from the sorted score, tempo included, and matches where performance ends', async () => {
    const cs = await quietCsound();
    // At 120 beats per minute the last note (beats 2 to 5) ends at 2.5 s.
    cs.compileCsdText(csd({ orc: ORC, score: 't 0 120\ni 1 0 1 0.5\ni 1 2 3 0.25' }));
    cs.start();
    expect(cs.scoreEndTime()).toBeCloseTo(2.5, 12);
    performToEnd(cs);
    expect(cs.scoreTime()).toBeCloseTo(2.5, 2);
    cs.destroy();
  });

  it('is null without a score', async () => {
    const cs = await quietCsound();
    cs.compileOrc(ORC);
    expect(cs.scoreEndTime()).toBeNull();
    cs.destroy();
  });
});
