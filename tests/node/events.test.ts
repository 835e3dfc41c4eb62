// Events: event (instrument, table, end), eventString, their async variants, instrNumber.
import { describe, expect, it } from 'vitest';
import { CS_END_EVENT, CS_INSTR_EVENT, CS_TABLE_EVENT, CsoundError } from '../../dist/js/index.js';
import { drainText, performCycles, startedCsound } from './helpers.js';

const SR = 1000;
const KSMPS = 10;
const ORC = `
sr = ${SR}
ksmps = ${KSMPS}
nchnls = 1
0dbfs = 1
instr 1  ; a constant level p4 for p3 seconds
  aLevel = p4
  out aLevel
endin
instr 2  ; writes p5 to the channel "slot<p4>"
  chnset p5, sprintf("slot%d", p4)
endin
instr Named
  chnset p4, "named"
endin
instr AlsoNamed
endin
`;

/** Seconds → control periods of this orchestra. */
const periods = (seconds: number) => Math.round((seconds * SR) / KSMPS);

describe('event(CS_INSTR_EVENT)', () => {
  it('starts the instrument at the next performKsmps and ends it after p3', async () => {
    const cs = await startedCsound(ORC);
    const level = 0.25;
    const duration = 0.1;
    expect(cs.event(CS_INSTR_EVENT, [1, 0, duration, level])).toBe(0);
    for (let i = 0; i < periods(duration); i++) {
      cs.performKsmps();
      expect(Array.from(cs.spout())).toEqual(new Array(KSMPS).fill(level));
    }
    cs.performKsmps();
    expect(Array.from(cs.spout())).toEqual(new Array(KSMPS).fill(0));
    cs.destroy();
  });

  it('starts the instrument p2 seconds after the current time', async () => {
    const cs = await startedCsound(ORC);
    performCycles(cs, 3);
    const delay = 0.05;
    cs.event(CS_INSTR_EVENT, [1, delay, 1, 0.5]);
    performCycles(cs, periods(delay));
    expect(cs.spout()[0]).toBe(0);
    cs.performKsmps();
    expect(cs.spout()[0]).toBe(0.5);
    cs.destroy();
  });

  it('accepts a typed array of pfields', async () => {
    const cs = await startedCsound(ORC);
    cs.event(CS_INSTR_EVENT, new Float64Array([2, 0, 0.01, 4, 44]));
    cs.performKsmps();
    expect(cs.controlChannel('slot4')).toEqual([44, 0]);
    cs.destroy();
  });

  // Csound takes queued (async) calls during a k-cycle, after that cycle's events: they are performed one
  // performKsmps later than synchronous ones.
  it('with async, is queued, taken by the next performKsmps and performed by the one after', async () => {
    const cs = await startedCsound(ORC);
    expect(cs.event(CS_INSTR_EVENT, [2, 0, 0.01, 1, 11], true)).toBe(0);
    expect(cs.controlChannel('slot1')).toEqual([0, 0]);
    performCycles(cs, 2);
    expect(cs.controlChannel('slot1')).toEqual([11, 0]);
    cs.destroy();
  });

  it('with async, keeps every pfield exact and every queued event', async () => {
    const cs = await startedCsound(ORC);
    const values = [1 / 3, Math.PI * 1e6, -2.5e-7];
    values.forEach((value, slot) => cs.event(CS_INSTR_EVENT, [2, 0, 0.01, slot, value], true));
    performCycles(cs, 2);
    values.forEach((value, slot) => expect(cs.controlChannel(`slot${slot}`)).toEqual([value, 0]));
    cs.destroy();
  });

  it('throws CsoundError for a type that is not one of the CS_*_EVENT constants', async () => {
    const cs = await startedCsound(ORC);
    expect(() => cs.event(7, [1, 0, 1])).toThrow(CsoundError);
    cs.destroy();
  });
});

describe('event(CS_TABLE_EVENT)', () => {
  it('creates a function table on the next performKsmps', async () => {
    const cs = await startedCsound(ORC);
    const values = [1, 2, 3, 4];
    expect(cs.event(CS_TABLE_EVENT, [7, 0, values.length, -2, ...values])).toBe(0);
    expect(cs.tableLength(7)).toBe(-1);
    cs.performKsmps();
    expect(cs.tableLength(7)).toBe(values.length);
    expect(Array.from(cs.table(7)!)).toEqual(values);
    cs.destroy();
  });
});

describe('event(CS_END_EVENT)', () => {
  it('ends the performance: the next performKsmps returns a positive code', async () => {
    const cs = await startedCsound(ORC);
    cs.event(CS_INSTR_EVENT, [1, 0, 10, 0.5]);
    expect(cs.performKsmps()).toBe(0);
    expect(cs.event(CS_END_EVENT, [])).toBe(0);
    expect(cs.performKsmps()).toBeGreaterThan(0);
    expect(drainText(cs)).toContain('Score finished');
    cs.destroy();
  });
});

describe('eventString', () => {
  it('performs every line of a multi-line string', async () => {
    const cs = await startedCsound(ORC);
    cs.eventString('i 2 0 0.01 1 10\ni 2 0 0.01 2 20\ni 2 0 0.01 3 30');
    cs.performKsmps();
    expect(cs.controlChannel('slot1')).toEqual([10, 0]);
    expect(cs.controlChannel('slot2')).toEqual([20, 0]);
    expect(cs.controlChannel('slot3')).toEqual([30, 0]);
    cs.destroy();
  });

  it('plays a named instrument and creates tables (f statements)', async () => {
    const cs = await startedCsound(ORC);
    cs.eventString('i "Named" 0 0.01 5.5\nf 9 0 8 -2 0 1 2 3 4 5 6 7');
    cs.performKsmps();
    expect(cs.controlChannel('named')).toEqual([5.5, 0]);
    expect(Array.from(cs.table(9)!)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    cs.destroy();
  });

  it('with async, is queued, taken by the next performKsmps and performed by the one after', async () => {
    const cs = await startedCsound(ORC);
    cs.eventString('i 2 0 0.01 6 66\ni 2 0 0.01 7 77', true);
    expect(cs.controlChannel('slot6')).toEqual([0, 0]);
    performCycles(cs, 2);
    expect(cs.controlChannel('slot6')).toEqual([66, 0]);
    expect(cs.controlChannel('slot7')).toEqual([77, 0]);
    cs.destroy();
  });
});

describe('instrNumber', () => {
  it('returns the number Csound assigned to a named instrument', async () => {
    const cs = await startedCsound(ORC);
    const number = cs.instrNumber('Named');
    expect(number).toBeGreaterThan(0);
    expect(cs.evalCode('return nstrnum("Named")')).toBe(number);
    expect(cs.instrNumber('AlsoNamed')).toBe(cs.evalCode('return nstrnum("AlsoNamed")'));
    expect(cs.instrNumber('AlsoNamed')).not.toBe(number);
    cs.event(CS_INSTR_EVENT, [number, 0, 0.01, 8.25]);
    cs.performKsmps();
    expect(cs.controlChannel('named')).toEqual([8.25, 0]);
    cs.destroy();
  });

  it('matches the number Csound announces when it compiles the orchestra', async () => {
    const cs = await startedCsound('instr 1\nendin\ninstr 5\nendin\ninstr Announced\nendin');
    const announced = /instr Announced uses instrument number (\d+)/.exec(drainText(cs));
    expect(announced).not.toBeNull();
    expect(cs.instrNumber('Announced')).toBe(Number(announced![1]));
    cs.destroy();
  });

  it('returns -1 for a name no instrument has', async () => {
    const cs = await startedCsound(ORC);
    expect(cs.instrNumber('Missing')).toBe(-1);
    expect(cs.instrNumber('')).toBe(-1);
    cs.destroy();
  });
});
