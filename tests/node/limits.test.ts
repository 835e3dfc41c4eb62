// Limits that are measured rather than chosen (docs/API.md, "Limits"): how deep a UDO can recurse. Each level of a
// recursive UDO's init pass nests a few wasm calls, so the depth is bounded by the JavaScript stack of the thread
// that performs: Node's main thread has about 1 MB, a worker (the performance thread) 4 MB. Native Csound 6.18
// reaches 10,000 levels and more with its 8 MB C stack.
import { describe, expect, it } from 'vitest';
import { Csound, CsoundError, CsoundPerformanceThread, LIMITS } from '../../dist/js/index.js';

const ORC = `sr = 8000
ksmps = 8
nchnls = 1
0dbfs = 1
opcode rec, i, i
  iIn xin
  iOut = 0
  if iIn > 0 then
    iOut rec iIn - 1
  endif
  xout iOut + 1
endop
instr 1
  iLevels rec p4
  chnset iLevels, "levels"
endin`;

/** Runs `rec depth` through evalCode on this thread: the value, or the CsoundError. */
async function recurse(depth: number): Promise<number | CsoundError> {
  const cs = await Csound.create({ messages: 'none' });
  cs.setOption('-n');
  cs.compileOrc(ORC);
  cs.start();
  try {
    return cs.evalCode(`iLevels rec ${depth}\nreturn iLevels`);
  } catch (error) {
    return error as CsoundError;
  } finally {
    cs.destroy();
  }
}

describe('UDO recursion depth', () => {
  it('the main thread reaches about 5,000 levels; deeper retires the instance with a CsoundError', async () => {
    let reached = 1000;
    let failed = 100_000;
    expect(await recurse(reached)).toBe(reached + 1);
    while (failed - reached > 50) {
      const depth = Math.floor((reached + failed) / 2);
      if ((await recurse(depth)) === depth + 1) reached = depth;
      else failed = depth;
    }
    console.log(`UDO recursion on the main thread: ${reached} levels work, ${failed} do not`);
    expect(reached).toBeGreaterThanOrEqual(4000);
    const error = await recurse(failed + 1000);
    expect(error).toBeInstanceOf(CsoundError);
    expect((error as CsoundError).message).toMatch(/nested too deeply for the JavaScript stack/);
  });

  it('a performance thread (a worker, with a larger stack) reaches 10,000 levels', async () => {
    const cs = await Csound.create({ messages: 'none' });
    cs.setOption('-n');
    cs.compileOrc(ORC);
    cs.start();
    const pt = new CsoundPerformanceThread(cs);
    await pt.play();
    cs.eventString('i 1 0 0.01 10000\ne 0.05');
    expect(await pt.join()).toBeGreaterThan(0);
    expect(cs.controlChannel('levels')[0]).toBe(10_001);
    cs.destroy();
  });

  it('LIMITS is exported with the documented values', () => {
    expect(LIMITS).toMatchObject({ pfields: 1998, scoreSamples: 9e18, sr: 1e7, channels: 256, instrument: 1_000_000 });
  });
});
