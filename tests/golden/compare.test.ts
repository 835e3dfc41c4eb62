// Unit test of the golden classification on synthetic signals.
import { describe, expect, it } from 'vitest';
import { compareSamples, sampleDelta } from './compare.js';

function sine(n: number, step = 0.01): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => Math.sin(i * step));
}

describe('sampleDelta', () => {
  it('treats equal non-finite values as equal and a one-sided NaN/Infinity as infinitely different', () => {
    expect(sampleDelta(NaN, NaN)).toBe(0);
    expect(sampleDelta(Infinity, Infinity)).toBe(0);
    expect(sampleDelta(NaN, 0)).toBe(Infinity);
    expect(sampleDelta(0, -Infinity)).toBe(Infinity);
    expect(sampleDelta(0.5, 0.25)).toBe(0.25);
  });
});

describe('compareSamples', () => {
  it('classifies identical signals as exact with no differing sample', () => {
    const a = sine(1000);
    const c = compareSamples(a, a.slice());
    expect(c).toMatchObject({ cls: 'exact', maxAbs: 0, firstIndex: -1, firstDelta: 0, maxIndex: -1, firstLargeIndex: -1 });
  });

  it('classifies differences up to 1e-9 as exact and reports where they start', () => {
    const a = sine(1000);
    const b = a.slice();
    b[10] += 5e-10;
    b[500] -= 1e-9;
    const c = compareSamples(a, b);
    expect(c.cls).toBe('exact');
    expect(c.firstIndex).toBe(10);
    expect(c.firstDelta).toBeCloseTo(5e-10, 15);
    expect(c.maxIndex).toBe(500);
    expect(c.maxAbs).toBeLessThanOrEqual(1e-9);
    expect(c.firstLargeIndex).toBe(-1);
  });

  it('classifies a tiny onset that grows (feedback) as rounding', () => {
    const a = sine(2000);
    const b = a.slice();
    // an error of 1e-15 at sample 100 doubling every 10 samples, as a feedback loop would amplify it
    for (let i = 100; i < b.length; i++) b[i] += 1e-15 * 2 ** Math.min(40, (i - 100) / 10);
    const c = compareSamples(a, b);
    expect(c.cls).toBe('rounding');
    expect(c.firstIndex).toBe(100);
    expect(c.firstDelta).toBeLessThanOrEqual(1e-12);
    expect(c.maxAbs).toBeGreaterThan(1e-9);
    // 1e-15 * 2^((i - 100) / 10) passes 1e-9 once (i - 100) / 10 >= log2(1e6) = 19.93
    expect(c.firstLargeIndex).toBe(300);
  });

  it('classifies a float->int truncation flip (tiny onset, then a jump) as rounding', () => {
    const a = sine(1000);
    const b = a.slice();
    b[300] += 2e-16; // e.g. a phase one ulp off ...
    b[301] += 0.5; //   ... that later picks the neighbouring table index
    expect(compareSamples(a, b)).toMatchObject({ cls: 'rounding', firstIndex: 300, firstLargeIndex: 301, maxIndex: 301 });
  });

  it('classifies a first difference above 1e-12 that exceeds 1e-9 as wrong', () => {
    const a = sine(1000);
    const b = a.slice();
    b[42] += 1e-6;
    const c = compareSamples(a, b);
    expect(c).toMatchObject({ cls: 'wrong', firstIndex: 42, maxIndex: 42 });
    expect(c.firstDelta).toBeCloseTo(1e-6, 12);
  });

  it('uses the onset threshold 1e-12 inclusively', () => {
    const a = new Float64Array(10);
    const onsetOk = a.slice();
    onsetOk[1] = 1e-12;
    onsetOk[2] = 1;
    expect(compareSamples(a, onsetOk).cls).toBe('rounding');
    const onsetBad = a.slice();
    onsetBad[1] = 2e-12;
    onsetBad[2] = 1;
    expect(compareSamples(a, onsetBad).cls).toBe('wrong');
  });

  it('classifies a gain error as wrong even when the first sample is zero in both', () => {
    const a = sine(1000);
    const b = a.map((x) => x * 1.001);
    expect(compareSamples(a, b).cls).toBe('wrong');
  });

  it('classifies a NaN on one side as wrong with an infinite difference', () => {
    const a = sine(100);
    const b = a.slice();
    b[7] = NaN;
    const c = compareSamples(a, b);
    expect(c).toMatchObject({ cls: 'wrong', firstIndex: 7, maxAbs: Infinity });
  });

  it('classifies missing output, empty output and another length as wrong', () => {
    const a = sine(100);
    expect(compareSamples(a, null)).toMatchObject({ cls: 'wrong', reason: 'no output', actualLength: -1 });
    expect(compareSamples(a, new Float64Array(0))).toMatchObject({ cls: 'wrong', reason: 'no output' });
    const c = compareSamples(a, a.slice(0, 99));
    expect(c.cls).toBe('wrong');
    expect(c.reason).toMatch(/length 99 samples, native 100/);
  });

  it('refuses an empty expectation', () => {
    expect(compareSamples(new Float64Array(0), new Float64Array(0)).cls).toBe('wrong');
  });
});
