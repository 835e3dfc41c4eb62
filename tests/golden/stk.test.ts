// Golden renders of the 27 STK opcodes (csound-plugins' stkops over the Synthesis ToolKit 4.6.2): the CSDs of
// tests/golden/stk/, rendered by native Csound with Debian's libstkops.so and libstk (the rawwaves of Debian's stk
// package, RAWWAVE_PATH) and by csound-wasm, compared sample by sample (compare.ts).
//
// The clock is pinned on both sides. STK's Noise seeds rand() with time(NULL) when it is made (srand(time(NULL)) in
// Noise's constructor, seed 0), and the breath, bow and reed instruments, Plucked, Sitar, StifKarp, Resonate, Simple
// and VoicForm each hold one: two native renders in different seconds differ. Natively a preloaded time() returns a
// fixed second (a tiny library compiled here with the host's gcc); in wasm, time() reads Date.now(), which is
// pinned to the same second while the wasm renders. Everything else (rand() itself, which follows glibc's in
// wasm, the maths functions, the rawwaves) is the real thing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SECONDS, REPO_ROOT } from './cases.js';
import { compareSamples, type Comparison } from './compare.js';
import { renderNative, renderWasm } from './render.js';
import { NATIVE_RAWWAVE_PATH } from '../native-glibc.js';

const STK_DIR = join(REPO_ROOT, 'tests/golden/stk');
/** The second both renders see as the time (any value; fixed so that the noise of each render is the same). */
const FIXED_TIME = 1_700_000_000;

/** The CSDs, the opcodes each plays, and the start times (s) of its notes. */
const CASES: Record<string, { opcodes: string[]; notes: number[] }> = {
  'stk_winds_bowed.csd': {
    opcodes: ['STKBandedWG', 'STKBlowBotl', 'STKBlowHole', 'STKBowed', 'STKBrass', 'STKClarinet', 'STKFlute',
      'STKSaxofony', 'STKWhistle'],
    notes: [0, 0.7, 1.4, 2.1, 2.8, 3.5, 4.2, 4.9, 5.6, 6.3],
  },
  'stk_strings_modal.csd': {
    opcodes: ['STKMandolin', 'STKPlucked', 'STKSitar', 'STKStifKarp', 'STKModalBar', 'STKResonate', 'STKSimple',
      'STKMoog', 'STKVoicForm'],
    notes: [0, 0.7, 1.4, 2.1, 2.8, 3.5, 4.2, 4.9, 5.6, 6.3],
  },
  'stk_fm_percussion.csd': {
    opcodes: ['STKBeeThree', 'STKFMVoices', 'STKHevyMetl', 'STKPercFlut', 'STKRhodey', 'STKTubeBell', 'STKWurley',
      'STKDrummer', 'STKShakers'],
    notes: [0, 0.55, 1.1, 1.65, 2.2, 2.75, 3.3, 3.85, 4.2, 4.55, 4.9, 5.45, 6.0],
  },
};

/**
 * Differences from native that are understood, by file: none so far. (Listed here with their cause, they would
 * pass as rounding-level; a listed file that became exact fails, so the list stays true.)
 */
const KNOWN_ROUNDING: Record<string, string> = {};

let scratch = '';
let fixedTimeLib = '';
const rows: string[] = [];

/** Runs `body` with Date.now() (and so the wasm's time()) at FIXED_TIME. */
async function withFixedClock<T>(body: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  Date.now = () => FIXED_TIME * 1000;
  try {
    return await body();
  } finally {
    Date.now = realNow;
  }
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'csound-stk-golden-'));
  const source = join(scratch, 'fixed-time.c');
  writeFileSync(source, [
    '#include <stdlib.h>',
    '#include <time.h>',
    '/* time() at the second in CSOUND_WASM_FIXED_TIME, for STK\'s srand(time(NULL)). */',
    'time_t time(time_t *t) {',
    '  const char *s = getenv("CSOUND_WASM_FIXED_TIME");',
    '  time_t v = s ? (time_t) atoll(s) : 0;',
    '  if (t) *t = v;',
    '  return v;',
    '}',
    '',
  ].join('\n'));
  fixedTimeLib = join(scratch, 'fixed-time.so');
  const cc = spawnSync('gcc', ['-shared', '-fPIC', '-O2', '-o', fixedTimeLib, source], { encoding: 'utf8' });
  if (cc.error || cc.status !== 0) throw new Error(`gcc: ${cc.error?.message ?? cc.stderr}`);
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  // eslint-disable-next-line no-console
  if (rows.length > 0) console.log(`\nSTK golden (native Debian libstkops.so + libstk 4.6.2 vs wasm):\n${rows.join('\n')}\n`);
});

function describeComparison(c: Comparison): string {
  return `${c.cls}, ${c.expectedLength} samples, max |Δ| ${c.maxAbs}` +
    (c.firstIndex >= 0 ? `, first difference at ${c.firstIndex}` : ', bit-identical');
}

describe('golden: STK opcodes, native Csound vs csound-wasm', () => {
  it('native Csound has its STK opcodes (Debian csound-plugins, and stk for the rawwaves)', () => {
    expect(existsSync(`${NATIVE_RAWWAVE_PATH}sinewave.raw`), `${NATIVE_RAWWAVE_PATH} (Debian package stk)`).toBe(true);
  });

  it('plays every STK opcode', () => {
    expect(Object.values(CASES).flatMap((c) => c.opcodes).sort()).toHaveLength(27);
  });

  for (const [csd, { opcodes, notes }] of Object.entries(CASES)) {
    it(`${csd}: ${opcodes.join(', ')}`, async () => {
      const wasm = await withFixedClock(() => renderWasm({ sourceDir: STK_DIR, csd, maxSeconds: MAX_SECONDS }));
      const native = renderNative({
        sourceDir: STK_DIR,
        csd,
        env: { LD_PRELOAD: fixedTimeLib, CSOUND_WASM_FIXED_TIME: String(FIXED_TIME) },
      });
      expect(native.ok, `native: ${native.error}\n${native.log}`).toBe(true);
      expect(wasm.ok, `wasm: ${wasm.error}\n${wasm.log}`).toBe(true);
      expect(native.samples?.length ?? 0, 'native rendered nothing').toBeGreaterThan(0);
      const c = compareSamples(native.samples!, wasm.samples);
      rows.push(`  ${csd}: ${describeComparison(c)}`);
      // Every note sounds: each opcode is really exercised (not an instrument that failed to make a sound).
      const silentNotes = notesThatAreSilent(native.samples!, 44100, notes);
      expect(silentNotes, 'native notes without sound').toEqual([]);
      if (csd in KNOWN_ROUNDING) {
        expect(c.cls, `${csd} is listed in KNOWN_ROUNDING (${KNOWN_ROUNDING[csd]})`).toBe('rounding');
      } else {
        expect(c.cls, c.reason).toBe('exact');
      }
    });
  }
});

/** The notes (start times, s) whose first 0.1 s is silent. */
function notesThatAreSilent(samples: Float64Array, sr: number, notes: number[]): number[] {
  return notes.filter((start) => {
    const from = Math.round(start * sr);
    let peak = 0;
    for (let i = from; i < Math.min(samples.length, from + Math.round(0.1 * sr)); i++) {
      peak = Math.max(peak, Math.abs(samples[i]));
    }
    return peak === 0;
  });
}
