// Tables: table (live view), tableLength, tableArgs.
import { describe, expect, it } from 'vitest';
import { CS_INSTR_EVENT, CS_TABLE_EVENT } from '../../dist/js/index.js';
import { startedCsound } from './helpers.js';

const SINE_SIZE = 16;
// Six values: a size of 2^n + 1 would be read as 2^n points plus a guard point.
const LIST = [10, 20, 30, 40, 50, 60];
const ORC = `
sr = 8000
ksmps = 8
nchnls = 1
0dbfs = 1
giSine ftgen 1, 0, ${SINE_SIZE}, 10, 1                      ; one partial: a sine
giList ftgen 2, 0, ${LIST.length}, -2, ${LIST.join(', ')}   ; the values as given
instr 1  ; reads table 2 at index p4 (k-rate, table opcode) into the channel "read"
  kValue table p4, 2
  chnset kValue, "read"
endin
instr 2  ; writes p5 at index p4 of table 2
  tablew p5, p4, 2
endin
`;

describe('table', () => {
  it('holds the values of a GEN10 table (one partial: a sine period)', async () => {
    const cs = await startedCsound(ORC);
    const sine = cs.table(1)!;
    expect(sine).toBeInstanceOf(Float64Array);
    expect(sine.length).toBe(SINE_SIZE);
    sine.forEach((value, i) => expect(value).toBeCloseTo(Math.sin((2 * Math.PI * i) / SINE_SIZE), 12));
    cs.destroy();
  });

  it('holds the values of a GEN02 table exactly', async () => {
    const cs = await startedCsound(ORC);
    expect(Array.from(cs.table(2)!)).toEqual(LIST);
    cs.destroy();
  });

  it('is a live view: a value written through it is read by the orchestra (table, tab_i)', async () => {
    const cs = await startedCsound(ORC);
    const list = cs.table(2)!;
    list[3] = 99.5;
    expect(cs.evalCode('return tab_i(3, 2)')).toBe(99.5);
    cs.event(CS_INSTR_EVENT, [1, 0, 0.01, 3]);
    cs.performKsmps();
    expect(cs.controlChannel('read')).toEqual([99.5, 0]);
    cs.destroy();
  });

  it('is a live view: a value the orchestra writes (tablew) shows in it', async () => {
    const cs = await startedCsound(ORC);
    const list = cs.table(2)!;
    cs.event(CS_INSTR_EVENT, [2, 0, 0.01, 1, -7.25]);
    cs.performKsmps();
    expect(list[1]).toBe(-7.25);
    expect(Array.from(list)).toEqual([LIST[0], -7.25, ...LIST.slice(2)]);
    cs.destroy();
  });

  it('returns null for a table that does not exist', async () => {
    const cs = await startedCsound(ORC);
    expect(cs.table(99)).toBeNull();
    expect(cs.table(0)).toBeNull();
    cs.destroy();
  });

  it('shows a table made during the performance (f event)', async () => {
    const cs = await startedCsound(ORC);
    cs.event(CS_TABLE_EVENT, [5, 0, 4, -2, 1, 0.5, 0.25, 0.125]);
    cs.performKsmps();
    expect(Array.from(cs.table(5)!)).toEqual([1, 0.5, 0.25, 0.125]);
    cs.destroy();
  });
});

describe('tableLength', () => {
  it('is the size given in the ftgen statement', async () => {
    const cs = await startedCsound(ORC);
    expect(cs.tableLength(1)).toBe(SINE_SIZE);
    expect(cs.tableLength(2)).toBe(LIST.length);
    cs.destroy();
  });

  it('is -1 for a table that does not exist', async () => {
    const cs = await startedCsound(ORC);
    expect(cs.tableLength(99)).toBe(-1);
    cs.destroy();
  });
});

describe('tableArgs', () => {
  it('returns the GEN number, as written (negative: not normalised), then its arguments', async () => {
    const cs = await startedCsound(ORC);
    expect(cs.tableArgs(1)).toEqual([10, 1]);
    expect(cs.tableArgs(2)).toEqual([-2, ...LIST]);
    cs.destroy();
  });

  it('returns a copy: changing it does not change the table', async () => {
    const cs = await startedCsound(ORC);
    const args = cs.tableArgs(2)!;
    args[1] = 0;
    expect(cs.tableArgs(2)).toEqual([-2, ...LIST]);
    cs.destroy();
  });

  it('returns null for a table that does not exist', async () => {
    const cs = await startedCsound(ORC);
    expect(cs.tableArgs(99)).toBeNull();
    cs.destroy();
  });
});
