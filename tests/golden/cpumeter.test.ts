// An orchestra that stops itself when cpumeter passes a threshold (issue 12). Natively cpumeter reads Linux's
// /proc/stat; in wasm it reads the /proc/stat of js/proc-stat.ts, written from the host's CPU times (os.cpus() in
// Node: the same counters). Before, cpumeter read nothing in wasm, so such an orchestra played for ever.
// The render itself keeps one CPU busy (instr 1 loops 20,000 times per k-cycle), so the machine's load is at least
// one CPU's worth: the threshold is half of that. When the meter passes it is a matter of timing, so the two
// renders end at different times; both must end by themselves, long before the score's hour, and agree sample for
// sample while both play.
import { cpus } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNative, renderWasm } from './render.js';

const SR = 44100;
/** Seconds of audio after which a render that has not stopped counts as playing on (the score lasts an hour). */
const LIMIT_SECONDS = 60;
const THRESHOLD = Math.max(1, Math.floor(50 / cpus().length));

const CSD = `<CsoundSynthesizer>
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = ${SR}
ksmps = 100
nchnls = 1
0dbfs = 1

instr 1  ; a tone, and work: a loop of 20,000 steps per k-cycle
  a1 poscil 0.3, 440
  out a1
  kcnt = 0
  until kcnt >= 20000 do
    kcnt += 1
  od
endin

instr 2  ; the meter, every second of audio; its first reading (at init) covers the time since boot: skipped
  kload cpumeter 1
  if timeinsts() > 1.5 && kload > ${THRESHOLD} then
    printks "cpumeter %.1f%% at %.2f s: stop\\n", 0, kload, timeinsts()
    event "e", 0, 0
    turnoff
  endif
endin
</CsInstruments>
<CsScore>
i1 0 3600
i2 0 3600
</CsScore>
</CsoundSynthesizer>
`;

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'csound-cpumeter-'));
  writeFileSync(join(dir, 'cpumeter.csd'), CSD);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('cpumeter', () => {
  it(`an orchestra stops itself when the meter passes ${THRESHOLD}% (native Csound and csound-wasm)`, async () => {
    const wasm = await renderWasm({ sourceDir: dir, csd: 'cpumeter.csd', maxSeconds: LIMIT_SECONDS, timeoutMs: 120_000 });
    const native = renderNative({ sourceDir: dir, csd: 'cpumeter.csd', timeoutMs: 120_000 });
    expect(native.ok, `native: ${native.error}\n${native.log}`).toBe(true);
    expect(wasm.ok, `wasm: ${wasm.error}\n${wasm.log}`).toBe(true);
    expect(native.log).toMatch(/cpumeter \d+\.\d% at \d+\.\d+ s: stop/);
    expect(wasm.log).toMatch(/cpumeter \d+\.\d% at \d+\.\d+ s: stop/);
    const nativeLength = native.totalSamples;
    const wasmLength = wasm.samples!.length;
    expect(nativeLength, 'native stopped by itself').toBeLessThan(LIMIT_SECONDS * SR);
    expect(wasmLength, 'wasm stopped by itself').toBeLessThan(LIMIT_SECONDS * SR);
    expect(wasmLength).toBeGreaterThan(1.5 * SR);
    const common = Math.min(nativeLength, wasmLength);
    let maxAbs = 0;
    for (let i = 0; i < common; i++) maxAbs = Math.max(maxAbs, Math.abs(native.samples![i] - wasm.samples![i]));
    expect(maxAbs).toBeLessThanOrEqual(1e-9);
    // eslint-disable-next-line no-console
    console.log(`cpumeter: native stopped at ${(nativeLength / SR).toFixed(2)} s, wasm at ${(wasmLength / SR).toFixed(2)} s`);
  });
});
