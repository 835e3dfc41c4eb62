// Sample-by-sample comparison of a native Csound render (the expectation) with a csound-wasm render, and the
// three classes of the golden suite:
//   exact    - same length and max |Δ| <= 1e-9
//   rounding - same length, the first differing sample differs by <= 1e-12 and the gap grew later (max |Δ| > 1e-9):
//              the signature of libm differences (musl in Emscripten vs glibc) amplified by feedback or by a
//              float->int truncation
//   wrong    - no output, another length, or the first difference is already above 1e-12 with max |Δ| > 1e-9.

export const EXACT_TOLERANCE = 1e-9;
export const ROUNDING_ONSET = 1e-12;

export type GoldenClass = 'exact' | 'rounding' | 'wrong';

export interface Comparison {
  cls: GoldenClass;
  /** Samples (not frames) in each render; `actualLength` is -1 when there was no output at all. */
  expectedLength: number;
  actualLength: number;
  /** Largest |Δ| over all samples (Infinity when a NaN/Infinity appears on one side only); 0 when no samples. */
  maxAbs: number;
  /** Index of the sample where max |Δ| is reached, or -1. */
  maxIndex: number;
  /** Index of the first sample that differs at all (Δ != 0), or -1 when none does. */
  firstIndex: number;
  /** |Δ| at `firstIndex` (0 when none differs). */
  firstDelta: number;
  /** Index of the first sample with |Δ| > EXACT_TOLERANCE, or -1: how far the gap of a rounding file stayed small. */
  firstLargeIndex: number;
  /** Why the class was given, in a few words. */
  reason: string;
}

/** |a - b|, where equal non-finite values (NaN and NaN, +Inf and +Inf) count as equal. */
export function sampleDelta(a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  const d = Math.abs(a - b);
  return Number.isNaN(d) ? Infinity : d;
}

/**
 * Compares `actual` (wasm) with `expected` (native). `actual` null means the render produced no output file.
 * An empty expectation is not a valid golden: it is classified wrong with its own reason.
 */
export function compareSamples(expected: ArrayLike<number>, actual: ArrayLike<number> | null): Comparison {
  const base = {
    expectedLength: expected.length,
    actualLength: actual === null ? -1 : actual.length,
    maxAbs: 0,
    maxIndex: -1,
    firstIndex: -1,
    firstDelta: 0,
    firstLargeIndex: -1,
  };
  if (expected.length === 0) return { ...base, cls: 'wrong', reason: 'the native render has no samples' };
  if (actual === null || actual.length === 0) return { ...base, cls: 'wrong', reason: 'no output' };
  if (actual.length !== expected.length) {
    return { ...base, cls: 'wrong', reason: `length ${actual.length} samples, native ${expected.length}` };
  }
  let maxAbs = 0;
  let maxIndex = -1;
  let firstIndex = -1;
  let firstDelta = 0;
  let firstLargeIndex = -1;
  for (let i = 0; i < expected.length; i++) {
    const d = sampleDelta(expected[i], actual[i]);
    if (d === 0) continue;
    if (firstIndex < 0) {
      firstIndex = i;
      firstDelta = d;
    }
    if (firstLargeIndex < 0 && d > EXACT_TOLERANCE) firstLargeIndex = i;
    if (d > maxAbs) {
      maxAbs = d;
      maxIndex = i;
    }
  }
  const result = { ...base, maxAbs, maxIndex, firstIndex, firstDelta, firstLargeIndex };
  if (maxAbs <= EXACT_TOLERANCE) {
    return { ...result, cls: 'exact', reason: firstIndex < 0 ? 'bit-identical' : `max |Δ| <= ${EXACT_TOLERANCE}` };
  }
  if (firstDelta <= ROUNDING_ONSET) {
    return { ...result, cls: 'rounding', reason: `first |Δ| ${firstDelta.toExponential(2)} grew to ${maxAbs.toExponential(2)}` };
  }
  return { ...result, cls: 'wrong', reason: `first |Δ| ${firstDelta.toExponential(2)} > ${ROUNDING_ONSET}` };
}
